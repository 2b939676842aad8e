package vn.tonghop.admin;

import java.time.ZoneId;

/**
 * What a rerun did (or, in a dry run, would do) with one file.
 *
 * @param change what the load changed in the warehouse; null when the file was rejected and the
 * warehouse left as it was
 * @param inPlaceOf for an earlier version the run processed again because the version standing for
 * its unit was rejected (or moved to another unit), that version; null for a file the rerun chose
 */
public record RerunOutcome(long submissionId, String fileName, String unitCode, String conferenceCode,
		String stateBefore, String stateAfter, String firstProblem, Change change, Long inPlaceOf) {

	/** The same outcome, its change's moment as the clocks of that zone showed it. */
	public RerunOutcome atZone(ZoneId zone) {
		return (this.change == null) ? this : new RerunOutcome(this.submissionId, this.fileName, this.unitCode,
				this.conferenceCode, this.stateBefore, this.stateAfter, this.firstProblem, this.change.atZone(zone),
				this.inPlaceOf);
	}

}
