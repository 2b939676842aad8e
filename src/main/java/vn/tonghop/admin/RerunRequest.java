package vn.tonghop.admin;

/**
 * Which archived files to process again: one submission, or the latest version of every unit
 * (or of one unit) for a conference, and the version standing when that is an earlier one.
 *
 * @param dryRun process inside a transaction that is rolled back and report what would change;
 * left out, false
 */
public record RerunRequest(String conference, String unit, Long submission, Boolean dryRun) {

	public RerunRequest {
		// A code sent empty, as a script fills a field left blank, is one not sent (as the API's filters take it).
		conference = conference == null || conference.isBlank() ? null : conference;
		unit = unit == null || unit.isBlank() ? null : unit;
		// A JSON request may leave it out: a missing primitive would be refused as unreadable.
		dryRun = Boolean.TRUE.equals(dryRun);
	}

	/** Exactly one of submission or conference; unit only with a conference. */
	public String problem() {
		if ((this.submission == null) == (this.conference == null)) {
			return "name either a submission or a conference";
		}
		if (this.submission != null && this.unit != null) {
			return "a unit goes with a conference, not with a submission";
		}
		return null;
	}

}
