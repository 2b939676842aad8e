package vn.tonghop.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.intake.PartialFiles;
import vn.tonghop.intake.Sha256;
import vn.tonghop.security.UnitScope;

/**
 * Uploads land where a district would drop the file, {@code input/<unit>/<name>}, and are taken by
 * the next scan like any dropped file: same checks by content, same outcome, same report.
 */
@Tag(name = "Submissions")
@RestController
class UploadController {

	/** How often a request waits on another's claim of the same bytes. */
	private static final Duration CLAIM_POLL = Duration.ofMillis(20);

	/** A claim older than this was left by a process that stopped while holding it. */
	private static final Duration CLAIM_STALE = Duration.ofSeconds(30);

	private final IntakeProperties intake;

	private final UnitScope scope;

	private final JdbcTemplate jdbc;

	private final UploadProperties properties;

	private final WarehouseQueries warehouse;

	UploadController(IntakeProperties intake, UnitScope scope, JdbcTemplate jdbc, UploadProperties properties,
			WarehouseQueries warehouse) {
		this.intake = intake;
		this.scope = scope;
		this.jdbc = jdbc;
		this.properties = properties;
		this.warehouse = warehouse;
	}

	@Operation(summary = "Upload one file for a unit; it is processed by the next scan of the drop folder",
			description = "Administrators name the unit; a district account uploads for its own unit by default "
					+ "and may name a unit of its subtree. Answers 202 with where the file was put; its submission "
					+ "appears under Location once the scan has taken it.")
	@PostMapping(path = "/api/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	// What the API description says it answers; the ResponseEntity sets it as well.
	@ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<UploadReceipt> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(name = "unit", required = false) String unit, @Parameter(hidden = true) Authentication caller)
			throws IOException {
		// The servlet container enforces the same limit on the request (spring.servlet.multipart).
		if (file.getSize() > this.properties.maxSize().toBytes()) {
			throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
					"The file is larger than " + this.properties.maxSize() + ".");
		}
		// A unit field sent empty is null here (EmptyParameters).
		String sent = unit != null ? unit.strip() : UnitScope.districtUnit(caller)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name the unit the file is for."));
		String target = sent.matches("[\\p{L}\\p{N}._-]+") ? this.warehouse.unitCode(sent).orElse(null) : null;
		if (target == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No unit " + sent + ".");
		}
		if (!this.scope.covers(caller, target)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This account may not upload for unit " + target + ".");
		}
		String name = UploadedFileName.of(file.getOriginalFilename())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The file name is empty, that of a temporary file, or reserved (reports, or a device name "
							+ "Windows reserves such as CON, NUL or COM1)."));
		Path stored = store(file, target, name);
		String relative = target + "/" + stored.getFileName();
		return ResponseEntity.accepted().location(listing(relative)).body(new UploadReceipt(target, relative, file.getSize()));
	}

	/** By path, not unit: a file rejected before it named a unit has none (a variable, so '+' is encoded too). */
	private static URI listing(String relative) {
		return UriComponentsBuilder.fromPath("/api/submissions")
			.queryParam("path", "{path}")
			.encode()
			.buildAndExpand(relative)
			.toUri();
	}

	/**
	 * Written under a temporary name the scanner skips, then linked under its final name, which
	 * fails rather than replaces when that name exists: the scanner never sees half a file and an
	 * earlier file is never overwritten.
	 */
	private Path store(MultipartFile file, String unit, String name) throws IOException {
		Path folder = Files.createDirectories(this.intake.input().resolve(unit));
		Path partial = folder.resolve(PartialFiles.name(".part"));
		try (DigestInputStream in = new DigestInputStream(file.getInputStream(), Sha256.digest())) {
			Files.copy(in, partial);
			// The same bytes in the same folder are never taken again: the district is told which submission they are.
			String hash = HexFormat.of().formatHex(in.getMessageDigest().digest());
			// Two requests with these bytes at once would both find them nowhere yet, and both store them.
			Path claim = claim(folder, hash);
			try {
				Optional<Long> received = received(hash, unit);
				if (received.isPresent()) {
					throw AlreadyReceivedException.submission(unit, received.get());
				}
				Optional<Path> waiting = waiting(folder, Files.size(partial), hash);
				if (waiting.isPresent()) {
					throw AlreadyReceivedException.waiting(unit, unit + "/" + waiting.get().getFileName());
				}
				return link(partial, folder, name);
			}
			finally {
				Files.deleteIfExists(claim);
			}
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static Path link(Path partial, Path folder, String name) throws IOException {
		for (int attempt = 1;; attempt++) {
			Path target = folder.resolve(numbered(name, attempt));
			try {
				Files.createLink(target, partial);
				return target;
			}
			catch (FileAlreadyExistsException ex) {
				// Taken: try the next number.
			}
		}
	}

	/**
	 * Claims these bytes in the unit's folder until they are stored or refused, by creating a file
	 * named after them, which only one request can: another with the same bytes waits for it to go,
	 * then finds them waiting. A file rather than a lock of this process, so that another instance
	 * serving the same drop folder waits too.
	 */
	private static Path claim(Path folder, String hash) throws IOException {
		Path claim = folder.resolve(PartialFiles.claim(hash));
		while (true) {
			try {
				return Files.createFile(claim);
			}
			catch (FileAlreadyExistsException ex) {
				if (stale(claim)) {
					// Storing takes well under a second: its holder stopped (killed) before it let go.
					Files.deleteIfExists(claim);
					continue;
				}
			}
			try {
				Thread.sleep(CLAIM_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted waiting for another upload of the same file");
			}
		}
	}

	private static boolean stale(Path claim) throws IOException {
		try {
			return Files.getLastModifiedTime(claim).toInstant().isBefore(Instant.now().minus(CLAIM_STALE));
		}
		catch (NoSuchFileException ex) {
			// Let go meanwhile.
			return false;
		}
	}

	/** The submission these bytes already are in the unit's folder, as the scanner identifies one. */
	private Optional<Long> received(String hash, String unit) {
		return this.jdbc
			.queryForList("SELECT id FROM tonghop.submission WHERE content_hash = ? AND folder_unit_code = ?", Long.class,
					hash, unit)
			.stream()
			.findFirst();
	}

	/** A file of the folder not yet taken that holds these bytes: a scan would take one of the two only. */
	private static Optional<Path> waiting(Path folder, long size, String hash) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				// Hidden files, other uploads' partial ones among them, are no submissions.
				if (!file.getFileName().toString().startsWith(".") && holds(file, size, hash)) {
					return Optional.of(file);
				}
			}
		}
		return Optional.empty();
	}

	private static boolean holds(Path file, long size, String hash) throws IOException {
		try {
			if (!Files.isRegularFile(file) || Files.size(file) != size) {
				return false;
			}
			return hash.equals(InputScanner.sha256(file));
		}
		catch (NoSuchFileException ex) {
			// Deleted by the district meanwhile: it waits no more.
			return false;
		}
	}

	/** "tên.xlsx", then "tên (2).xlsx", "tên (3).xlsx"… */
	static String numbered(String name, int attempt) {
		if (attempt == 1) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) + " (" + attempt + ")" + name.substring(dot)
				: name + " (" + attempt + ")";
	}

	/** 409 with where the bytes already are: nothing is stored, the scan would only skip the copy. */
	static final class AlreadyReceivedException extends ErrorResponseException {

		private AlreadyReceivedException(String detail, URI location) {
			super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
			getHeaders().setLocation(location);
		}

		static AlreadyReceivedException submission(String unit, long submission) {
			return new AlreadyReceivedException(
					"This file was already received for unit " + unit + ": submission " + submission + ".",
					URI.create("/api/submissions/" + submission));
		}

		static AlreadyReceivedException waiting(String unit, String path) {
			return new AlreadyReceivedException(
					"This file is already waiting in the folder of unit " + unit + ": " + path + ".", listing(path));
		}

	}

	/**
	 * @param unit the unit whose folder received the file
	 * @param path where the file is, relative to the drop folder; the submission's {@code sourcePath}
	 * @param size the file's size in bytes
	 */
	record UploadReceipt(String unit, String path, long size) {
	}

}
