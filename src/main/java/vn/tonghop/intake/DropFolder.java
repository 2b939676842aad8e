package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.tonghop.intake.InputScanner.Skipped;

/**
 * Lists the files a scan may take: every regular file under the drop folder, recursively,
 * except hidden folders and editors' temporary files. Links are followed, the drop folder's own
 * included (a share mounted elsewhere and linked as {@code input}, or a unit's folder linked into
 * it): a file is taken for what it holds, under the name it has in the drop folder; a link leading
 * back to a folder above it is skipped, and so is one leading into tonghop's own files (the archive,
 * the reports folder, a folder named reports), which would otherwise be taken as submissions. Districts and clerks move things while a scan runs: a file
 * or folder that disappears during the walk is noted as vanished and the walk goes on.
 */
final class DropFolder extends SimpleFileVisitor<Path> {

	private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

	private final Path root;

	private final OwnFolders own;

	private final List<Path> files = new ArrayList<>();

	private final List<Path> vanished = new ArrayList<>();

	private final List<Skipped> skipped = new ArrayList<>();

	/** @param own the folders holding tonghop's own files: the archive, the reports folder if set */
	DropFolder(Path root, List<Path> own) {
		this.root = root;
		this.own = new OwnFolders(root, own);
	}

	/**
	 * @param files what may be taken, sorted
	 * @param vanished files and folders that disappeared while they were listed
	 * @param skipped folders that could not be listed and links leading nowhere, whose files are not taken
	 */
	record Listing(List<Path> files, List<Path> vanished, List<Skipped> skipped) {
	}

	static Listing list(Path root, List<Path> own) {
		DropFolder folder = new DropFolder(root, own);
		try {
			Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, folder);
		}
		catch (IOException ex) {
			log.warn("Could not scan {}: {}", root, ex.toString());
		}
		return folder.listing();
	}

	Listing listing() {
		List<Path> sorted = new ArrayList<>(this.files);
		sorted.sort(null);
		return new Listing(List.copyOf(sorted), List.copyOf(this.vanished), List.copyOf(this.skipped));
	}

	@Override
	public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
		if (dir.equals(this.root)) {
			return FileVisitResult.CONTINUE;
		}
		if (InputScanner.skipsFolder(dir.getFileName().toString())) {
			return FileVisitResult.SKIP_SUBTREE;
		}
		return this.own.isOwnFolder(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
		if (TemporaryFiles.isTemporary(file.getFileName().toString())) {
			// Emacs's lock is a link leading nowhere, and not worth a word.
			return FileVisitResult.CONTINUE;
		}
		if (attrs.isSymbolicLink()) {
			// Followed, a link is its target: only one leading nowhere (a share not mounted) comes as a link.
			broken(file);
		}
		else if (attrs.isRegularFile() && !this.own.isOwnFile(file)) {
			this.files.add(file);
		}
		return FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFileFailed(Path file, IOException ex) {
		failed(file, ex);
		return FileVisitResult.CONTINUE;
	}

	/** A folder whose listing broke off; the default would end the whole walk. */
	@Override
	public FileVisitResult postVisitDirectory(Path dir, IOException ex) {
		if (ex != null) {
			failed(dir, ex);
		}
		return FileVisitResult.CONTINUE;
	}

	private void failed(Path path, IOException ex) {
		if (ex instanceof NoSuchFileException) {
			log.warn("{} vanished while the drop folder was listed", path);
			this.vanished.add(path);
		}
		else if (ex instanceof FileSystemLoopException) {
			// Its files are listed where the link leads back to.
			log.warn("Skipping {}: {}", path, ex.toString());
		}
		else {
			// An operator sees the summary, not the log: a folder nobody can list holds files never taken.
			log.warn("Skipping {}: {}", path, ex.toString());
			this.skipped.add(new Skipped(named(path), InputScanner.reason(ex)));
		}
	}

	private void broken(Path link) {
		String target;
		try {
			target = Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			target = "?";
		}
		log.warn("Skipping {}: a link to {}, which is not there", link, target);
		this.skipped.add(new Skipped(named(link), "a link to " + target + ", which is not there"));
	}

	/** As the summary names it: under the drop folder, or the drop folder itself by its path. */
	private String named(Path path) {
		return path.equals(this.root) ? path.toString() : this.root.relativize(path).toString();
	}

}
