package vn.tonghop.health;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files and rows by outcome (accepted, accepted_with_warnings, rejected) and how long a file took,
 * as Micrometer meters: {@code tonghop.files}, {@code tonghop.rows}, {@code tonghop.file.duration}.
 */
@Component
public class SubmissionMetrics {

	private final MeterRegistry registry;

	/** Every state a processed file ends in. */
	private static final List<String> OUTCOMES = List.of("accepted", "accepted_with_warnings", "rejected");

	SubmissionMetrics(MeterRegistry registry) {
		this.registry = registry;
		// Registered at zero, so /actuator/metrics names them before the first file (it answered 404).
		for (String outcome : OUTCOMES) {
			registry.counter("tonghop.files", "outcome", outcome);
			registry.counter("tonghop.rows", "outcome", outcome);
			registry.timer("tonghop.file.duration", "outcome", outcome);
		}
	}

	/**
	 * @param outcome the submission's state
	 * @param rows the point rows read from the file
	 * @param took from taking the file to recording its outcome
	 */
	public void processed(String outcome, long rows, Duration took) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count(outcome, rows, took);
			return;
		}
		// Counted once the outcome commits: a dry run is rolled back, and so is a file the database
		// failed, which the next run processes (and counts) again.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				count(outcome, rows, took);
			}

		});
	}

	private void count(String outcome, long rows, Duration took) {
		this.registry.counter("tonghop.files", "outcome", outcome).increment();
		this.registry.counter("tonghop.rows", "outcome", outcome).increment(rows);
		this.registry.timer("tonghop.file.duration", "outcome", outcome).record(took);
	}

}
