package vn.tonghop.sheet;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much a submission may make the readers do. Every limit keeps one file's memory and time
 * bounded whatever its bytes say; the defaults fit a 256 MB heap with room for the rest of the
 * application. A file over a limit is rejected (file-too-large, file-over-limit) and the run goes on.
 *
 * @param maxFileSize largest .xlsx or .csv file
 * @param maxXlsSize largest .xls file: HSSF loads it whole, about five times its size in memory
 * @param maxXlsRecords cells, shared strings and other records an .xls may hold, counted before it is
 * loaded (about 80 bytes of memory each)
 * @param maxZipEntries files inside an .xlsx
 * @param maxUnzippedEntrySize what one file inside an .xlsx may unzip to (counted as it inflates:
 * the sizes a zip declares can lie)
 * @param maxUnzippedSize what all files inside an .xlsx may unzip to together
 * @param minInflateRatio smallest compressed ÷ unzipped size of an entry past its first 100 KB
 * (0.01: an entry may grow 100 times)
 * @param maxXmlPartSize largest XML part read whole into memory (content types, relationships,
 * properties, styles, theme), and longest single tag or comment in any part
 * @param maxSharedStrings strings in an .xlsx's shared string table (kept in memory while reading)
 * @param maxTextSize characters in all shared strings together
 * @param maxCellText characters in one cell (Excel's own limit is 32,767)
 * @param maxCsvRecord characters in one CSV record
 * @param maxRows non-empty rows in one sheet
 * @param maxCells non-empty cells in one sheet (while it looks for the header the recognizer spends
 * some 5 µs on each: 2,000,000 cells without a table take about 10 s)
 */
@Validated
@ConfigurationProperties("tonghop.limits")
public record ReadLimits(@NotNull @PositiveSize @DefaultValue("50MB") DataSize maxFileSize,
		@NotNull @PositiveSize @DefaultValue("20MB") DataSize maxXlsSize,
		@Min(1) @DefaultValue("500000") int maxXlsRecords, @Min(1) @DefaultValue("1000") int maxZipEntries,
		@NotNull @PositiveSize @DefaultValue("100MB") DataSize maxUnzippedEntrySize,
		@NotNull @PositiveSize @DefaultValue("250MB") DataSize maxUnzippedSize,
		@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.01") double minInflateRatio,
		@NotNull @PositiveSize @DefaultValue("5MB") DataSize maxXmlPartSize,
		@Min(1) @DefaultValue("500000") int maxSharedStrings, @Min(1) @DefaultValue("10000000") int maxTextSize,
		@Min(1) @DefaultValue("32767") int maxCellText, @Min(1) @DefaultValue("1000000") int maxCsvRecord,
		@Min(1) @DefaultValue("1048576") int maxRows, @Min(1) @DefaultValue("2000000") int maxCells) {

	/** Excel's widest sheet (column XFD); no reader passes a cell beyond it. */
	static final int MAX_COLUMNS = 16_384;

	private static final ReadLimits DEFAULTS = new Binder().bindOrCreate("tonghop.limits",
			Bindable.of(ReadLimits.class));

	/** The limits with every default, as configured when nothing is set. */
	public static ReadLimits defaults() {
		return DEFAULTS;
	}

}
