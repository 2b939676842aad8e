package vn.tonghop.jobs;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void aFailureIsDescribedWithItsCausesOnce() {
		// given the batch's wrapper around what went wrong, and a cause repeating its own cause's message
		IllegalStateException io = new IllegalStateException("Not a directory");
		RuntimeException reports = new RuntimeException("Cannot write the reports on 004/a.csv to /srv/fb: Not a directory", io);

		// when
		String described = Failures.describe(new RuntimeException("Unable to process chunk", reports));

		// then
		assertThat(described).isEqualTo("Unable to process chunk: Cannot write the reports on 004/a.csv to /srv/fb: Not a directory");
	}

	@Test
	void aRunsFailuresAreListedInTheSameOrderEveryTimeTheWorkersCausesFirstEachOnce() {
		// a failed run as the load step leaves it: two workers failed (one on a file the other had
		// failed on too), and the manager step says only that a partition failed; the batch gathers
		// them in a HashSet, whose order changes from one run, one JVM, to the next
		for (int run = 0; run < 20; run++) {
			// when
			List<String> failures = Failures.of(failedRun());

			// then
			assertThat(failures).containsExactly("Unable to process chunk: Cannot write the reports on 004/a.csv",
					"Unable to process chunk: The archived copy of 380/b.csv is missing",
					"Partition handler returned an unsuccessful step");
		}
	}

	private static JobExecution failedRun() {
		JobExecution execution = new JobExecution(1, new JobInstance(1, IngestJobConfiguration.JOB), new JobParameters());
		StepExecution discover = new StepExecution(1, "discover", execution);
		StepExecution load = new StepExecution(2, IngestJobConfiguration.LOAD_STEP, execution);
		load.addFailureException(new IllegalStateException("Partition handler returned an unsuccessful step"));
		StepExecution first = new StepExecution(3, IngestJobConfiguration.LOAD_WORKER_STEP + ":partition1", execution);
		first.addFailureException(failed("The archived copy of 380/b.csv is missing"));
		first.addFailureException(failed("Cannot write the reports on 004/a.csv"));
		StepExecution second = new StepExecution(4, IngestJobConfiguration.LOAD_WORKER_STEP + ":partition0", execution);
		second.addFailureException(failed("Cannot write the reports on 004/a.csv"));
		execution.addStepExecutions(List.of(discover, load, first, second));
		return execution;
	}

	private static RuntimeException failed(String cause) {
		return new RuntimeException("Unable to process chunk", new IllegalStateException(cause));
	}

}
