package vn.tonghop.schedule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import vn.tonghop.intake.IntakeProperties;

/**
 * Makes the Quartz store match jobs/ when the service starts: each schedule file becomes a job
 * and a cron trigger, and jobs whose file is gone are removed. Only the long-running service
 * does this (one-shot commands run with the scheduler off).
 */
@Component
@ConditionalOnBooleanProperty(name = "spring.quartz.auto-startup", matchIfMissing = true)
class ScheduleRegistrar implements SmartInitializingSingleton {

	static final String GROUP = "jobs-dir";

	private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

	private final Scheduler scheduler;

	private final ScheduleProperties properties;

	private final IntakeProperties intake;

	private List<Schedule> schedules = List.of();

	ScheduleRegistrar(Scheduler scheduler, ScheduleProperties properties, IntakeProperties intake) {
		this.scheduler = scheduler;
		this.properties = properties;
		this.intake = intake;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Schedule> schedules = ScheduleFiles.read(this.properties.directory(), this.properties.timeZone(),
				this.intake.input());
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
				this.scheduler.scheduleJob(job, Set.of(trigger), true);
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
			this.schedules = List.copyOf(schedules);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not register the schedules of " + this.properties.directory(), ex);
		}
	}

	/** The schedules registered at start-up. */
	List<Schedule> schedules() {
		return this.schedules;
	}

}
