package vn.tonghop.admin;

import java.time.OffsetDateTime;

/** One file a unit sent for a conference, numbered by arrival, with what its last load changed. */
public record Version(long submissionId, int version, String fileName, String sheetName, OffsetDateTime receivedAt,
		String state, boolean current, Integer rowsLoaded, String firstProblem, Change change) {
}
