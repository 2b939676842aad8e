package vn.tonghop.schedule;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad schedule file into Spring Boot's short start-up report: the file, the line and the
 * problem are what an administrator needs, not the stack of the context's refresh.
 */
class ScheduleFileFailureAnalyzer extends AbstractFailureAnalyzer<ScheduleFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ScheduleFileException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct " + cause.file() + ", then start again.", cause);
	}

}
