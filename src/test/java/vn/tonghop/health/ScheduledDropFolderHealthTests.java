package vn.tonghop.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A schedule scanning a folder of its own (a share): health follows that folder too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.quartz.auto-startup=true", "tonghop.schedule.watch=false", "tonghop.intake.stable-for=0s" })
class ScheduledDropFolderHealthTests {

	private static final Path JOBS;

	private static final Path SHARE;

	static {
		try {
			JOBS = Files.createTempDirectory("schedules");
			SHARE = Files.createTempDirectory("share").resolve("drop");
			// 1 January 2099: never fires here.
			Files.writeString(JOBS.resolve("share.schedule"), "job = ingest\ncron = 0 0 0 1 1 ? 2099\ninput = " + SHARE + "\n");
		}
		catch (IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void schedules(DynamicPropertyRegistry registry) {
		registry.add("tonghop.schedule.directory", JOBS::toString);
	}

	@Test
	void aScheduleWhoseFolderIsMissingIsDownUntilItIsBack(@Autowired InputFolderHealthIndicator indicator)
			throws IOException {
		// given the share not mounted: the configured drop folder is there, the schedule's is not
		// when
		Health missing = indicator.health();

		// then
		assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
		assertThat(missing.getDetails()).containsKey("schedules");
		assertThat(missing.getDetails().get("schedules").toString()).contains("share", SHARE.toString(), "exists=false");

		// when the share is back
		Files.createDirectories(SHARE);

		// then
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
	}

}
