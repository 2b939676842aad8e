package vn.tonghop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbookFileTests {

	@TempDir
	Path folder;

	@Test
	void aReportIsWrittenWithTheUsualPermissionsOfANewFileNotOnlyForItsOwner() throws Exception {
		// given the permissions any new file gets here (the umask's)
		Path usual = Files.createFile(this.folder.resolve("usual.txt"));

		// when
		int exit = WorkbookFile.write(this.folder.resolve("bao-cao.xlsx"), Duration.ofHours(2),
				out -> out.write("xlsx".getBytes(StandardCharsets.UTF_8)));

		// then an analyst the report is written for can read it, as a file saved by any program
		assertThat(exit).isZero();
		assertThat(Files.getPosixFilePermissions(this.folder.resolve("bao-cao.xlsx")))
			.isEqualTo(Files.getPosixFilePermissions(usual));
		assertThat(this.folder).isDirectoryNotContaining("glob:**/.tonghop-*");
	}

	@Test
	void aWorkbookHalfWrittenByACommandThatWasKilledIsRemovedOnceStaleAndNoOtherFile() throws Exception {
		// given what a report command killed while writing left beside its workbook hours ago, what
		// another command is writing now, and an old hidden file of the analyst's
		Path killed = file(".tonghop-" + UUID.randomUUID() + ".part", Duration.ofHours(3));
		Path writing = file(".tonghop-" + UUID.randomUUID() + ".part", Duration.ZERO);
		Path theirs = file(".ghi-chu.part", Duration.ofHours(3));

		// when the next workbook is written there
		int exit = WorkbookFile.write(this.folder.resolve("bao-cao.xlsx"), Duration.ofHours(2),
				out -> out.write("xlsx".getBytes(StandardCharsets.UTF_8)));

		// then only the stale half-written one is gone
		assertThat(exit).isZero();
		assertThat(killed).doesNotExist();
		assertThat(writing).exists();
		assertThat(theirs).exists();
	}

	private Path file(String name, Duration age) throws IOException {
		Path file = Files.writeString(this.folder.resolve(name), "half");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
		return file;
	}

}
