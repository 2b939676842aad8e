package vn.tonghop.warehouse;

import java.time.LocalDate;

/**
 * One checked data row on its way to the warehouse.
 *
 * @param sourceRow the row number as Excel shows it
 * @param pointName the point name, cleaned
 * @param level the level code (central, province, ...)
 * @param hostText the host unit as written, or null for the reporting unit
 * @param format the format code (online, in_person, recorded)
 * @param sessionDate the date, or null for the conference's start date
 * @param members party members attending
 * @param others other participants
 */
public record StagedPoint(int sourceRow, String pointName, String level, String hostText, String format,
		LocalDate sessionDate, int members, int others) {
}
