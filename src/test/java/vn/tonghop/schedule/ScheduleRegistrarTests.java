package vn.tonghop.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Quartz, clustered on the JDBC store, fires the ingest job from a schedule file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.quartz.auto-startup=true", "tonghop.intake.stable-for=0s" })
class ScheduleRegistrarTests {

	private static final Path JOBS;

	static {
		try {
			JOBS = Files.createTempDirectory("schedules");
			Files.writeString(JOBS.resolve("every-second.schedule"),
					"job = ingest\ncron = * * * * * ?\ninput = " + Files.createTempDirectory("drop") + "\n");
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

	@Test
	void aScheduleInJobsStartsTheIngestJob() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		Integer runs = 0;
		while (Instant.now().isBefore(deadline) && runs == 0) {
			Thread.sleep(250);
			runs = this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution e "
					+ "JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id "
					+ "WHERE p.parameter_name = 'trigger' AND p.parameter_value = 'every-second' AND e.status = 'COMPLETED'",
					Integer.class);
		}
		assertThat(runs).isPositive();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM quartz.qrtz_cron_triggers WHERE trigger_name = 'every-second'",
				Integer.class)).isOne();
	}

}
