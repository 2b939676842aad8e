package vn.tonghop.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
		int exit = WorkbookFile.write(this.folder.resolve("bao-cao.xlsx"), out -> out.write("xlsx".getBytes(StandardCharsets.UTF_8)));

		// then an analyst the report is written for can read it, as a file saved by any program
		assertThat(exit).isZero();
		assertThat(Files.getPosixFilePermissions(this.folder.resolve("bao-cao.xlsx")))
			.isEqualTo(Files.getPosixFilePermissions(usual));
		assertThat(this.folder).isDirectoryNotContaining("glob:**/.tonghop-*");
	}

}
