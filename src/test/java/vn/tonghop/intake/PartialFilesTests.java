package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PartialFilesTests {

	@Test
	void aSweepOfADropFolderThatIsALinkToAShareRemovesWhatAKillLeftThere(@TempDir Path share, @TempDir Path here)
			throws IOException {
		// given the drop folder a link to the share, and reports a killed process never renamed into place
		Path reports = Files.createDirectories(share.resolve("004/reports"));
		Path leftover = Files.writeString(reports.resolve(PartialFiles.name(".tmp")), "{");
		Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
		Path input = Files.createSymbolicLink(here.resolve("input"), share);

		// when
		PartialFiles.sweepTree(input, Instant.now().minus(Duration.ofHours(2)));

		// then
		assertThat(leftover).doesNotExist();
	}

}
