package vn.tonghop.admin;

import java.time.LocalDate;

/** One point added, removed or changed by a load; "before" values are null for an added point. */
public record PointChange(String kind, String pointName, String hostUnitCode, String pointLevel, String formatBefore,
		String formatAfter, LocalDate dateBefore, LocalDate dateAfter, Integer membersBefore, Integer membersAfter,
		Integer othersBefore, Integer othersAfter, Integer sourceRowBefore, Integer sourceRowAfter) {
}
