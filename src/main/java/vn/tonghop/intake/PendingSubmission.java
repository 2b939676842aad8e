package vn.tonghop.intake;

import java.nio.file.Path;

import org.springframework.jdbc.core.RowMapper;

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
 * @param standing whether it stood for its unit when taken: one a rerun made pending again may, one a
 * scan took never does
 */
public record PendingSubmission(long id, String fileName, String sourcePath, String folderUnitCode, Path archived,
		String contentHash, Path dropFolder, boolean standing) {

	/** The columns of tonghop.submission, as {@code s}, that {@link #ROW} reads, in its order. */
	public static final String COLUMNS = "s.id, s.file_name, s.source_path, s.folder_unit_code, s.archive_path, "
			+ "s.content_hash, s.drop_folder, s.is_current";

	public static final RowMapper<PendingSubmission> ROW = (rs, i) -> new PendingSubmission(rs.getLong(1),
			rs.getString(2), rs.getString(3), rs.getString(4), Path.of(rs.getString(5)), rs.getString(6),
			(rs.getString(7) != null) ? Path.of(rs.getString(7)) : null, rs.getBoolean(8));

}
