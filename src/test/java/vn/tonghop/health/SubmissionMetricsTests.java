package vn.tonghop.health;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void theMetersExistAtZeroBeforeTheFirstFile() {
		// when
		new SubmissionMetrics(this.registry);

		// then
		assertThat(this.registry.find("tonghop.files").counters()).extracting((counter) -> counter.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("accepted", "accepted_with_warnings", "rejected");
		assertThat(this.registry.find("tonghop.rows").counters()).extracting(Counter::count).containsOnly(0.0);
		assertThat(this.registry.find("tonghop.file.duration").timers()).hasSize(3);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aFileInATransactionCountsOnlyOnceItCommits(boolean commits) {
		// given a file processed in a transaction: a dry run's is rolled back, as is one the database failed
		SubmissionMetrics metrics = new SubmissionMetrics(this.registry);
		TransactionSynchronizationManager.initSynchronization();
		try {
			metrics.processed("accepted", 12, Duration.ofMillis(40));

			// when
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				if (commits) {
					synchronization.afterCommit();
				}
				synchronization.afterCompletion(commits ? TransactionSynchronization.STATUS_COMMITTED
						: TransactionSynchronization.STATUS_ROLLED_BACK);
			}
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}

		// then
		assertThat(this.registry.get("tonghop.files").tag("outcome", "accepted").counter().count())
			.isEqualTo(commits ? 1.0 : 0.0);
		assertThat(this.registry.get("tonghop.file.duration").tag("outcome", "accepted").timer().count())
			.isEqualTo(commits ? 1 : 0);
	}

	@Test
	void aFileCountsUnderItsOutcome() {
		// given
		SubmissionMetrics metrics = new SubmissionMetrics(this.registry);

		// when
		metrics.processed("rejected", 12, Duration.ofMillis(40));

		// then
		assertThat(this.registry.get("tonghop.files").tag("outcome", "rejected").counter().count()).isEqualTo(1.0);
		assertThat(this.registry.get("tonghop.rows").tag("outcome", "rejected").counter().count()).isEqualTo(12.0);
		assertThat(this.registry.get("tonghop.files").tag("outcome", "accepted").counter().count()).isZero();
	}

}
