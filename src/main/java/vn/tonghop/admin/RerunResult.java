package vn.tonghop.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * @param executionId the ingest job execution that processed the files; null for a dry run
 * @param status that execution's status, or DRY_RUN
 * @param failures why that execution failed, for the command to say; empty when it did not
 */
public record RerunResult(boolean dryRun, Long executionId, String status, List<RerunOutcome> outcomes,
		@JsonIgnore List<Throwable> failures) {

	public boolean completed() {
		return this.dryRun || "COMPLETED".equals(this.status);
	}

}
