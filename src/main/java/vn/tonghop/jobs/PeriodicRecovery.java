package vn.tonghop.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * In the long-running service, looks for executions to recover every
 * {@link RecoveryProperties#interval()}, not only at start-up: a process that lives for weeks
 * would otherwise leave for ever an execution it lost while its database was gone (its end could
 * not be recorded, and it is STARTED by a process that lives), and those of processes killed since
 * it started. In this process, not through the cluster's schedules: only this process knows which
 * of its executions it lost. One-shot commands run with the scheduler off, and without this.
 */
@Component
@ConditionalOnBooleanProperty(name = "spring.quartz.auto-startup", matchIfMissing = true)
class PeriodicRecovery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicRecovery.class);

	private final ExecutionRecovery recovery;

	private final RecoveryProperties properties;

	private ScheduledExecutorService timer;

	PeriodicRecovery(ExecutionRecovery recovery, RecoveryProperties properties) {
		this.recovery = recovery;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "execution-recovery");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.interval().toMillis();
		this.timer.scheduleWithFixedDelay(this::recover, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void recover() {
		try {
			this.recovery.recover();
		}
		catch (RuntimeException ex) {
			// The database gone again, most likely: the next pass tries again, and the timer must not stop.
			log.warn("Could not look for executions to recover: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		this.timer.shutdownNow();
		this.timer = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}
