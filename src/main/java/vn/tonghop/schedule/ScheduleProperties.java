package vn.tonghop.schedule;

import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param directory where administrators keep the *.schedule files
 * @param timeZone the zone cron expressions are read in unless a file names another (a zone, so that
 * a mistyped one is told as this setting's, not as the first schedule file's naming none)
 * @param watch whether the service watches each schedule's drop folder and starts its job on a
 * change (read by {@link DropFolderWatchers}' condition)
 */
@Validated
@ConfigurationProperties("tonghop.schedule")
record ScheduleProperties(@NotNull @DefaultValue("jobs") Path directory,
		@NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone, @DefaultValue("true") boolean watch) {
}
