package vn.tonghop.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A file taken from the drop folder and what became of it.
 *
 * @param sourcePath where it was found, relative to the drop folder
 * @param state pending, accepted, accepted_with_warnings or rejected
 * @param current whether its rows are the ones in the warehouse for its unit and conference
 * @param unitCode the reporting unit it names; null when it could not be told
 * @param unitName that unit's name on the conference date
 * @param provinceCode that unit's province on the conference date
 * @param errors stored problems of severity error (at most {@code tonghop.intake.max-problems} are stored)
 * @param warnings stored problems of severity warning
 * @param firstProblem the first problem, described, or null
 * @param links related resources by relation name: {@code self}, {@code problems}
 */
record SubmissionRow(long id, String fileName, String sourcePath, String state, boolean current,
		String unitCode, String unitName, String provinceCode, String conferenceCode, LocalDate reportDate,
		Integer rowsLoaded, OffsetDateTime receivedAt, OffsetDateTime processedAt, long errors, long warnings,
		String firstProblem, Map<String, String> links) {
}
