package vn.tonghop.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conferences and their consolidated figures. */
@Tag(name = "Conferences")
@RestController
@RequestMapping("/api/conferences")
class ConferenceController {

	private final WarehouseQueries queries;

	ConferenceController(WarehouseQueries queries) {
		this.queries = queries;
	}

	@Operation(summary = "Conferences, newest first, optionally those starting within [from, to]")
	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<ConferenceRow> conferences(
			@Parameter(description = "start date on or after (ISO date)") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "start date on or before (ISO date)") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Valid @ParameterObject PageRequest paging) {
		return this.queries.conferences(from, to, paging);
	}

	@Operation(summary = "One conference")
	@GetMapping(path = "/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	ConferenceRow conference(@PathVariable String code) {
		return existing(code);
	}

	@Operation(summary = "Figures per province (warehouse.participation_by_province)")
	@GetMapping(path = "/{code}/provinces", produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<ProvinceRow> provinces(@PathVariable String code,
			@Parameter(description = "province code") @RequestParam(required = false) String province,
			@Valid @ParameterObject PageRequest paging) {
		return this.queries.provinces(existing(code).code(), province, paging);
	}

	@Operation(summary = "Figures per reporting unit (warehouse.participation_by_unit)")
	@GetMapping(path = "/{code}/units", produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<UnitRow> units(@PathVariable String code,
			@Parameter(description = "province code") @RequestParam(required = false) String province,
			@Parameter(description = "reporting unit code") @RequestParam(required = false) String unit,
			@Valid @ParameterObject PageRequest paging) {
		return this.queries.units(existing(code).code(), province, unit, paging);
	}

	@Operation(summary = "Units expected to report and whether they have (warehouse.completeness)")
	@GetMapping(path = "/{code}/completeness", produces = { MediaType.APPLICATION_JSON_VALUE, ApiMediaTypes.CSV })
	Page<CompletenessRow> completeness(@PathVariable String code,
			@Parameter(description = "province code") @RequestParam(required = false) String province,
			@Parameter(description = "unit code") @RequestParam(required = false) String unit,
			@Parameter(description = "only the units that have not reported") @RequestParam(defaultValue = "false")
			boolean missing, @Valid @ParameterObject PageRequest paging) {
		return this.queries.completeness(existing(code).code(), province, unit, missing, paging);
	}

	/** The conference, or a 404 for every endpoint under it. */
	private ConferenceRow existing(String code) {
		return this.queries.conference(code).orElseThrow(() -> NotFoundException.conference(code));
	}

}
