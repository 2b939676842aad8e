package vn.tonghop.intake;

import java.util.Locale;
import java.util.Set;

/**
 * Files that editors, downloads and transfers (WinSCP's .filepart) leave while they are still
 * writing, and those Windows Explorer writes into a folder it shows (thumbnails, folder settings):
 * never taken, where each would be rejected with a report nobody asked for.
 */
public final class TemporaryFiles {

	private static final Set<String> EXPLORER_FILES = Set.of("thumbs.db", "ehthumbs.db", "desktop.ini");

	private TemporaryFiles() {
	}

	public static boolean isTemporary(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		return name.startsWith("~$") || name.startsWith(".~lock") || name.startsWith(".") || name.endsWith(".tmp")
				|| name.endsWith(".part") || name.endsWith(".crdownload") || name.endsWith(".filepart")
				|| name.endsWith(".partial") || name.endsWith("~")
				|| EXPLORER_FILES.contains(name);
	}

}
