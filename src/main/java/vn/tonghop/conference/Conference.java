package vn.tonghop.conference;

import java.time.LocalDate;
import java.util.List;

/**
 * A study conference districts report on.
 * @param deadline last day for submissions
 * @param scope codes of the provinces expected to report; empty means every province
 */
public record Conference(String code, String title, LocalDate startDate, LocalDate endDate, LocalDate deadline,
		List<String> scope) {

	public Conference {
		scope = List.copyOf(scope);
	}

}
