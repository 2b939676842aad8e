package vn.tonghop.jobs;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.tonghop.jobs.FolderLayout.FolderLayoutException;

/** Turns folders laid out wrong into Spring Boot's short start-up report, not the stack of the context's refresh. */
class FolderLayoutFailureAnalyzer extends AbstractFailureAnalyzer<FolderLayoutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FolderLayoutException cause) {
		return new FailureAnalysis(cause.getMessage(), "Change the setting named, then start again.", cause);
	}

}
