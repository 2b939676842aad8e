package vn.tonghop.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Finds new files in the drop folder. A file is taken once its size and modification time have
 * been stable for a while; its identity is its content hash and the folder it was dropped in (the
 * first folder under the drop folder, which states the unit when named after one), so the same
 * bytes under any name in one folder are one submission, the same bytes in another unit's folder
 * are that folder's submission, and new bytes under an old name are a resubmission. Taken files
 * are copied to the archive, one copy per content, before they are registered as pending.
 */
@Component
public class InputScanner {

	private static final Logger log = LoggerFactory.getLogger(InputScanner.class);

	/** Folders of this name hold the reports tonghop writes back, never submissions. */
	public static final String REPORTS_FOLDER = "reports";

	/**
	 * Folders a file server keeps in a share, whatever the case of their names: its recycle bin (a file
	 * a district deleted), its snapshots (every old version again) and its metadata (Synology's beside
	 * each file; QNAP's; Windows' on a drive's root). Their files are nobody's submission.
	 */
	private static final Set<String> SERVER_FOLDERS = Set.of("#recycle", "#snapshot", "@eadir", "@recycle",
			"@recently-snapshot", "$recycle.bin", "system volume information");

	/**
	 * Whether a scan leaves a folder of this name out, with all under it: the reports written back
	 * to districts, hidden folders and a file server's own.
	 */
	public static boolean skipsFolder(String name) {
		return name.startsWith(".") || name.equals(REPORTS_FOLDER)
				|| SERVER_FOLDERS.contains(name.toLowerCase(Locale.ROOT));
	}

	private final JdbcTemplate jdbc;

	private final Archive archive;

	private final IntakeProperties properties;

	private final Clock clock = Clock.systemUTC();

	InputScanner(JdbcTemplate jdbc, Archive archive, IntakeProperties properties) {
		this.jdbc = jdbc;
		this.archive = archive;
		this.properties = properties;
	}

	/**
	 * Reads every new file first (hash, then archive), and registers them all at the end with a few
	 * set-based statements: a national day drops thousands of files, and statements per file made
	 * the scan a third of the run.
	 * @param reports the one folder every report goes to (tonghop.feedback.directory), or null when
	 * they go beside each file: a link into it, as into the archive, is not followed
	 */
	public ScanResult scan(Path input, Path reports, long jobExecutionId) {
		Path root = input.toAbsolutePath().normalize();
		Counts counts = new Counts();
		if (!Files.isDirectory(root)) {
			log.warn("Input folder {} does not exist; nothing to take", root);
			return counts.result();
		}
		DropFolder.Listing listing = DropFolder.list(root,
				(reports != null) ? List.of(this.properties.archive(), reports) : List.of(this.properties.archive()));
		listing.vanished().forEach((path) -> counts.vanished(root.relativize(path).toString()));
		listing.skipped().forEach(counts::skipped);
		Set<Seen> seen = seen(listing.files());
		// Files are hashed and copied on every core: one after another, a national day's thousands of
		// small files kept the other core idle for seconds before the first of them was loaded.
		List<Hashed> hashed = listing.files()
			.parallelStream()
			.map((file) -> attempt(root, file, counts, () -> hash(root, file, seen, counts)))
			.flatMap(Optional::stream)
			.toList();
		Map<Identity, Long> known = known(hashed);
		restoreMissingCopies(hashed, known);
		// Each new submission is archived from the first file holding it (the next, if that fails); the
		// submissions of one content one after another, so the first copy is there for the others.
		Map<String, Map<Identity, List<Hashed>>> byContent = new LinkedHashMap<>();
		for (Hashed file : hashed) {
			if (!known.containsKey(file.identity())) {
				byContent.computeIfAbsent(file.hash(), (hash) -> new LinkedHashMap<>())
					.computeIfAbsent(file.identity(), (identity) -> new ArrayList<>())
					.add(file);
			}
		}
		Map<Path, Hashed> archived = byContent.values()
			.parallelStream()
			.flatMap((submissions) -> archive(root, submissions.values(), counts).stream())
			.collect(Collectors.toConcurrentMap(Hashed::file, Function.identity()));
		Set<Identity> archivedIdentities = archived.values().stream().map(Hashed::identity).collect(Collectors.toSet());
		List<Hashed> taken = new ArrayList<>();
		for (Hashed file : hashed) {
			Hashed copy = archived.get(file.file());
			if (copy != null) {
				taken.add(copy);
			}
			else if (known.containsKey(file.identity()) || archivedIdentities.contains(file.identity())) {
				// Already a submission of its folder, or archived a moment ago under another name: a duplicate.
				taken.add(file);
			}
		}
		register(root, taken, known, jobExecutionId, counts);
		ScanResult result = counts.result();
		log.info("Scan of {}: {}", root, result);
		return result;
	}

