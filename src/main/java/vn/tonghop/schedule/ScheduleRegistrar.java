package vn.tonghop.schedule;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.jobs.IngestRunner;

/**
 * Makes the Quartz store match jobs/ when the service starts: each schedule file becomes a job
 * and a cron trigger, and jobs whose file is gone are removed. Only the long-running service
 * does this (one-shot commands run with the scheduler off).
 */
@Component
@ConditionalOnBooleanProperty(name = "spring.quartz.auto-startup", matchIfMissing = true)
public class ScheduleRegistrar implements SmartInitializingSingleton {

	static final String GROUP = "jobs-dir";

	private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

	private final Scheduler scheduler;

	private final ScheduleProperties properties;

	private final IntakeProperties intake;

	private final TransactionTemplate transaction;

	private final IngestRunner runner;

	private List<Schedule> schedules = List.of();

	ScheduleRegistrar(Scheduler scheduler, ScheduleProperties properties, IntakeProperties intake,
			PlatformTransactionManager transactionManager, IngestRunner runner) {
		this.scheduler = scheduler;
		this.properties = properties;
		this.intake = intake;
		this.transaction = new TransactionTemplate(transactionManager);
		this.runner = runner;
	}

	/**
	 * Registers in one transaction: the Quartz store Spring configures takes its cluster lock with
	 * the caller's connection, and without a transaction the lock ends with each statement, so
	 * instances starting together both inserted the same job and one of them failed to start.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		List<Schedule> schedules = ScheduleFiles.read(this.properties.directory(), this.properties.timeZone().getId(),
				this.intake.input(), this.runner::layoutProblem);
		this.transaction.executeWithoutResult((status) -> register(schedules));
		this.schedules = List.copyOf(schedules);
	}

	private void register(List<Schedule> schedules) {
		try {
			Set<JobKey> wanted = new HashSet<>();
			for (Schedule schedule : schedules) {
				JobBuilder builder = JobBuilder.newJob(StartIngestJob.class)
					.withIdentity(schedule.name(), GROUP)
					.withDescription("starts the " + schedule.job() + " batch job")
					.storeDurably();
				if (schedule.input() != null) {
					builder.usingJobData(StartIngestJob.INPUT, schedule.input().toString());
				}
				JobDetail job = builder.build();
				Trigger trigger = TriggerBuilder.newTrigger()
					.withIdentity(schedule.name(), GROUP)
					.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron()).withMisfireHandlingInstructionFireAndProceed())
					.build();
				if (unchanged(schedule)) {
					this.scheduler.addJob(job, true);
				}
				else {
					this.scheduler.scheduleJob(job, Set.of(trigger), true);
				}
				wanted.add(job.getKey());
				log.info("Schedule {}: {} at '{}' ({})", schedule.name(), schedule.job(), schedule.cron().getCronExpression(),
						schedule.timeZone().getID());
			}
			for (JobKey existing : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
				if (!wanted.contains(existing)) {
					this.scheduler.deleteJob(existing);
					log.info("Schedule {} removed: its file is gone", existing.getName());
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not register the schedules of " + this.properties.directory(), ex);
		}
	}

	/**
	 * Whether the store holds this schedule's trigger as the file has it. That trigger is kept: a new
	 * one starts from now, so a firing missed while no instance ran would never come (Quartz fires a
	 * missed one once, on the trigger that missed it).
	 */
	private boolean unchanged(Schedule schedule) throws SchedulerException {
		Trigger stored = this.scheduler.getTrigger(TriggerKey.triggerKey(schedule.name(), GROUP));
		return stored instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.cron().getCronExpression())
				&& cron.getTimeZone().getID().equals(schedule.timeZone().getID())
				&& cron.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW
				&& this.scheduler.getTriggerState(stored.getKey()) != Trigger.TriggerState.ERROR;
	}

	/** The schedules registered at start-up. */
	List<Schedule> schedules() {
		return this.schedules;
	}

	/** The folder each schedule registered at start-up scans, absolute, by schedule name. */
	public Map<String, Path> dropFolders() {
		Map<String, Path> folders = new LinkedHashMap<>();
		for (Schedule schedule : this.schedules) {
			folders.put(schedule.name(), schedule.folder(this.intake.input()));
		}
		return folders;
	}

}
