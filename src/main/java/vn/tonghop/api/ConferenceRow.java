package vn.tonghop.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A conference.
 *
 * @param scope the province codes it concerns; null when it concerns every province
 */
public record ConferenceRow(String code, String title, LocalDate startDate, LocalDate endDate, LocalDate deadline,
		List<String> scope) {
}