	/**
	 * Removes what processes killed mid-write left in the drop folder and the archive: half-copied
	 * archive copies, uploads never linked under their name, reports never renamed into place (in
	 * the drop folder's reports folders). Only those last written before {@code untouchedSince}: a
	 * file another live process is writing is younger.
	 */
	public void sweepLeftovers(Path input, Instant untouchedSince) {
		PartialFiles.sweepTree(input.toAbsolutePath().normalize(), untouchedSince);
		this.archive.sweep(untouchedSince);
	}

	/** Archives, for each submission of one content, the first of its files that can be archived. */
	private List<Hashed> archive(Path root, Collection<List<Hashed>> submissions, Counts counts) {
		return submissions.stream().map((files) -> archiveFirst(root, files, counts)).flatMap(Optional::stream).toList();
	}

	/** Archives the first of these files (one submission) that can be archived. */
	private Optional<Hashed> archiveFirst(Path root, List<Hashed> files, Counts counts) {
		for (Hashed file : files) {
			Optional<Hashed> archived = attempt(root, file.file(), counts,
					() -> Optional.of(file.archived(this.archive.store(file.file(), file.hash()))));
			if (archived.isPresent()) {
				return archived;
			}
		}
		return Optional.empty();
	}

	/** Runs one file's step; a file that fails is counted and left for the next scan. */
	private static Optional<Hashed> attempt(Path root, Path file, Counts counts, FileStep step) {
		try {
			return step.run();
		}
		catch (NoSuchFileException ex) {
			// Deleted or moved between the listing and its turn: nothing of it was registered.
			log.warn("{} vanished before it could be taken", file);
			counts.vanished(root.relativize(file).toString());
		}
		catch (Archive.SourceChangedException ex) {
			// Replaced between its hash and its copy: taken by a later scan, once it is stable.
			log.warn("{}; left for the next scan", ex.getMessage());
			counts.unstable();
		}
		catch (IOException ex) {
			// Unreadable or unarchivable: left where it is for the next scan.
			log.warn("Could not take {}: {}", file, ex.toString());
			counts.skipped(new Skipped(root.relativize(file).toString(), reason(ex)));
		}
		return Optional.empty();
	}

