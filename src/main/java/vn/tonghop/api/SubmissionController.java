package vn.tonghop.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
			@Valid @ParameterObject PageRequest paging) {
		return this.queries.submissions(filter, paging);
	}

	@Operation(summary = "One submission with its problems")
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	SubmissionDetails submission(@PathVariable long id) {
		return this.queries.submission(id).orElseThrow(() -> NotFoundException.submission(id));
	}

	@Operation(summary = "A submission's problems, in the order they were found")
	@GetMapping(path = "/{id}/problems", produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<ProblemRow> problems(@PathVariable long id, @Valid @ParameterObject PageRequest paging) {
		if (!this.queries.exists(id)) {
			throw NotFoundException.submission(id);
		}
		return this.queries.problems(id, paging);
	}

}
