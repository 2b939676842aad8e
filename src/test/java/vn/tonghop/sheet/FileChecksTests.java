package vn.tonghop.sheet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FileChecksTests {

	@TempDir
	Path dir;

	@Test
	void aWorkbookReadOnceIsTakenAsCheckedByTheNextReadOfTheSameFile() throws Exception {
		// given
		Path file = HostileFiles.write(this.dir, "long-bien.xlsx", HostileFiles.submission(true));
		FileChecks checks = new FileChecks();
		Recorder first = new Recorder();

		// when
		Workbooks.read(file, ReadLimits.defaults(), checks, first);
		Recorder again = new Recorder();
		Workbooks.read(file, ReadLimits.defaults(), checks, again);

		// then
		assertThat(checks.merges(file, ReadLimits.defaults())).isNotNull();
		assertThat(again.rows).hasSize(5).isEqualTo(first.rows);
	}

	@Test
	void aFileChangedSinceItWasCheckedIsCheckedAgain() throws Exception {
		// given a workbook read once, then replaced by one with a DOCTYPE in its sheet, its time put back
		Path file = HostileFiles.write(this.dir, "long-bien.xlsx", HostileFiles.submission(true));
		FileChecks checks = new FileChecks();
		Workbooks.read(file, ReadLimits.defaults(), checks, new Recorder());
		FileTime read = Files.getLastModifiedTime(file);
		Map<String, byte[]> parts = HostileFiles.unzip(HostileFiles.submission(true));
		String sheet = new String(parts.get(HostileFiles.SHEET), StandardCharsets.UTF_8);
		int declaration = sheet.indexOf("?>") + 2;
		parts.put(HostileFiles.SHEET, HostileFiles.utf8(sheet.substring(0, declaration) + HostileFiles.billionLaughs("worksheet")
				+ sheet.substring(declaration)));
		Files.write(file, HostileFiles.zip(parts));
		Files.setLastModifiedTime(file, read);

		// when
		UnreadableFileException refused = catchThrowableOfType(UnreadableFileException.class,
				() -> Workbooks.read(file, ReadLimits.defaults(), checks, new Recorder()));

		// then
		assertThat(refused).isNotNull();
		assertThat(refused.reason()).isEqualTo("file-unsafe-xml");
	}

	@Test
	void aFileCheckedUnderOtherLimitsIsCheckedAgain() throws Exception {
		// given a workbook read once under the default limits
		Path file = HostileFiles.write(this.dir, "long-bien.xlsx", HostileFiles.submission(true));
		FileChecks checks = new FileChecks();
		Workbooks.read(file, ReadLimits.defaults(), checks, new Recorder());
		ReadLimits d = ReadLimits.defaults();
		ReadLimits tinyParts = new ReadLimits(d.maxFileSize(), d.maxXlsSize(), d.maxXlsRecords(), d.maxZipEntries(),
				d.maxUnzippedEntrySize(), d.maxUnzippedSize(), d.minInflateRatio(), DataSize.ofBytes(100),
				d.maxSharedStrings(), d.maxTextSize(), d.maxCellText(), d.maxCsvRecord(), d.maxRows(), d.maxCells());

		// when
		UnreadableFileException refused = catchThrowableOfType(UnreadableFileException.class,
				() -> Workbooks.read(file, tinyParts, checks, new Recorder()));

		// then
		assertThat(checks.merges(file, tinyParts)).isNull();
		assertThat(refused).isNotNull();
		assertThat(refused.reason()).isEqualTo("file-over-limit");
	}

}