	/** What went wrong, for an operator: the exception's kind says what a bare path would not. */
	static String reason(IOException ex) {
		return (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	/**
	 * Hashes a stable file not seen before as it is. Every read of the file comes before the first
	 * row about it, so a file that vanishes on the way leaves nothing behind.
	 */
	private Optional<Hashed> hash(Path root, Path file, Set<Seen> seen, Counts result) throws IOException {
		Optional<String> unnamed = unreadableName(root, file);
		if (unnamed.isPresent()) {
			log.warn("Skipping {}: {}", file, unnamed.get());
			result.skipped(new Skipped(root.relativize(file).toString(), unnamed.get()));
			return Optional.empty();
		}
		BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
		// As PostgreSQL keeps it: to the microsecond.
		Instant modified = before.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MICROS);
		Instant now = this.clock.instant();
		if (lastWritten(file, modified).plus(this.properties.stableFor()).isAfter(now)) {
			result.unstable();
			return Optional.empty();
		}
		// Releases before the set-based scan (schema V13 and earlier) recorded the time rounded to the nearest
		// microsecond: after an upgrade, such a file is still one seen.
		Instant rounded = before.lastModifiedTime().toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
		if (seen.contains(new Seen(file.toString(), before.size(), modified))
				|| seen.contains(new Seen(file.toString(), before.size(), rounded))) {
			return Optional.empty();
		}
		String hash = sha256(file);
		BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
		if (after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
			result.unstable();
			return Optional.empty();
		}
		return Optional.of(new Hashed(file, root.relativize(file), before.size(), modified, changed(file), hash, null));
	}

	/**
	 * Why the file's path under the drop folder cannot be written as text and back, if it cannot: its
	 * archived copy, its row and its reports are named by that text. A name in a legacy encoding (a zip
	 * made on Windows, unpacked here) reads with replacement characters, and the reports went to a folder
	 * made up under that text; under a locale that is not UTF-8 (LANG=C) no Vietnamese name can be
	 * written, and the first such name failed the whole run.
	 */
	private static Optional<String> unreadableName(Path root, Path file) {
		String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
		try {
			if (root.resolve(root.relativize(file).toString()).equals(file)) {
				return Optional.empty();
			}
		}
		catch (InvalidPathException ex) {
			// Not writable in the locale's encoding at all.
		}
		return Optional.of(Charset.isSupported(encoding) && Charset.forName(encoding).equals(StandardCharsets.UTF_8)
				? "its name is not UTF-8 text (saved in another encoding, as a zip made on Windows unpacks it): "
						+ "rename the file or its folder"
				: "its name cannot be written in this system's encoding of file names (" + encoding
						+ "): start tonghop under a UTF-8 locale (LANG=C.UTF-8)");
	}

	/**
	 * When the file was last written to: when the file system last changed it (ctime, which every
	 * write and every setting of the modification time moves), where there is such a time. The
	 * modification time may say nothing of it: a client that sets it to the original's before it
	 * writes (Samba then keeps it while it writes) held an old one while the size still grew, and a
	 * time carried with the file (a zip made at UTC+7 unpacked on a server on UTC, a district
	 * computer's wrong clock) held the file back for hours, or years.
	 */
	private static Instant lastWritten(Path file, Instant modified) throws IOException {
		Instant changed = changed(file);
		// No such time here (Windows): the modification time is all there is.
		return (changed != null) ? changed : modified;
	}

	/**
	 * When the file system last changed the file (ctime): when it was written into the drop folder,
	 * which no copy carries over from the district's computer as it does the modification time. Null
	 * where there is no such time (Windows).
	 */
	private static Instant changed(Path file) throws IOException {
		try {
			return ((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (UnsupportedOperationException | IllegalArgumentException ex) {
			return null;
		}
	}

	/** The listed files as they were when last taken, in one query. */
	private Set<Seen> seen(List<Path> files) {
		Set<Seen> seen = new HashSet<>();
		this.jdbc.query("SELECT path, size_bytes, modified_at FROM tonghop.seen_file WHERE path = ANY (?)",
				(RowCallbackHandler) (rs) -> seen.add(new Seen(rs.getString(1), rs.getLong(2),
						rs.getTimestamp(3).toInstant())),
				(Object) files.stream().map(Path::toString).toArray(String[]::new));
		return seen;
	}

	/** Submissions already holding one of these contents, in whatever folder, by identity. */
	private Map<Identity, Long> known(List<Hashed> files) {
		Map<Identity, Long> known = new HashMap<>();
		this.jdbc.query("SELECT content_hash, folder_unit_code, id FROM tonghop.submission WHERE content_hash = ANY (?)",
				(RowCallbackHandler) (rs) -> known.put(new Identity(rs.getString(1), rs.getString(2)), rs.getLong(3)),
				(Object) files.stream().map(Hashed::hash).distinct().toArray(String[]::new));
		return known;
	}

	/**
	 * Puts back from the files dropped again the archived copies of their submissions that are gone:
	 * such a submission stays pending, and every run fails on it, until its copy is back.
	 */
	private void restoreMissingCopies(List<Hashed> files, Map<Identity, Long> known) {
		Map<Long, Path> copies = new HashMap<>();
		this.jdbc.query("SELECT id, archive_path FROM tonghop.submission WHERE id = ANY (?)",
				(RowCallbackHandler) (rs) -> copies.put(rs.getLong(1), Path.of(rs.getString(2))),
				(Object) files.stream().map((file) -> known.get(file.identity())).filter(Objects::nonNull)
					.toArray(Long[]::new));
		for (Hashed file : files) {
			Path copy = copies.get(known.get(file.identity()));
			if (copy != null && !Files.exists(copy)) {
				try {
					this.archive.restore(file.file(), file.hash(), copy);
					log.info("Restored the archived copy {} from {}", copy, file.file());
				}
				catch (IOException ex) {
					log.warn("Could not restore the archived copy {} from {}: {}", copy, file.file(), ex.toString());
				}
			}
		}
	}

	/**
	 * Registers the archived files as pending submissions, in the order they were written, and every
	 * taken file as seen and logged: new, or a duplicate of the submission its bytes already are in
	 * its folder.
	 * @param root the drop folder, where the files' reports go whichever run loads them
	 */
	private void register(Path root, List<Hashed> taken, Map<Identity, Long> known, long jobExecutionId, Counts result) {
		// Files of one scan arrive at the same instant, and ids decide which version of a unit is newer:
		// the file saved last is, whatever its name ("bao-cao (1).xlsx" sorts before "bao-cao.xlsx").
		List<Hashed> archived = taken.stream()
			.filter((file) -> file.archived() != null)
			.sorted(Comparator.comparing(Hashed::modified).thenComparing(Hashed::file))
			.toList();
		Map<Identity, Long> created = new HashMap<>();
		this.jdbc.query("""
				INSERT INTO tonghop.submission (content_hash, file_name, source_path, folder_unit_code, size_bytes,
				    archive_path, dropped_at, drop_folder)
				SELECT f.hash, f.name, f.path, f.folder, f.size, f.archived, f.dropped, ?
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[])
				    WITH ORDINALITY AS f(hash, name, path, folder, size, archived, dropped, n)
				ORDER BY f.n
				ON CONFLICT (content_hash, coalesce(folder_unit_code, '')) DO NOTHING
				RETURNING content_hash, folder_unit_code, id
				""", (RowCallbackHandler) (rs) -> created.put(new Identity(rs.getString(1), rs.getString(2)), rs.getLong(3)),
				root.toString(), column(archived, Hashed::hash),
				column(archived, (file) -> file.file().getFileName().toString()),
				column(archived, (file) -> file.relative().toString()), column(archived, Hashed::folderUnit),
				archived.stream().map(Hashed::size).toArray(Long[]::new),
				column(archived, (file) -> file.archived().toString()),
				column(archived, (file) -> (file.dropped() != null) ? file.dropped().toString() : null));
		// Another instance may have registered the same bytes in the same folder a moment ago.
		List<Hashed> lost = archived.stream().filter((file) -> !created.containsKey(file.identity())).toList();
		known.putAll(known(lost));
		List<String> outcomes = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (Hashed file : taken) {
			Long id = created.get(file.identity());
			boolean isNew = id != null && file.archived() != null;
			outcomes.add(isNew ? "new" : "duplicate");
			ids.add(isNew ? id : known.getOrDefault(file.identity(), id));
			if (isNew) {
				result.taken();
			}
			else {
				result.duplicate();
			}
		}
		this.jdbc.update("""
				INSERT INTO tonghop.seen_file (path, size_bytes, modified_at, content_hash)
				SELECT * FROM unnest(?::text[], ?::bigint[], ?::timestamptz[], ?::text[])
				ON CONFLICT (path) DO UPDATE SET size_bytes = EXCLUDED.size_bytes, modified_at = EXCLUDED.modified_at,
				    content_hash = EXCLUDED.content_hash, seen_at = now()
				""", column(taken, (file) -> file.file().toString()), taken.stream().map(Hashed::size).toArray(Long[]::new),
				column(taken, (file) -> file.modified().toString()),
				column(taken, Hashed::hash));
		this.jdbc.update("""
				INSERT INTO tonghop.intake_log (job_execution_id, path, content_hash, submission_id, outcome)
				SELECT ?, f.path, f.hash, f.id, f.outcome
				FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) WITH ORDINALITY AS f(path, hash, id, outcome, n)
				ORDER BY f.n
				""", jobExecutionId, column(taken, (file) -> file.relative().toString()), column(taken, Hashed::hash),
				ids.toArray(Long[]::new), outcomes.toArray(String[]::new));
	}

	private static String[] column(List<Hashed> files, Function<Hashed, String> value) {
		return files.stream().map(value).toArray(String[]::new);
	}

	/** The file's SHA-256, as its identity and the archive name it. */
	public static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), Sha256.digest())) {
			byte[] buffer = new byte[1 << 16];
			while (in.read(buffer) != -1) {
				// reading feeds the digest
			}
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
	}

	/** One file's step in a scan: reading, hashing or archiving it. */
	@FunctionalInterface
	private interface FileStep {

		Optional<Hashed> run() throws IOException;

	}

	/** A file as it was when last taken. */
	private record Seen(String path, long size, Instant modified) {
	}

	/**
	 * A stable file read and hashed in this scan; archived once copied, null before and for a
	 * duplicate, which is never copied.
	 * @param dropped when it was written into the drop folder (see {@link #changed}), null when unknown
	 */
	private record Hashed(Path file, Path relative, long size, Instant modified, Instant dropped, String hash,
			Path archived) {

		Hashed archived(Path copy) {
			return new Hashed(this.file, this.relative, this.size, this.modified, this.dropped, this.hash, copy);
		}

		/**
		 * The unit folder the file was dropped in: the first folder under the drop folder, by its name
		 * without the spaces around it, which a Mac or a share lets a clerk type unseen ("004 " is 004's).
		 */
		String folderUnit() {
			if (this.relative.getNameCount() < 2) {
				return null;
			}
			String folder = this.relative.getName(0).toString().strip();
			return folder.isEmpty() ? null : folder;
		}

		Identity identity() {
			return new Identity(this.hash, folderUnit());
		}

	}

	/**
	 * What makes a submission: its bytes and the folder they were dropped in, which states the unit.
	 * @param folder the first folder under the drop folder; null for the drop folder itself
	 */
	private record Identity(String hash, String folder) {
	}

	/**
	 * What one scan found.
	 * @param taken new files registered as pending
	 * @param duplicates files whose bytes had been taken before from the same folder
	 * @param unstable files still changing, left for a later scan
	 * @param skipped files that could not be read or archived, left for a later scan
	 * @param vanished files and folders (relative to the drop folder) deleted or moved while the
	 * scan ran; nothing of them was registered, and they are taken when they are back
	 */
	public record ScanResult(int taken, int duplicates, int unstable, List<Skipped> skipped, List<String> vanished) {

		/** Where the ingest job keeps {@link #vanished()} in its discover step's execution context. */
		public static final String VANISHED = "intake.vanished";

		/** Where it keeps the paths of {@link #skipped()}, and beside them their reasons. */
		public static final String SKIPPED = "intake.skipped";

		public static final String SKIPPED_REASONS = "intake.skipped.reasons";

		/** Where it keeps how many files were {@link #unstable()}. */
		public static final String UNSTABLE = "intake.unstable";

	}

	/**
	 * A file a scan could not take; nothing of it was registered or remembered as seen.
	 * @param path relative to the drop folder
	 * @param reason what failed, for an operator
	 */
	public record Skipped(String path, String reason) {
	}

	/** Counted from the threads that hash and archive. */
	private static final class Counts {

		private final List<String> vanished = new ArrayList<>();

		private final List<Skipped> skipped = new ArrayList<>();

		private int taken;

		private int duplicates;

		private int unstable;

		synchronized void vanished(String path) {
			this.vanished.add(path);
		}

		synchronized void unstable() {
			this.unstable++;
		}

		synchronized void skipped(Skipped file) {
			this.skipped.add(file);
		}

		synchronized void taken() {
			this.taken++;
		}

		synchronized void duplicate() {
			this.duplicates++;
		}

		synchronized ScanResult result() {
			// Sorted by path: the threads add them in whatever order they get to the files.
			List<Skipped> skipped = this.skipped.stream().sorted(Comparator.comparing(Skipped::path)).toList();
			List<String> vanished = this.vanished.stream().sorted().toList();
			return new ScanResult(this.taken, this.duplicates, this.unstable, skipped, vanished);
		}

	}

}
