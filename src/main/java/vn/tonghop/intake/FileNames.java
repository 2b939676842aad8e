package vn.tonghop.intake;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names tonghop derives from a district's file name (its archived copy, its reports). Linux allows
 * 255 bytes per name, not 255 letters, and a Vietnamese letter takes two or three bytes in UTF-8:
 * a name the district could save may be too long once a suffix is added, and one from a Windows
 * share (255 UTF-16 letters) may be too long as it is.
 */
public final class FileNames {

	/** The longest name a Linux file system takes, in UTF-8 bytes. */
	public static final int MAX_BYTES = 255;

	/** What marks a shortened stem: a tilde and 8 hex digits of the stem's SHA-256. */
	static final int MARK_BYTES = 9;

	/** A longer tail after the last dot is not an extension to keep, but part of the name to cut. */
	private static final int MAX_EXTENSION_BYTES = 16;

	private FileNames() {
	}

	/** The name as it is when it fits in {@link #MAX_BYTES}, else with its stem shortened and its extension kept. */
	static String fit(String name) {
		return fit(name, MAX_BYTES);
	}

	/**
	 * The name as it is when it takes at most {@code maxBytes}, else with its stem shortened and its
	 * extension kept, for a name that may still get a suffix.
	 */
	public static String fit(String name, int maxBytes) {
		if (bytes(name) <= maxBytes) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && bytes(name.substring(dot)) <= MAX_EXTENSION_BYTES) ? name.substring(dot) : "";
		return shorten(name.substring(0, name.length() - extension.length()), maxBytes - bytes(extension)) + extension;
	}

	/**
	 * The stem as it is when it takes at most {@code room} bytes; else its start, cut between two
	 * letters (a letter and its combining accents stay together), and a hash of the whole stem, so
	 * that two long names with the same start stay two names.
	 * @param room at least {@link #MARK_BYTES}
	 */
	public static String shorten(String stem, int room) {
		if (bytes(stem) <= room) {
			return stem;
		}
		BreakIterator letters = BreakIterator.getCharacterInstance(Locale.ROOT);
		letters.setText(stem);
		int budget = room - MARK_BYTES;
		int end = 0;
		int used = 0;
		for (int next = letters.next(); next != BreakIterator.DONE; next = letters.next()) {
			used += bytes(stem.substring(end, next));
			if (used > budget) {
				break;
			}
			end = next;
		}
		return stem.substring(0, end) + "~" + hash(stem);
	}

	static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static String hash(String stem) {
		byte[] digest = Sha256.digest().digest(stem.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, (MARK_BYTES - 1) / 2);
	}

}
