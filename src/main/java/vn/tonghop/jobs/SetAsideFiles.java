package vn.tonghop.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Per running execution, the files its workers set aside (see PendingSubmissionReader#setAside):
 * one map for all its workers, so a file is tried once per run, not once per worker.
 */
@Component
class SetAsideFiles {

	private final Map<Long, Map<Long, RuntimeException>> byExecution = new ConcurrentHashMap<>();

	/** In the order they were set aside. */
	Map<Long, RuntimeException> of(long jobExecutionId) {
		return this.byExecution.computeIfAbsent(jobExecutionId,
				(id) -> Collections.synchronizedMap(new LinkedHashMap<>()));
	}

	void forget(long jobExecutionId) {
		this.byExecution.remove(jobExecutionId);
	}

}
