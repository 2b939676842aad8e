package vn.tonghop.intake;

import java.util.Locale;

/** Files that editors and downloads leave while they are still writing: never taken. */
final class TemporaryFiles {

	private TemporaryFiles() {
	}

	static boolean isTemporary(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		return name.startsWith("~$") || name.startsWith(".~lock") || name.startsWith(".") || name.endsWith(".tmp")
				|| name.endsWith(".part") || name.endsWith(".crdownload") || name.endsWith("~");
	}

}
