package vn.tonghop.jobs;

import java.util.ArrayList;
import java.util.List;

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

}
