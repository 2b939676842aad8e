package vn.tonghop.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.RerunResult;
import vn.tonghop.admin.Reruns;
import vn.tonghop.jobs.Failures;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.jobs.IngestRunner.IngestNotStartedException;
import vn.tonghop.jobs.IngestRunner.NoSuchExecutionException;

/** Administrators' actions: rerun archived files, resume a failed run. Both answer when the run has ended. */
@Tag(name = "Administration")
@RestController
class AdminController {

	private final Reruns reruns;

	private final IngestRunner runner;

	private final WarehouseQueries warehouse;

	private final SubmissionQueries submissions;

	AdminController(Reruns reruns, IngestRunner runner, WarehouseQueries warehouse, SubmissionQueries submissions) {
		this.reruns = reruns;
		this.runner = runner;
		this.warehouse = warehouse;
		this.submissions = submissions;
	}

	@Operation(summary = "Process archived files again: one submission, or the latest version of each unit for a "
			+ "conference (and the one standing when earlier)",
			description = "With dryRun the files are processed in a transaction that is rolled back: the answer tells "
					+ "what would change, nothing is changed.")
	@PostMapping(path = "/api/admin/reruns", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	RerunResult rerun(@RequestBody RerunRequest request) throws IngestNotStartedException {
		String problem = request.problem();
		if (problem != null) {
			throw new InvalidRerunException(problem);
		}
		// A mistyped conference or unit is not one with nothing to rerun (`rerun --unit` refuses it too).
		String conference = (request.conference() != null) ? this.warehouse.conference(request.conference())
			.orElseThrow(() -> NotFoundException.conference(request.conference()))
			.code() : null;
		String unit = (request.unit() != null)
				? this.warehouse.unitCode(request.unit()).orElseThrow(() -> NotFoundException.unit(request.unit())) : null;
		// Nor is a mistyped id a submission still pending (`rerun --submission` refuses it too).
		if (request.submission() != null && !this.submissions.exists(request.submission())) {
			throw NotFoundException.submission(request.submission());
		}
		return inVietnamTime(
				this.reruns.rerun(new RerunRequest(conference, unit, request.submission(), request.dryRun())));
	}

	/** Every timestamp of the API is in Vietnam time, as the listings' are. */
	private static RerunResult inVietnamTime(RerunResult result) {
		if (result.outcomes() == null) {
			return result;
		}
		return new RerunResult(result.dryRun(), result.executionId(), result.status(),
				result.outcomes().stream().map(outcome -> outcome.atZone(PagedSql.VIETNAM)).toList(), result.failures());
	}

	@Operation(summary = "Resume a failed ingest execution where it stopped")
	@PostMapping(path = "/api/admin/executions/{id}/restart", produces = MediaType.APPLICATION_JSON_VALUE)
	Restarted restart(@PathVariable long id) throws IngestNotStartedException {
		JobExecution resumed = this.runner.restart(id);
		return new Restarted(id, resumed.getId(), resumed.getStatus().name(),
				Failures.of(resumed));
	}

	@ExceptionHandler(NoSuchExecutionException.class)
	ProblemDetail unknownExecution(NoSuchExecutionException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IngestNotStartedException.class)
	ProblemDetail notStarted(IngestNotStartedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(InvalidRerunException.class)
	ProblemDetail invalid(InvalidRerunException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * @param resumedAs the new execution of the same job instance
	 * @param failures why it failed, as {@code restart} prints them; empty when it did not
	 */
	record Restarted(long executionId, long resumedAs, String status, List<String> failures) {
	}

	static final class InvalidRerunException extends RuntimeException {

		InvalidRerunException(String message) {
			super("Rerun: " + message + ".");
		}

	}

}
