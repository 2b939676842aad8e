package vn.tonghop.api;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The name an uploaded file is stored under in the drop folder: the last segment of whatever the
 * client sent (no folders, no drive, no traversal), in NFC, without control characters or the
 * characters Windows forbids; Vietnamese letters are kept.
 */
final class UploadedFileName {

	private static final int MAX_LENGTH = 200;

	private UploadedFileName() {
	}

	/** The safe name, or empty when nothing usable is left or the scanner would take it for a temporary file. */
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
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			// The end is kept: it holds the extension.
			name = name.substring(name.offsetByCodePoints(name.length(), -MAX_LENGTH));
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (name.isEmpty() || lower.endsWith(".tmp") || lower.endsWith(".part") || lower.endsWith(".crdownload")) {
			return Optional.empty();
		}
		return Optional.of(name);
	}

}
