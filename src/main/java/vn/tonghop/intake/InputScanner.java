package vn.tonghop.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds new files in the drop folder. A file is taken once its size and modification time have
 * been stable for a while; its identity is its content hash, so the same bytes under any name
 * are one submission and new bytes under an old name are a resubmission. Taken files are copied
 * to the archive before they are registered as pending.
 */
@Component
public class InputScanner {

	private static final Logger log = LoggerFactory.getLogger(InputScanner.class);

	/** Folders of this name hold the reports tonghop writes back, never submissions. */
	public static final String REPORTS_FOLDER = "reports";

	private final JdbcTemplate jdbc;

	private final Archive archive;

	private final IntakeProperties properties;

	private final Clock clock = Clock.systemUTC();

	InputScanner(JdbcTemplate jdbc, Archive archive, IntakeProperties properties) {
		this.jdbc = jdbc;
		this.archive = archive;
		this.properties = properties;
	}

	public ScanResult scan(Path input, long jobExecutionId) {
		Path root = input.toAbsolutePath().normalize();
		Counts counts = new Counts();
		if (!Files.isDirectory(root)) {
			log.warn("Input folder {} does not exist; nothing to take", root);
			return counts.result();
		}
		DropFolder.Listing listing = DropFolder.list(root);
		listing.vanished().forEach((path) -> counts.vanished.add(root.relativize(path).toString()));
		for (Path file : listing.files()) {
			try {
				take(root, file, jobExecutionId, counts);
			}
			catch (NoSuchFileException ex) {
				// Deleted or moved between the listing and its turn: nothing of it was registered.
				log.warn("{} vanished before it could be taken", file);
				counts.vanished.add(root.relativize(file).toString());
			}
			catch (Archive.SourceChangedException ex) {
				// Replaced between its hash and its copy: taken by a later scan, once it is stable.
				log.warn("{}; left for the next scan", ex.getMessage());
				counts.unstable++;
			}
			catch (IOException ex) {
				// Unreadable or unarchivable: left where it is for the next scan.
				log.warn("Could not take {}: {}", file, ex.toString());
				counts.skipped++;
			}
		}
		ScanResult result = counts.result();
		log.info("Scan of {}: {}", root, result);
		return result;
	}

	/**
	 * Hashes, archives, then registers: every read of the file comes before the first row about it,
	 * so a file that vanishes on the way leaves nothing behind (the scan's transaction commits the
	 * rows of the files that were taken).
	 */
	private void take(Path root, Path file, long jobExecutionId, Counts result) throws IOException {
		BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
		Instant modified = before.lastModifiedTime().toInstant();
		if (modified.plus(this.properties.stableFor()).isAfter(this.clock.instant())) {
			result.unstable++;
			return;
		}
		String path = file.toString();
		if (alreadySeen(path, before.size(), modified)) {
			return;
		}
		String hash = sha256(file);
		BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
		if (after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
			result.unstable++;
			return;
		}
		Path relative = root.relativize(file);
		List<Long> known = this.jdbc.queryForList("SELECT id FROM tonghop.submission WHERE content_hash = ?", Long.class,
				hash);
		if (!known.isEmpty()) {
			seen(path, before.size(), modified, hash);
			logIntake(jobExecutionId, relative, hash, known.get(0), "duplicate");
			result.duplicates++;
			return;
		}
		Path archived = this.archive.store(file, hash);
		String folderUnit = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
		List<Long> created = this.jdbc.queryForList("INSERT INTO tonghop.submission (content_hash, file_name, source_path, "
				+ "folder_unit_code, size_bytes, archive_path) VALUES (?, ?, ?, ?, ?, ?) "
				+ "ON CONFLICT (content_hash) DO NOTHING RETURNING id", Long.class, hash, file.getFileName().toString(),
				relative.toString(), folderUnit, before.size(), archived.toString());
		seen(path, before.size(), modified, hash);
		if (created.isEmpty()) {
			// Another instance registered the same bytes a moment ago.
			Long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE content_hash = ?", Long.class, hash);
			logIntake(jobExecutionId, relative, hash, id, "duplicate");
			result.duplicates++;
			return;
		}
		logIntake(jobExecutionId, relative, hash, created.get(0), "new");
		result.taken++;
	}

	private void seen(String path, long size, Instant modified, String hash) {
		this.jdbc.update("INSERT INTO tonghop.seen_file (path, size_bytes, modified_at, content_hash) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT (path) DO UPDATE SET size_bytes = EXCLUDED.size_bytes, modified_at = EXCLUDED.modified_at, "
				+ "content_hash = EXCLUDED.content_hash, seen_at = now()", path, size, Timestamp.from(modified), hash);
	}

	private boolean alreadySeen(String path, long size, Instant modified) {
		Integer seen = this.jdbc.queryForObject("SELECT count(*) FROM tonghop.seen_file WHERE path = ? AND size_bytes = ? "
				+ "AND modified_at = ?", Integer.class, path, size, Timestamp.from(modified));
		return seen != null && seen > 0;
	}

	private void logIntake(long jobExecutionId, Path relative, String hash, long submissionId, String outcome) {
		this.jdbc.update("INSERT INTO tonghop.intake_log (job_execution_id, path, content_hash, submission_id, outcome) "
				+ "VALUES (?, ?, ?, ?, ?)", jobExecutionId, relative.toString(), hash, submissionId, outcome);
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			byte[] buffer = new byte[1 << 16];
			while (in.read(buffer) != -1) {
				// reading feeds the digest
			}
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * What one scan found.
	 * @param taken new files registered as pending
	 * @param duplicates files whose bytes had been taken before
	 * @param unstable files still changing, left for a later scan
	 * @param skipped files that could not be read or archived, left for a later scan
	 * @param vanished files and folders (relative to the drop folder) deleted or moved while the
	 * scan ran; nothing of them was registered, and they are taken when they are back
	 */
	public record ScanResult(int taken, int duplicates, int unstable, int skipped, List<String> vanished) {

		/** Where the ingest job keeps {@link #vanished()} in its discover step's execution context. */
		public static final String VANISHED = "intake.vanished";

	}

	private static final class Counts {

		final List<String> vanished = new ArrayList<>();

		int taken;

		int duplicates;

		int unstable;

		int skipped;

		ScanResult result() {
			return new ScanResult(this.taken, this.duplicates, this.unstable, this.skipped, List.copyOf(this.vanished));
		}

	}

}
