package vn.tonghop.api;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.tonghop.intake.FileNames;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.TemporaryFiles;

/**
 * The name an uploaded file is stored under in the drop folder: the last segment of whatever the
 * client sent (no folders, no drive, no traversal), in NFC, without control characters or the
 * characters Windows forbids; Vietnamese letters are kept.
 */
final class UploadedFileName {

	/** Room left for the " (2)" a name already taken gets. */
	private static final int NUMBER_ROOM = 8;

	private static final Pattern WINDOWS_DEVICE = Pattern.compile("con|prn|aux|nul|com[1-9]|lpt[1-9]");

	private UploadedFileName() {
	}

	/**
	 * The safe name, or empty when nothing usable is left, the scanner would take it for a temporary
	 * file, or it is reserved.
	 */
	static Optional<String> of(String sent) {
		if (sent == null) {
			return Optional.empty();
		}
		String name = Normalizer.normalize(sent, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder(name.length());
		name.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && "<>:\"|?*".indexOf(c) < 0)
			.forEach(kept::appendCodePoint);
		// Leading dots or ~$ would hide the file from the scanner, as would a trailing ~; trailing dots vanish on Windows.
		name = kept.toString().replaceAll("^[.\\s~$]+", "").replaceAll("[.\\s~]+$", "");
		// Linux counts a name's bytes, two or three per Vietnamese letter.
		name = FileNames.fit(name, FileNames.MAX_BYTES - NUMBER_ROOM);
		String lower = name.toLowerCase(Locale.ROOT);
		if (name.isEmpty() || TemporaryFiles.isTemporary(name) || isReserved(lower)) {
			return Optional.empty();
		}
		return Optional.of(name);
	}

	/**
	 * A file named "reports" takes the place of the folder the unit's reports go to, and every later
	 * run fails to write them (on a share that ignores case, in any case); a device name Windows
	 * reserves, with any extension, cannot be opened from a share.
	 */
	private static boolean isReserved(String lower) {
		int dot = lower.indexOf('.');
		String stem = (dot < 0 ? lower : lower.substring(0, dot)).strip();
		return lower.equals(InputScanner.REPORTS_FOLDER) || WINDOWS_DEVICE.matcher(stem).matches();
	}

}
