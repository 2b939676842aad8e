package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files tonghop writes under a name of its own and renames into place once whole: archived copies,
 * reports, uploads, the workbooks a command writes. A process killed between the two (kill -9, a
 * lost machine) leaves one behind: hidden, a temporary file's name, so never taken by a scan. A
 * sweep removes only those nothing has written to for a long time, so never one another live
 * process is still writing.
 */
public final class PartialFiles {

	private static final Logger log = LoggerFactory.getLogger(PartialFiles.class);

	private static final String PREFIX = ".tonghop-";

	/** What {@link #name} and the archive's temporary copies are called, and nothing a district or an editor writes. */
	private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "[0-9a-f-]+\\.(partial|tmp|part)");

	private PartialFiles() {
	}

	/**
	 * A name for a file while it is written: unique, and not derived from the final name, which may
	 * already take all the bytes a name may have.
	 * @param suffix a temporary file's ending ({@code .tmp}, {@code .part}), which no scan takes
	 */
	public static String name(String suffix) {
		return PREFIX + UUID.randomUUID() + suffix;
	}

	/**
	 * A name for a file that claims something while tonghop stores it (an upload claims its bytes
	 * in its unit's folder): the same for every process that would store the same, so only one can
	 * create it; hidden and a temporary file's, and swept as the others if a process stopped holding it.
	 * @param key hexadecimal, e.g. a content hash
	 */
	public static String claim(String key) {
		return PREFIX + key + ".tmp";
	}

	private static boolean isPartial(String fileName) {
		return OURS.matcher(fileName).matches();
	}

	/**
	 * Removes from this folder, not from the folders in it, the partial files last written before
	 * {@code untouchedSince}.
	 */
	public static void sweep(Path folder, Instant untouchedSince) {
		walk(folder, untouchedSince, 1);
	}

	/**
	 * Removes from this folder and every folder under it (hidden ones and links left alone) the
	 * partial files last written before {@code untouchedSince}.
	 */
	public static void sweepTree(Path root, Instant untouchedSince) {
		walk(root, untouchedSince, Integer.MAX_VALUE);
	}

	private static void walk(Path root, Instant untouchedSince, int depth) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try {
			// Links followed, as the scan follows them: a drop folder that is a link to a share is swept too.
			Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), depth, new Sweep(root, untouchedSince));
		}
		catch (IOException ex) {
			log.warn("Could not look for files left half-written in {}: {}", root, ex.toString());
		}
	}

	private static final class Sweep extends SimpleFileVisitor<Path> {

		private final Path root;

		private final Instant untouchedSince;

		Sweep(Path root, Instant untouchedSince) {
			this.root = root;
			this.untouchedSince = untouchedSince;
		}

		@Override
		public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
			// Ours are never in hidden folders; a share's .snapshot or a .git is not ours to walk.
			return dir.equals(this.root) || !dir.getFileName().toString().startsWith(".") ? FileVisitResult.CONTINUE
					: FileVisitResult.SKIP_SUBTREE;
		}

		@Override
		public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
			if (attrs.isRegularFile() && isPartial(file.getFileName().toString())
					&& attrs.lastModifiedTime().toInstant().isBefore(this.untouchedSince)) {
				try {
					// By its temporary name: a file renamed into place since it was listed is not touched.
					if (Files.deleteIfExists(file)) {
						log.info("Removed {}, left half-written by a process that stopped (last written {})", file,
								attrs.lastModifiedTime());
					}
				}
				catch (IOException ex) {
					log.warn("Could not remove {}, left half-written: {}", file, ex.toString());
				}
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFileFailed(Path file, IOException ex) {
			// Moved, removed or unreadable while listed: nothing of ours to do there.
			if (!(ex instanceof NoSuchFileException)) {
				log.warn("Could not look for files left half-written in {}: {}", file, ex.toString());
			}
			return FileVisitResult.CONTINUE;
		}

		/** A folder whose listing broke off: the default would end the whole sweep. */
		@Override
		public FileVisitResult postVisitDirectory(Path dir, IOException ex) {
			if (ex != null) {
				visitFileFailed(dir, ex);
			}
			return FileVisitResult.CONTINUE;
		}

	}

}
