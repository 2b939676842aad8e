package vn.tonghop.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.tonghop.api.SubmissionQueries.DistrictReport;
import vn.tonghop.security.UnitScope;

/** The files districts sent and what became of them. */
@Tag(name = "Submissions")
@RestController
@RequestMapping("/api/submissions")
class SubmissionController {

	private final SubmissionQueries queries;

	SubmissionController(SubmissionQueries queries) {
		this.queries = queries;
	}

	@Operation(summary = "Submissions, most recently received first")
	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<SubmissionRow> submissions(@Valid @ParameterObject SubmissionFilter filter,
			@Valid @ParameterObject PageRequest paging, @Parameter(hidden = true) Authentication caller) {
		return this.queries.submissions(filter, scope(caller), paging);
	}

	@Operation(summary = "One submission with its problems")
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	SubmissionDetails submission(@PathVariable long id, @Parameter(hidden = true) Authentication caller) {
		return this.queries.submission(id, scope(caller)).orElseThrow(() -> NotFoundException.submission(id));
	}

	@Operation(summary = "A submission's problems, in the order they were found")
	@GetMapping(path = "/{id}/problems", produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<ProblemRow> problems(@PathVariable long id, @Valid @ParameterObject PageRequest paging,
			@Parameter(hidden = true) Authentication caller) {
		if (!this.queries.visible(id, scope(caller))) {
			throw NotFoundException.submission(id);
		}
		return this.queries.problems(id, paging);
	}

	@Operation(summary = "The JSON report the district received for the submission")
	@GetMapping(path = "/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> report(@PathVariable long id, @Parameter(hidden = true) Authentication caller) {
		return download(id, "json", caller);
	}

	@Operation(summary = "The workbook the district received: its file annotated, or a listing of the problems")
	@GetMapping(path = "/{id}/workbook", produces = { ApiMediaTypes.XLSX, ApiMediaTypes.XLSM, ApiMediaTypes.XLS,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<byte[]> workbook(@PathVariable long id, @Parameter(hidden = true) Authentication caller) {
		return download(id, "workbook", caller);
	}

	private ResponseEntity<byte[]> download(long id, String kind, Authentication caller) {
		// Another district's submission is answered as if it did not exist: ids reveal nothing.
		if (!this.queries.visible(id, scope(caller))) {
			throw NotFoundException.submission(id);
		}
		DistrictReport report = this.queries.districtReport(id, kind)
			.orElseThrow(() -> new NotFoundException(this.queries.exists(id)
					? "Submission " + id + " has not been processed yet." : "No submission " + id + "."));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(report.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, Attachments.contentDisposition(report.fileName()))
			.body(report.content());
	}

	/** A district account sees its own subtree only; analysts and administrators see everything. */
	private static String scope(Authentication caller) {
		return UnitScope.districtUnit(caller).orElse(null);
	}

}
