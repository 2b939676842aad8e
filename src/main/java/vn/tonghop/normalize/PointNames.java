package vn.tonghop.normalize;

import java.text.Normalizer;

/**
 * When two point names are the same point: in any letter case, and with a tone mark on either
 * vowel ("Phường Gia Thụy" = "Phường Gia Thuỵ"), as the submission format asks of every match.
 * <p>
 * The database's {@code tonghop.point_key(name)} (V23) makes the same key, and the exact checks for
 * repeated points and the history of a resubmission compare by it. The key is lower case, in NFD,
 * with each tone mark moved past the letters that follow it up to the next space or tone mark:
 * {@code regexp_replace(normalize(lower(name), NFD), '([tones])([^tones ]+)', '\2\1', 'g')}.
 */
public final class PointNames {

	/** Characters whose decomposition {@link #decomposition} gives: all of Latin and Greek with their marks. */
	static final char TABLE_END = '\u2000';

	private static final char[][] DECOMPOSITION = new char[TABLE_END][];

	static {
		for (char c = 0; c < TABLE_END; c++) {
			String folded = String.valueOf((char) Character.toLowerCase(Character.toUpperCase((int) c)));
			String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
			// A combining mark, or a letter decomposing into marks alone, reorders with its neighbours.
			if (!Character.isSurrogate(c) && !isMark(c) && folded.charAt(0) < TABLE_END && !isMark(decomposed.charAt(0))) {
				DECOMPOSITION[c] = decomposed.toCharArray();
			}
		}
	}

	private PointNames() {
	}

	/** The name's matching key, as {@code tonghop.point_key} gives it. */
	public static String key(String name) {
		StringBuilder folded = new StringBuilder(name.length());
		name.codePoints().map((c) -> Character.toLowerCase(Character.toUpperCase(c))).forEach(folded::appendCodePoint);
		String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
		StringBuilder key = new StringBuilder(decomposed.length());
		char pending = 0;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (isTone(c) || c == ' ') {
				if (pending != 0) {
					key.append(pending);
				}
				pending = 0;
			}
			if (isTone(c)) {
				pending = c;
			}
			else {
				key.append(c);
			}
		}
		if (pending != 0) {
			key.append(pending);
		}
		return key.toString();
	}

	/**
	 * The character case-folded and decomposed, for building {@link #key} a character at a time
	 * (moving the tone marks as it does) without normalising the whole name; null when only the
	 * whole name can tell (a combining mark on its own, a character outside the table).
	 */
	public static char[] decomposition(char c) {
		return (c < TABLE_END) ? DECOMPOSITION[c] : null;
	}

	/** The five Vietnamese tone marks, as combining characters: grave, acute, tilde, hook above, dot below. */
	public static boolean isTone(char c) {
		return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
	}

	private static boolean isMark(char c) {
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

}
