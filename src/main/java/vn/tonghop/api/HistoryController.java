package vn.tonghop.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.tonghop.admin.History;
import vn.tonghop.admin.PointChange;
import vn.tonghop.security.UnitScope;

/** Every version a unit sent for a conference, and what each load changed in the warehouse. */
@Tag(name = "History")
@RestController
class HistoryController {

	private final History history;

	private final SubmissionQueries submissions;

	private final WarehouseQueries warehouse;

	HistoryController(History history, SubmissionQueries submissions, WarehouseQueries warehouse) {
		this.history = history;
		this.submissions = submissions;
		this.warehouse = warehouse;
	}

	@Operation(summary = "A unit's versions for a conference, oldest first, with the totals before and after each load")
	@GetMapping(path = "/api/units/{unit}/conferences/{code}/versions",
			produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<VersionRow> versions(@PathVariable String unit, @PathVariable String code,
			@Valid @ParameterObject PageRequest paging) {
		// A mistyped conference or unit is not a unit that sent nothing.
		String conference = this.warehouse.conference(code)
			.orElseThrow(() -> NotFoundException.conference(code))
			.code();
		String unitCode = this.warehouse.unitCode(unit).orElseThrow(() -> NotFoundException.unit(unit));
		return page(this.history.versions(unitCode, conference).stream().map(VersionRow::of).toList(), paging);
	}

	@Operation(summary = "The points the submission's latest load added, removed or changed, in the order of the file")
	@GetMapping(path = "/api/submissions/{id}/changes", produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<PointChange> changes(@PathVariable long id, @Valid @ParameterObject PageRequest paging,
			@Parameter(hidden = true) Authentication caller) {
		// Another district's submission is answered as if it did not exist, as in SubmissionController.
		if (!this.submissions.visible(id, UnitScope.districtUnit(caller).orElse(null))) {
			throw NotFoundException.submission(id);
		}
		// A load changes up to a file's points, a million of them: the page is read, never the whole list.
		return this.history.latestChange(id)
			.map(change -> this.history.points(change, paging.offset(), paging.size()))
			.map(window -> paging.of(window.points(), window.total()))
			.orElseGet(() -> paging.of(List.of(), 0));
	}

	// A unit sends a handful of versions: paged in memory.
	private static <T> Page<T> page(List<T> all, PageRequest paging) {
		int from = (int) Math.min(paging.offset(), all.size());
		return paging.of(all.subList(from, Math.min(from + paging.size(), all.size())), all.size());
	}

}
