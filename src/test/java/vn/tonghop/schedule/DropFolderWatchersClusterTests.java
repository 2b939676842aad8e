package vn.tonghop.schedule;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.feedback.FeedbackProperties;
import vn.tonghop.intake.IntakeProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every instance watching one drop folder sees the same file arrive and fires the same schedule at
 * the same moment: the schedule must still run on one instance at a time.
 */
// A scheduler name of its own: Quartz looks up its connections by that name in a registry the whole JVM
// shares, so among the test contexts cached in this JVM the last one started would serve them all, and a
// transaction of this context's would not hold this scheduler's cluster lock.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.scheduler-name=cluster-test")
class DropFolderWatchersClusterTests {

	static final JobKey JOB = JobKey.jobKey("watched-race", ScheduleRegistrar.GROUP);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	IntakeProperties intake;

	@Autowired
	FeedbackProperties feedback;

	@Autowired
	PlatformTransactionManager transactionManager;

	String schedulerName;

	@BeforeEach
	void registerTheScheduleAndSlowDownStoringATrigger() throws SchedulerException {
		this.schedulerName = this.scheduler.getSchedulerName();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			try {
				this.scheduler.addJob(JobBuilder.newJob(StartIngestJob.class).withIdentity(JOB).storeDurably().build(),
						true);
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		});
		this.jdbc.update("INSERT INTO quartz.qrtz_locks (sched_name, lock_name) VALUES (?, 'TRIGGER_ACCESS') "
				+ "ON CONFLICT DO NOTHING", this.schedulerName);
		// Widens the moment between Quartz checking whether the job runs somewhere and storing the trigger.
		this.jdbc.execute("CREATE FUNCTION quartz.test_slow_trigger() RETURNS trigger LANGUAGE plpgsql AS "
				+ "$$ BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$");
		this.jdbc.execute("CREATE TRIGGER test_slow_trigger BEFORE INSERT ON quartz.qrtz_triggers FOR EACH ROW "
				+ "WHEN (NEW.job_name = 'watched-race') EXECUTE FUNCTION quartz.test_slow_trigger()");
	}

	@AfterEach
	void removeTheScheduleAndTheDelay() throws SchedulerException {
		this.jdbc.execute("DROP TRIGGER IF EXISTS test_slow_trigger ON quartz.qrtz_triggers");
		this.jdbc.execute("DROP FUNCTION IF EXISTS quartz.test_slow_trigger()");
		this.jdbc.update("DELETE FROM quartz.qrtz_fired_triggers WHERE job_name = ?", JOB.getName());
		this.scheduler.deleteJob(JOB);
	}

	@Test
	void aFiringWhileAnotherInstanceStartsTheScheduleWaitsForItsRun() throws Exception {
		// (the schedules are not read: only firing is under test)
		DropFolderWatchers watchers = new DropFolderWatchers(null, this.scheduler, this.intake, this.feedback,
				this.transactionManager);

		// given this instance's watch firing the schedule, in the middle of storing its trigger
		CompletableFuture<Void> firing = CompletableFuture.runAsync(() -> watchers.fire(JOB));
		while (this.jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
				+ "AND query ILIKE 'INSERT INTO quartz.qrtz_triggers%'", Integer.class) == 0) {
			assertThat(firing).isNotDone();
			Thread.sleep(20);
		}

		// when another instance starts a run of the schedule meanwhile, as Quartz does under its cluster lock
		// (which also marks every waiting trigger of the job BLOCKED until that run ends)
		Integer seenUnderTheLock = new TransactionTemplate(this.transactionManager).execute((status) -> {
			this.jdbc.queryForList("SELECT * FROM quartz.qrtz_locks WHERE sched_name = ? AND lock_name = 'TRIGGER_ACCESS' "
					+ "FOR UPDATE", this.schedulerName);
			return this.jdbc.queryForObject("SELECT count(*) FROM quartz.qrtz_triggers WHERE sched_name = ? "
					+ "AND job_name = ? AND job_group = ?", Integer.class, this.schedulerName, JOB.getName(), JOB.getGroup());
		});
		firing.get(30, TimeUnit.SECONDS);

		// then the other instance got the lock only once this one's trigger was stored, so it sees it and
		// blocks it, instead of finding no trigger and leaving it to run beside its own run
		assertThat(seenUnderTheLock).isEqualTo(1);
	}

}
