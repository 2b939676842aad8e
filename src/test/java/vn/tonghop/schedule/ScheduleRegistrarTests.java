package vn.tonghop.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Quartz, clustered on the JDBC store, fires the ingest job from a schedule file. Its schedules are
 * removed and its context closed after the class: left, every-second would go on firing on any
 * instance of the cluster (other classes' cached contexts) and claim other classes' pending files.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.quartz.auto-startup=true", "tonghop.intake.stable-for=0s",
				"spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
				"spring.quartz.wait-for-jobs-to-complete-on-shutdown=true" })
class ScheduleRegistrarTests {

	private static final Path JOBS;

	static {
		try {
			JOBS = Files.createTempDirectory("schedules");
			Files.writeString(JOBS.resolve("every-second.schedule"),
					"job = ingest\ncron = * * * * * ?\ninput = " + Files.createTempDirectory("drop") + "\n");
			Files.writeString(JOBS.resolve("nightly.schedule"),
					"job = ingest\ncron = 0 0 2 * * ?\ninput = " + Files.createTempDirectory("drop") + "\n");
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
	ScheduleRegistrar registrar;

	@Autowired
	Scheduler scheduler;

	@AfterAll
	static void removeSchedules(@Autowired Scheduler scheduler) throws SchedulerException {
		scheduler.deleteJobs(List.of(new JobKey("every-second", ScheduleRegistrar.GROUP),
				new JobKey("nightly", ScheduleRegistrar.GROUP)));
	}

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

	@Test
	void aRunMissedWhileNoInstanceWasUpHappensOnceAtStartUp() throws Exception {
		// given the nightly run due three nights ago, every instance down since (runs of a schedule of that
		// name by other test classes before, in this JVM's database, are not this one's)
		long before = this.jdbc.queryForObject("SELECT coalesce(max(job_execution_id), 0) FROM batch.batch_job_execution",
				Long.class);
		this.scheduler.standby();
		try {
			this.jdbc.update("UPDATE quartz.qrtz_triggers SET next_fire_time = ? WHERE trigger_name = 'nightly'",
					Instant.now().minus(Duration.ofDays(3)).toEpochMilli());

			// when an instance starts again
			this.registrar.afterSingletonsInstantiated();
		}
		finally {
			this.scheduler.start();
		}

		// then the missed run happens, once
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline) && nightlyRunsAfter(before) == 0) {
			Thread.sleep(250);
		}
		Thread.sleep(3000);
		assertThat(nightlyRunsAfter(before)).isOne();
	}

	private Integer nightlyRunsAfter(long execution) {
		return this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution_params "
				+ "WHERE parameter_name = 'trigger' AND parameter_value = 'nightly' AND job_execution_id > ?", Integer.class,
				execution);
	}

	// Instances of a cluster started together register the same schedules at the same moment.
	@Test
	void instancesRegisteringTogetherDoNotCollide() throws Exception {
		ExecutorService instances = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 15; round++) {
				// given the schedule not registered yet
				this.scheduler.deleteJob(new JobKey("every-second", ScheduleRegistrar.GROUP));
				CyclicBarrier together = new CyclicBarrier(4);

				// when four instances register at once
				List<Future<?>> registrations = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					registrations.add(instances.submit(() -> {
						together.await();
						this.registrar.afterSingletonsInstantiated();
						return null;
					}));
				}

				// then each did, and the schedule is there once
				for (Future<?> registration : registrations) {
					assertThatCode(() -> registration.get(30, TimeUnit.SECONDS)).doesNotThrowAnyException();
				}
				assertThat(this.jdbc.queryForObject(
						"SELECT count(*) FROM quartz.qrtz_cron_triggers WHERE trigger_name = 'every-second'", Integer.class))
					.isOne();
			}
		}
		finally {
			instances.shutdownNow();
		}
	}

}
