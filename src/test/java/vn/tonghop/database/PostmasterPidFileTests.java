package vn.tonghop.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PostmasterPidFileTests {

	@TempDir
	Path dataDir;

	@Test
	void aListeningServersFileGivesItsPidAndPort() throws IOException {
		// given
		Files.writeString(this.dataDir.resolve("postmaster.pid"),
				"4242\n" + this.dataDir + "\n1763800000\n54321\n/tmp\nlocalhost\n  5432001   1234\nready   \n");

		// when
		Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(this.dataDir);

		// then
		assertThat(pidFile).contains(new PostmasterPidFile(4242, Optional.of(54321)));
	}

	@Test
	void aStartingServersFileHasNoPortYet() throws IOException {
		// given
		Files.writeString(this.dataDir.resolve("postmaster.pid"), "4242\n" + this.dataDir + "\n");

		// when
		Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(this.dataDir);

		// then
		assertThat(pidFile).contains(new PostmasterPidFile(4242, Optional.empty()));
	}

	@Test
	void noFileOrAnUnreadableOneGivesNothing() throws IOException {
		// given
		Path empty = Files.createDirectory(this.dataDir.resolve("empty"));
		Path garbled = Files.createDirectory(this.dataDir.resolve("garbled"));
		Files.writeString(garbled.resolve("postmaster.pid"), "not a pid\n");

		// when / then
		assertThat(PostmasterPidFile.read(empty)).isEmpty();
		assertThat(PostmasterPidFile.read(garbled)).isEmpty();
	}

}
