package vn.tonghop.normalize;

import java.text.Normalizer;

/**
 * Text folding for Vietnamese as districts type it: the same name arrives in NFC or NFD, with the
 * tone mark on either vowel ("Hóa"/"Hoá"), with NBSP, zero-width characters and curly apostrophes.
 */
public final class VietnameseText {

	private static final char GRAVE = '\u0300';
	private static final char ACUTE = '\u0301';
	private static final char TILDE = '\u0303';
	private static final char HOOK = '\u0309';
	private static final char DOT_BELOW = '\u0323';

	/**
	 * Latin letters with their combining marks, and Latin Extended Additional, where Vietnamese
	 * letters live. No character there lower-cases differently by context (only Greek sigma does).
	 */
	private static final char LATIN_END = '\u0370';

	private static final char EXTENDED_START = '\u1E00';

	private static final char EXTENDED_END = '\u1F00';

	// Instances of their own, compared by identity: no character's letters can be taken for them.
	private static final String KEY_SKIP = new String("");

	private static final String KEY_SEPARATOR = new String(" ");

	private static final String[] LATIN_KEY = new String[LATIN_END];

	private static final String[] EXTENDED_KEY = new String[EXTENDED_END - EXTENDED_START];

	static {
		for (char c = 0; c < LATIN_END; c++) {
			LATIN_KEY[c] = foldedPart(c);
		}
		for (char c = EXTENDED_START; c < EXTENDED_END; c++) {
			EXTENDED_KEY[c - EXTENDED_START] = foldedPart(c);
		}
	}

	private VietnameseText() {
	}

	/** NFC, one plain space between words, straight apostrophes, no invisible characters. */
	public static String clean(String text) {
		if (text == null) {
			return "";
		}
		return isClean(text) ? text : cleaned(text);
	}

	/**
	 * Whether {@link #clean} would give the text back unchanged, told in one pass without
	 * normalising: true only for text of characters NFC leaves as they are when no combining mark
	 * follows (below U+0300, and the precomposed letters of U+1E00 to U+1EFF, all of Vietnamese),
	 * with single plain spaces inside, no invisible characters and no apostrophes to straighten.
	 * Most cells are such text, and normalising one allocates twice.
	 */
	static boolean isClean(String text) {
		int length = text.length();
		if (length > 0 && (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ')) {
			return false;
		}
		char previous = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c > ' ' && c < 0x7F) {
				if (c == '`') {
					return false;
				}
			}
			else if (c == ' ') {
				if (previous == ' ') {
					return false;
				}
			}
			else if (c < 0xA0 || (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) || isInvisible(c) || isApostrophe(c)
					|| Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				return false;
			}
			previous = c;
		}
		return true;
	}

	/** {@link #clean} the long way, for text {@link #isClean} cannot vouch for. */
	static String cleaned(String text) {
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(nfc.length());
		boolean pendingSpace = false;
		for (int i = 0; i < nfc.length(); i++) {
			char c = nfc.charAt(i);
			if (isInvisible(c)) {
				continue;
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				pendingSpace = out.length() > 0;
				continue;
			}
			if (pendingSpace) {
				out.append(' ');
				pendingSpace = false;
			}
			out.append(isApostrophe(c) ? '\'' : c);
		}
		return out.toString();
	}

	/**
	 * Whether {@link #clean} leaves nothing, without building the cleaned text: NFC never turns a
	 * visible character into a space, so the text is blank when every character is a space or invisible.
	 */
	public static boolean isBlank(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isInvisible(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A matching key that keeps every letter and tone but not where the tone mark sits: each
	 * word's tone moves to its end, so "Thanh Hóa" and "Thanh Hoá" give the same key while
	 * "Hà Nam" and "Hà Nậm" do not. Punctuation becomes a space.
	 */
	public static String toneKey(String text) {
		String decomposed = Normalizer.normalize(clean(text).toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length() + 8);
		StringBuilder tones = new StringBuilder(2);
		boolean inWord = false;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			char tone = toneLetter(c);
			if (tone != 0) {
				tones.append(tone);
			}
			else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
				out.append(c);
				inWord = true;
			}
			else if (inWord) {
				out.append(tones).append(' ');
				tones.setLength(0);
				inWord = false;
			}
		}
		out.append(tones);
		return Normalizer.normalize(out.toString().trim(), Normalizer.Form.NFC);
	}

	/** A key without any diacritics: lowercase ASCII letters and digits separated by single spaces. */
	public static String asciiKey(String text) {
		if (text == null) {
			return "";
		}
		// Text in Latin letters (all Vietnamese) goes character by character: no normalising of the whole.
		StringBuilder out = new StringBuilder(text.length());
		boolean pendingSpace = false;
		for (int i = 0; i < text.length(); i++) {
			String part = keyPart(text.charAt(i));
			if (part == null) {
				return foldedKey(text);
			}
			if (part == KEY_SKIP) {
				continue;
			}
			if (part == KEY_SEPARATOR) {
				pendingSpace = out.length() > 0;
				continue;
			}
			if (pendingSpace) {
				out.append(' ');
				pendingSpace = false;
			}
			// Most parts are one letter: appended as a char, not through a String's copy.
			if (part.length() == 1) {
				out.append(part.charAt(0));
			}
			else {
				out.append(part);
			}
		}
		return out.toString();
	}

	/** What a character adds to its text's {@link #asciiKey}, or null when only the whole text can tell. */
	static String keyPart(char c) {
		if (c < LATIN_END) {
			return LATIN_KEY[c];
		}
		if (c >= EXTENDED_START && c < EXTENDED_END) {
			return EXTENDED_KEY[c - EXTENDED_START];
		}
		return null;
	}

	/**
	 * What {@link #foldedKey} makes of a character between two letters: nothing (a combining mark,
	 * an invisible character), a word break, or letters; null for anything else.
	 */
	private static String foldedPart(char c) {
		String key = foldedKey("a" + c + "b");
		if (key.equals("ab")) {
			return KEY_SKIP;
		}
		if (key.equals("a b")) {
			return KEY_SEPARATOR;
		}
		if (key.length() > 2 && key.startsWith("a") && key.endsWith("b") && key.indexOf(' ') < 0) {
			return key.substring(1, key.length() - 1);
		}
		return null;
	}

	/** {@link #asciiKey} by normalising the whole text. */
	static String foldedKey(String text) {
		String decomposed = Normalizer.normalize(clean(text).toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		boolean pendingSpace = false;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			// The eth, ð (Ð lower-cased), is put for đ by some fonts and converters: the two look alike.
			if (c == 'đ' || c == 'ð') {
				c = 'd';
			}
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			if (Character.isLetterOrDigit(c)) {
				if (pendingSpace) {
					out.append(' ');
					pendingSpace = false;
				}
				out.append(c);
			}
			else {
				pendingSpace = out.length() > 0;
			}
		}
		return out.toString();
	}

	private static char toneLetter(char c) {
		// Telex letters, upper case so they never meet the lower-cased text they are appended to.
		return switch (c) {
			case ACUTE -> 'S';
			case GRAVE -> 'F';
			case HOOK -> 'R';
			case TILDE -> 'X';
			case DOT_BELOW -> 'J';
			default -> 0;
		};
	}

	private static boolean isInvisible(char c) {
		return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
	}

	private static boolean isApostrophe(char c) {
		return c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u0060' || c == '\u00B4';
	}

}
