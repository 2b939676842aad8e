package vn.tonghop.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Which submissions to list; every filter is optional.
 *
 * @param province the province of the submission's unit, as the tree stood on the conference date
 * @param state pending, accepted, accepted_with_warnings or rejected
 * @param current true: only the versions whose rows are in the warehouse; false: only the others
 * @param from received on or after this day (Vietnam time)
 * @param to received on or before this day (Vietnam time)
 * @param path where the file was, relative to the drop folder (its {@code sourcePath}), as an upload answers
 */
record SubmissionFilter(String conference, String province, String unit,
		@Pattern(regexp = "pending|accepted|accepted_with_warnings|rejected",
				message = "must be pending, accepted, accepted_with_warnings or rejected") String state,
		Boolean current, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String path) {

	/** No filter: every submission. */
	static SubmissionFilter none() {
		return new SubmissionFilter(null, null, null, null, null, null, null, null);
	}

}
