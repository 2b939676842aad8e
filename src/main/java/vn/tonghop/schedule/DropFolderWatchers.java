package vn.tonghop.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.feedback.FeedbackProperties;
import vn.tonghop.intake.IntakeProperties;

/**
 * Fires a schedule's job as soon as files arrive in its drop folder, instead of waiting for its
 * next cron time (operations.md has the folder watched). Through Quartz, so the job still never
 * overlaps itself across the cluster. The cron stays the safety net: file-system events do not
 * arrive from network shares (SMB, NFS), where districts' folders often live.
 */
@Component
@ConditionalOnBooleanProperty(name = { "spring.quartz.auto-startup", "tonghop.schedule.watch" }, matchIfMissing = true)
class DropFolderWatchers implements SmartLifecycle {

	/** Past the time a file must stay unchanged, so that the scan finds it stable. */
	private static final Duration MARGIN = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(DropFolderWatchers.class);

	private final ScheduleRegistrar registrar;

	private final Scheduler scheduler;

	private final IntakeProperties intake;

	private final FeedbackProperties feedback;

	private final TransactionTemplate transaction;

	private final List<DropFolderWatcher> watchers = new ArrayList<>();

	DropFolderWatchers(ScheduleRegistrar registrar, Scheduler scheduler, IntakeProperties intake,
			FeedbackProperties feedback, PlatformTransactionManager transactionManager) {
		this.registrar = registrar;
		this.scheduler = scheduler;
		this.intake = intake;
		this.feedback = feedback;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public synchronized void start() {
		Duration settle = this.intake.stableFor().plus(MARGIN);
		List<Path> own = (this.feedback.directory() != null)
				? List.of(this.intake.archive(), this.feedback.directory()) : List.of(this.intake.archive());
		for (Schedule schedule : this.registrar.schedules()) {
			Path folder = schedule.folder(this.intake.input());
			if (!Files.isDirectory(folder)) {
				log.warn("Schedule {}: {} is not a folder, not watched", schedule.name(), folder);
				continue;
			}
			JobKey job = JobKey.jobKey(schedule.name(), ScheduleRegistrar.GROUP);
			try {
				this.watchers.add(new DropFolderWatcher(folder, own, settle, () -> fire(job)));
				log.info("Schedule {}: watching {}", schedule.name(), folder);
			}
			catch (IOException ex) {
				log.warn("Schedule {}: cannot watch {} ({}); scanned at its cron times only", schedule.name(), folder,
						ex.toString());
			}
		}
	}

	/**
	 * Fires the job in one transaction: the Quartz store Spring configures takes its cluster lock with
	 * the caller's connection, and without a transaction the lock ends with each statement, so every
	 * instance watching the folder, firing at the same moment, found no run going and ran beside the
	 * one that had just started.
	 */
	void fire(JobKey job) {
		try {
			Trigger now = TriggerBuilder.newTrigger().forJob(job).startNow().build();
			this.transaction.executeWithoutResult((status) -> schedule(now));
			// Quartz woke its thread when the trigger was stored, before the commit let it see it:
			// resuming the trigger (never paused, so nothing changes) wakes it again.
			this.scheduler.resumeTrigger(now.getKey());
		}
		catch (SchedulerException | IllegalStateException ex) {
			log.warn("Could not start {} after a change in its drop folder: {}", job.getName(), ex.toString());
		}
	}

	private void schedule(Trigger trigger) {
		try {
			this.scheduler.scheduleJob(trigger);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public synchronized void stop() {
		for (DropFolderWatcher watcher : this.watchers) {
			try {
				watcher.close();
			}
			catch (IOException ex) {
				log.debug("Closing a drop folder watch", ex);
			}
		}
		this.watchers.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.watchers.isEmpty();
	}

}
