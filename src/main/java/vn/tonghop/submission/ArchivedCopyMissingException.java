package vn.tonghop.submission;

import vn.tonghop.intake.PendingSubmission;

/**
 * The archived copy a file is read from is not there, or no longer holds the bytes that were taken:
 * the archive folder is not mounted, was cleared, is another instance's (every instance must see the
 * same one), or was written over (a restore from another backup, a hand edit). Not the district's
 * fault, so the file is not rejected and its standing rows stay: what it did is rolled back, it
 * stays pending while the run goes on with the others, and the run fails saying where the copy
 * should be; the next run tries again.
 */
public class ArchivedCopyMissingException extends RuntimeException {

	ArchivedCopyMissingException(PendingSubmission pending, Throwable cause) {
		super("The archived copy of " + pending.sourcePath() + " is missing: " + pending.archived()
				+ " (is tonghop.intake.archive the folder every instance archives to?)", cause);
	}

	ArchivedCopyMissingException(PendingSubmission pending, String hash) {
		super("The archived copy of " + pending.sourcePath() + " is not the file that was taken: " + pending.archived()
				+ " has SHA-256 " + hash + ", the file " + pending.contentHash()
				+ " (put the taken bytes back, from a backup of the archive or the district's file)");
	}

	/** An earlier version's copy, read to stand in place of a version that no longer does, which waits for it. */
	ArchivedCopyMissingException(long gone, PendingSubmission earlier, ArchivedCopyMissingException cause) {
		super("Submission " + gone + " no longer stands, and the earlier version " + earlier.id() + " to stand in its "
				+ "place cannot be read, so " + gone + " stays pending and its rows stay", cause);
	}

}
