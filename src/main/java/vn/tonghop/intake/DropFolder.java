package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.FileVisitOption;
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

	/** Where the drop folder really is: a folder found elsewhere was reached through a link. */
	private final Path realRoot;

	private final List<Path> own;

	private final List<Path> files = new ArrayList<>();

	private final List<Path> vanished = new ArrayList<>();

	/** @param own the folders holding tonghop's own files: the archive, the reports folder if set */
	DropFolder(Path root, List<Path> own) {
		this.root = root;
		this.realRoot = real(root);
		this.own = own.stream().map(DropFolder::real).toList();
	}

	/**
	 * @param files what may be taken, sorted
	 * @param vanished files and folders that disappeared while they were listed
	 */
	record Listing(List<Path> files, List<Path> vanished) {
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
		return new Listing(List.copyOf(sorted), List.copyOf(this.vanished));
	}

	@Override
	public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
		if (dir.equals(this.root)) {
			return FileVisitResult.CONTINUE;
		}
		if (InputScanner.skipsFolder(dir.getFileName().toString())) {
			return FileVisitResult.SKIP_SUBTREE;
		}
		// Under a link every folder may be the archive: one linked above it holds it.
		Path real = real(dir);
		boolean linked = !real.equals(this.realRoot.resolve(this.root.relativize(dir)));
		return (linked && isOwn(dir, real)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
		if (attrs.isRegularFile() && !TemporaryFiles.isTemporary(file.getFileName().toString())
				&& !(Files.isSymbolicLink(file) && isOwn(file, real(file)))) {
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

	/**
	 * Whether a path reached through a link is tonghop's own: in the archive or the reports folder, or
	 * under a folder named reports (beside a linked unit's files, or elsewhere in the drop folder). Without
	 * a link the walk never gets there: the names it skips and the run's layout check keep it out.
	 */
	private boolean isOwn(Path path, Path real) {
		boolean own = this.own.stream().anyMatch(real::startsWith) || underReportsFolder(real);
		if (own) {
			log.warn("Skipping {}: a link to {}, where tonghop keeps its archive or reports, not submissions", path, real);
		}
		return own;
	}

	/** The folders that hold the drop folder itself may have any name; those below where the paths part may not. */
	private boolean underReportsFolder(Path real) {
		int shared = 0;
		while (shared < Math.min(real.getNameCount(), this.realRoot.getNameCount())
				&& real.getName(shared).equals(this.realRoot.getName(shared))) {
			shared++;
		}
		for (int i = shared; i < real.getNameCount(); i++) {
			if (real.getName(i).toString().equals(InputScanner.REPORTS_FOLDER)) {
				return true;
			}
		}
		return false;
	}

	private static Path real(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		try {
			return absolute.toRealPath();
		}
		catch (IOException ex) {
			// Gone, or not there yet: the walk notes a path that vanished; its name is all there is.
			return absolute;
		}
	}

	private void failed(Path path, IOException ex) {
		if (ex instanceof NoSuchFileException) {
			log.warn("{} vanished while the drop folder was listed", path);
			this.vanished.add(path);
		}
		else {
			log.warn("Skipping {}: {}", path, ex.toString());
		}
	}

}
