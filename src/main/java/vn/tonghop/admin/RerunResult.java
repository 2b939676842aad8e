package vn.tonghop.admin;

import java.util.List;

/**
 * @param executionId the ingest job execution that processed the files; null for a dry run
 * @param status that execution's status, or DRY_RUN
 */
public record RerunResult(boolean dryRun, Long executionId, String status, List<RerunOutcome> outcomes) {

	public boolean completed() {
		return this.dryRun || "COMPLETED".equals(this.status);
	}

}
