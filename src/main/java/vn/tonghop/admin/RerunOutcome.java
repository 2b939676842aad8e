package vn.tonghop.admin;

/**
 * What a rerun did (or, in a dry run, would do) with one file.
 *
 * @param change what the load changed in the warehouse; null when the file was rejected and the
 * warehouse left as it was
 */
public record RerunOutcome(long submissionId, String fileName, String unitCode, String conferenceCode,
		String stateBefore, String stateAfter, String firstProblem, Change change) {
}
