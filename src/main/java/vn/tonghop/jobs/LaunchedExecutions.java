package vn.tonghop.jobs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The ingest executions this process launched whose end it could not record. A launch runs its
 * execution to the end in the launching thread, and records how it ended before it returns; when
 * that fails (the database gone as the run ended) the launch throws and the execution stays
 * STARTED in the job repository although nothing runs it any more. Such an execution is lost for
 * certain: recovery marks it FAILED once the database is back, where its process id alone would
 * say that it runs, since this process lives.
 */
@Component
class LaunchedExecutions {

	/** Per execution launched and not yet returned, the thread that launched it. */
	private final Map<Long, Thread> running = new ConcurrentHashMap<>();

	private final Set<Long> lost = ConcurrentHashMap.newKeySet();

	/** The execution has begun, in the thread that launched it (the job's own listener). */
	void started(long executionId) {
		this.running.put(executionId, Thread.currentThread());
	}

	/**
	 * The launch in this thread is over.
	 * @param recorded whether it returned, its execution's end recorded; false when it threw
	 */
	void launchEnded(boolean recorded) {
		Thread launcher = Thread.currentThread();
		this.running.entrySet().removeIf((launched) -> {
			if (launched.getValue() != launcher) {
				return false;
			}
			if (!recorded) {
				this.lost.add(launched.getKey());
			}
			return true;
		});
	}

	boolean isLost(long executionId) {
		return this.lost.contains(executionId);
	}

	/** Marked FAILED: nothing more to remember. */
	void recovered(long executionId) {
		this.lost.remove(executionId);
	}

}
