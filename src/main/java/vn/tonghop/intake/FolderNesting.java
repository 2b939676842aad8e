package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether one folder lies inside another. A file's identity is its content and the first folder
 * under the drop folder it was found in, so two scans of nested folders take the files of the
 * inner one twice, as files of two different folders: both the {@code ingest --input} check and
 * the schedules' check ask this.
 */
public final class FolderNesting {

	private FolderNesting() {
	}

	/**
	 * @return true when {@code folder} is strictly inside {@code around}, compared where they really
	 * are (links followed) when they exist
	 */
	public static boolean isInside(Path folder, Path around) {
		Path inner = where(folder);
		Path outer = where(around);
		return !inner.equals(outer) && inner.startsWith(outer);
	}

	/** Where the path really is, links resolved; a path not there (yet, or any more) by its name alone. */
	static Path where(Path folder) {
		Path absolute = folder.toAbsolutePath().normalize();
		try {
			return absolute.toRealPath();
		}
		catch (IOException ex) {
			// Not there yet (created at the first scan), or gone: its name is all there is to compare.
			return absolute;
		}
	}

}
