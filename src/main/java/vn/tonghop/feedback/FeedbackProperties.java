package vn.tonghop.feedback;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import vn.tonghop.sheet.PositiveSize;

/**
 * What each district gets back for every processed file, and where it goes.
 *
 * @param writeFiles whether reports are written to folders at all (they are always kept in the
 * database)
 * @param directory one folder for every report, mirroring the drop-folder tree; null (the
 * default) writes them to a {@code reports} folder beside each file
 * @param annotateMaxSize the largest workbook annotated in memory: the file size of an .xls, the
 * unpacked size of an .xlsx (POI holds its XML as a tree, about 20 bytes of heap per byte); larger
 * files get a listing of their problems instead. Also the largest CSV copied whole into its listing.
 */
@Validated
@ConfigurationProperties("tonghop.feedback")
public record FeedbackProperties(@DefaultValue("true") boolean writeFiles, Path directory,
		@NotNull @PositiveSize @DefaultValue("5MB") DataSize annotateMaxSize) {
}
