package vn.tonghop.health;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Quartz: UP while it runs the schedules, UP in standby too (one-shot commands and tests never start
 * it), DOWN once shut down or when it cannot be asked.
 */
@Component
class SchedulerHealthIndicator implements HealthIndicator {

	private final Scheduler scheduler;

	SchedulerHealthIndicator(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Health health() {
		try {
			if (this.scheduler.isShutdown()) {
				return Health.down().withDetail("state", "shut down").build();
			}
			return Health.up()
				.withDetail("state", this.scheduler.isInStandbyMode() ? "standby" : "running")
				.withDetail("instance", this.scheduler.getSchedulerInstanceId())
				.withDetail("clustered", this.scheduler.getMetaData().isJobStoreClustered())
				.build();
		}
		catch (SchedulerException ex) {
			return Health.down(ex).build();
		}
	}

}
