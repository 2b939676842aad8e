package vn.tonghop.admin;

import java.time.OffsetDateTime;

/**
 * What one load changed for its (unit, conference): totals before and after, and how many points
 * were added, removed or changed.
 *
 * @param replacedSubmissionId the version that stood before, null for the first load; equal to
 * {@code submissionId} when a rerun processed the same version again
 */
public record Change(long id, long submissionId, Long replacedSubmissionId, String conferenceCode, String unitCode,
		OffsetDateTime changedAt, int pointsBefore, int pointsAfter, long membersBefore, long membersAfter,
		long othersBefore, long othersAfter, long participantsBefore, long participantsAfter, int pointsAdded,
		int pointsRemoved, int pointsChanged) {
}
