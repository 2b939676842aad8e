package vn.tonghop.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Keeps a copy of every taken file, named by its content hash, so reruns never depend on the
 * district sending it again and a file changed in the drop folder cannot change what is read.
 */
@Component
class Archive {

	/** How a copy still being written ends: never one to share. */
	private static final String PARTIAL = ".partial";

	/**
	 * Where copies are written before they are moved into their hash's folder: one folder a sweep can
	 * list, where a walk of every hash's folder would grow with the archive. Hidden, and in the
	 * archive, so the move stays on one file system.
	 */
	private static final String STAGING = ".staging";

	private final Path root;

	private final Path staging;

	Archive(IntakeProperties properties) {
		this.root = properties.archive().toAbsolutePath().normalize();
		this.staging = this.root.resolve(STAGING);
	}

	/**
	 * Stores under hash/original-name: the name stays what the district called the file (shortened,
	 * extension kept, only when it is longer than a name may be). The copy is hashed as it is
	 * written and kept only when it has the hash the file was taken with. Archived copies are never
	 * changed or removed, so submissions of the same bytes (dropped in two folders) share one: the
	 * same name is the same file, another name a hard link to it.
	 * @throws SourceChangedException when the file was replaced or rewritten since it was hashed
	 */
	Path store(Path source, String hash) throws IOException {
		Path folder = this.root.resolve(hash.substring(0, 2)).resolve(hash);
		Path target = folder.resolve(FileNames.fit(source.getFileName().toString()));
		if (Files.exists(target)) {
			return target;
		}
		// Only a content already archived has a copy to link; most files are new, and need no listing.
		boolean held = Files.isDirectory(folder);
		Files.createDirectories(folder);
		// Under its own name: the reader names the file in its messages and tells a CSV by its extension.
		if (held && linkedToCopy(folder, target)) {
			return target;
		}
		copy(source, hash, target);
		return target;
	}

	/**
	 * Puts back a copy gone from the archive (cleared, restored from an older backup) from a file of
	 * the same bytes, the district's dropped again: nothing else can make its submission readable.
	 * @throws SourceChangedException when the file was replaced or rewritten since it was hashed
	 */
	void restore(Path source, String hash, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		copy(source, hash, target);
	}

	private void copy(Path source, String hash, Path target) throws IOException {
		// A name of its own: two instances archiving the same file must not write into one partial copy.
		// Not derived from the file's name, which may already take all the bytes a name may have.
		Files.createDirectories(this.staging);
		Path partial = Files.createTempFile(this.staging, ".tonghop-", PARTIAL);
		try {
			String copied = copy(source, partial);
			if (!copied.equals(hash)) {
				throw new SourceChangedException(source);
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			// The source vanished, changed or the disk failed mid-copy: no half copy stays behind.
			Files.deleteIfExists(partial);
		}
	}

	/** Removes the copies a process killed while archiving left, last written before {@code untouchedSince}. */
	void sweep(Instant untouchedSince) {
		PartialFiles.sweep(this.staging, untouchedSince);
	}

	/** Whether target is now a link to a copy already kept under another name; false: copy it. */
	private static boolean linkedToCopy(Path folder, Path target) throws IOException {
		Optional<Path> kept;
		try (Stream<Path> files = Files.list(folder)) {
			// Earlier versions wrote their copies here, and a killed one may have left half of one.
			kept = files.filter((file) -> !file.getFileName().toString().endsWith(PARTIAL)).findFirst();
		}
		if (kept.isEmpty()) {
			return false;
		}
		try {
			Files.createLink(target, kept.get());
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance stored it a moment ago, as complete as any copy here.
			return true;
		}
		catch (UnsupportedOperationException | IOException ex) {
			// A file system without hard links (some network shares): a copy of its own.
			return false;
		}
	}

	private static String copy(Path source, Path target) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(source), Sha256.digest());
				OutputStream out = Files.newOutputStream(target)) {
			in.transferTo(out);
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
	}

	/** The file's bytes are not those that were hashed: it is being replaced or written to. */
	static final class SourceChangedException extends IOException {

		SourceChangedException(Path source) {
			super(source + " changed while it was archived");
		}

	}

}
