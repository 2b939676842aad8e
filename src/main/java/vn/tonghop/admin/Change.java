package vn.tonghop.admin;

import java.time.OffsetDateTime;
import java.time.ZoneId;

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

	/** The same change, its moment as the clocks of that zone showed it. */
	public Change atZone(ZoneId zone) {
		return (this.changedAt == null) ? this : new Change(this.id, this.submissionId, this.replacedSubmissionId,
				this.conferenceCode, this.unitCode, this.changedAt.atZoneSameInstant(zone).toOffsetDateTime(),
				this.pointsBefore, this.pointsAfter, this.membersBefore, this.membersAfter, this.othersBefore,
				this.othersAfter, this.participantsBefore, this.participantsAfter, this.pointsAdded, this.pointsRemoved,
				this.pointsChanged);
	}

}
