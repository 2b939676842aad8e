package vn.tonghop.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A unit expected to report on a conference (view {@code warehouse.completeness}).
 *
 * @param submittedAt arrival of its first accepted submission, Vietnam time; null while it has not reported
 * @param onTime whether that was on or before the deadline; null while it has not reported
 */
public record CompletenessRow(String conferenceCode, String provinceCode, String unitCode, String unitName,
		boolean reported, OffsetDateTime submittedAt, LocalDate deadline, Boolean onTime) {
}
