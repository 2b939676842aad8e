package vn.tonghop.api;

import java.time.OffsetDateTime;

import vn.tonghop.admin.Change;
import vn.tonghop.admin.Version;

/**
 * One version of a unit's submission for a conference, with what its latest load changed in the
 * warehouse (change columns empty when it was never loaded).
 */
record VersionRow(int version, long submissionId, String fileName, String sheetName, OffsetDateTime receivedAt,
		String state, boolean current, Integer rowsLoaded, String firstProblem, Long replacedSubmissionId,
		Integer pointsBefore, Integer pointsAfter, Integer pointsAdded, Integer pointsRemoved, Integer pointsChanged,
		Long participantsBefore, Long participantsAfter, OffsetDateTime changedAt) {

	static VersionRow of(Version version) {
		Change change = version.change();
		boolean loaded = change != null;
		return new VersionRow(version.version(), version.submissionId(), version.fileName(), version.sheetName(),
				at(version.receivedAt()), version.state(), version.current(), version.rowsLoaded(), version.firstProblem(),
				loaded ? change.replacedSubmissionId() : null, loaded ? change.pointsBefore() : null,
				loaded ? change.pointsAfter() : null, loaded ? change.pointsAdded() : null,
				loaded ? change.pointsRemoved() : null, loaded ? change.pointsChanged() : null,
				loaded ? change.participantsBefore() : null, loaded ? change.participantsAfter() : null,
				loaded ? at(change.changedAt()) : null);
	}

	private static OffsetDateTime at(OffsetDateTime moment) {
		return moment != null ? moment.atZoneSameInstant(PagedSql.VIETNAM).toOffsetDateTime() : null;
	}

}
