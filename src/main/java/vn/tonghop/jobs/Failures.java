package vn.tonghop.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** How a failure is told to an operator, by the commands and the API alike. */
public final class Failures {

	private Failures() {
	}

	/**
	 * A failure with the messages of its causes: the batch's own ("Unable to process chunk") says
	 * nothing an operator can act on, the cause ("Cannot write the reports on …") does.
	 */
	public static String describe(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable t = failure; t != null && messages.size() < 10; t = t.getCause()) {
			String message = (t.getMessage() != null) ? t.getMessage() : t.getClass().getSimpleName();
			if (messages.stream().noneMatch((earlier) -> earlier.contains(message))) {
				messages.add(message);
			}
		}
		return String.join(": ", messages);
	}

	/**
	 * Why a run failed, each cause once and in the same order every time: the load workers' causes,
	 * then the other steps' and the job's own ("Partition handler returned an unsuccessful step"),
	 * each by its text. The batch's getAllFailureExceptions gathers them in a HashSet, in an order
	 * that changed from one run to the next, the partition handler's line often first.
	 */
	public static List<String> of(JobExecution execution) {
		List<String> workers = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			// A partition's worker step is named after its partition: load-file:partition0.
			List<String> into = step.getStepName().contains(":") ? workers : others;
			step.getFailureExceptions().forEach((failure) -> into.add(describe(failure)));
		}
		execution.getFailureExceptions().forEach((failure) -> others.add(describe(failure)));
		return Stream.concat(workers.stream().sorted(), others.stream().sorted()).distinct().toList();
	}

}
