package vn.tonghop.intake;

import java.nio.file.Path;

/**
 * A taken file waiting to be processed.
 *
 * @param id the submission id
 * @param fileName the name the district gave the file
 * @param sourcePath where it was found, relative to the drop folder
 * @param folderUnitCode the first folder under the drop folder (a unit code when the district uses
 * a per-unit folder), null for a file in the drop folder itself; part of the submission's identity
 * @param archived the archived copy that is read
 * @param contentHash the SHA-256 of the bytes taken, which the archived copy must still have
 * @param dropFolder the drop folder it was taken from, where its reports go; null when not known
 */
public record PendingSubmission(long id, String fileName, String sourcePath, String folderUnitCode, Path archived,
		String contentHash, Path dropFolder) {
}
