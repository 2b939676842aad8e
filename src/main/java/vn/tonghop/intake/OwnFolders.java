package vn.tonghop.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the folders and files under a drop folder that a link leads into tonghop's own files: the
 * archive, the reports folder, a folder named reports. Both the scan and the watch follow links,
 * and would otherwise take archived copies and reports for submissions, or their writing for a
 * district's change. Without a link they never get there: the names they skip and the run's layout
 * check keep them out.
 */
public final class OwnFolders {

	private static final Logger log = LoggerFactory.getLogger(OwnFolders.class);

	private final Path root;

	/** Where the drop folder really is: a folder found elsewhere was reached through a link. */
	private final Path realRoot;

	private final List<Path> own;

	/** @param own the folders holding tonghop's own files: the archive, the reports folder if set */
	public OwnFolders(Path root, List<Path> own) {
		this.root = root;
		this.realRoot = FolderNesting.where(root);
		this.own = own.stream().map(FolderNesting::where).toList();
	}

	/** Whether a folder under the drop folder is reached through a link (in it or above it) and is tonghop's own. */
	public boolean isOwnFolder(Path dir) {
		// Under a link every folder may be the archive: one linked above it holds it.
		Path real = FolderNesting.where(dir);
		return !real.equals(this.realRoot.resolve(this.root.relativize(dir))) && isOwn(dir, real);
	}

	/** Whether a file under the drop folder is a link to a file of tonghop's own. */
	boolean isOwnFile(Path file) {
		return Files.isSymbolicLink(file) && isOwn(file, FolderNesting.where(file));
	}

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

}
