package vn.tonghop.status;

import java.util.List;

/**
 * What one ingest run did, file by file.
 *
 * @param files every file the run took or found again, and every pending file it processed
 */
public record RunReport(List<FileLine> files) {

	/**
	 * Files this run processed to this state. A duplicate is not one of them: its state is that of
	 * the submission it repeats, counted where that was processed; nor is a file another run processed.
	 */
	public long count(String state) {
		return this.files.stream().filter(f -> f.processedHere() && f.state().equals(state)).count();
	}

	/** Files whose bytes had been taken before from their folder, in an earlier run or earlier in this one. */
	public long duplicates() {
		return this.files.stream().filter(FileLine::duplicate).count();
	}

	public long rowsLoaded() {
		return this.files.stream()
			.filter(f -> f.processedHere() && f.state().startsWith("accepted"))
			.mapToLong(FileLine::rows)
			.sum();
	}

	/**
	 * @param path where the file was found, relative to the drop folder
	 * @param submissionId the submission the file is (or duplicates)
	 * @param duplicate true when the bytes had been taken before from the same folder
	 * @param state pending, accepted, accepted_with_warnings or rejected
	 * @param reason the first problem, if any
	 * @param otherRun the run that processed a file this run took, when this one did not (another
	 * instance's claimed it first, or this run stopped before it and a later one took it); null otherwise
	 */
	public record FileLine(String path, long submissionId, boolean duplicate, String state, String unitCode,
			String conferenceCode, long rows, String reason, Long otherRun) {

		/** Counted in this run's figures: neither a duplicate nor processed by another run. */
		boolean processedHere() {
			return !this.duplicate && this.otherRun == null;
		}

	}

}
