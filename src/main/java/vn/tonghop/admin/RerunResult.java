package vn.tonghop.admin;

import java.util.List;

/**
 * @param executionId the ingest job execution that processed the files; null for a dry run
 * @param status that execution's status, or DRY_RUN
 * @param failures why that execution failed (for a dry run, why the rerun would), each failure with the
 * messages of its causes, as the command says them and the API answers them; empty when it did not fail
 */
public record RerunResult(boolean dryRun, Long executionId, String status, List<RerunOutcome> outcomes,
		List<String> failures) {

	/** Whether the run completed; for a dry run, whether the rerun would. */
	public boolean completed() {
		return this.dryRun ? this.failures.isEmpty() : "COMPLETED".equals(this.status);
	}

}
