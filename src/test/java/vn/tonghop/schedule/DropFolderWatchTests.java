package vn.tonghop.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A file dropped into a schedule's folder is loaded at once, not at the schedule's next cron time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.quartz.auto-startup=true", "tonghop.intake.stable-for=0s" })
class DropFolderWatchTests {

	private static final Path JOBS;

	private static final Path DROP;

	static {
		try {
			JOBS = Files.createTempDirectory("schedules");
			DROP = Files.createTempDirectory("drop");
			// 1 January 2099: in this test, only the watch can start the job.
			Files.writeString(JOBS.resolve("watched.schedule"),
					"job = ingest\ncron = 0 0 0 1 1 ? 2099\ninput = " + DROP + "\n");
		}
		catch (IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void schedules(DynamicPropertyRegistry registry) {
		registry.add("tonghop.schedule.directory", JOBS::toString);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@BeforeEach
	void cleanDatabaseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aFileDroppedIntoTheFolderIsLoadedWithoutWaitingForTheCron() throws Exception {
		// when a district drops a file into its folder
		Path unit = Files.createDirectory(DROP.resolve("004"));
		Files.writeString(unit.resolve("long-bien.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));

		// then the watched schedule's job takes it
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String state = null;
		while (Instant.now().isBefore(deadline) && (state == null || state.equals("pending"))) {
			Thread.sleep(250);
			state = this.jdbc.query("SELECT s.state FROM tonghop.submission s JOIN batch.batch_job_execution_params p "
					+ "ON p.job_execution_id = s.job_execution_id WHERE p.parameter_name = 'trigger' "
					+ "AND p.parameter_value = 'watched' AND s.file_name = 'long-bien.csv'", (rs) -> rs.next() ? rs.getString(1) : null);
		}
		assertThat(state).isEqualTo("accepted");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE reporting_unit_code = '004'",
				Integer.class)).isEqualTo(2);
	}

}
