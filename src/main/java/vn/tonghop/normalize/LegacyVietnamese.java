package vn.tonghop.normalize;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Converts text typed in the pre-Unicode Vietnamese fonts to Unicode. Such text is stored as
 * Latin-1 characters that only the font turns into Vietnamese letters, so the cell's font is what
 * tells it apart: TCVN3 (ABC) fonts are named ".Vn…" (".VnTime", ".VnArial"; a trailing "H", as in
 * ".VnTimeH", is the capitals-only variant), VNI fonts "VNI-…" ("VNI-Times", "VNI-Helve").
 */
public final class LegacyVietnamese {

	/** The pre-Unicode encodings a font name can stand for. */
	public enum Encoding {

		TCVN3, VNI

	}

	/** The one-byte TCVN3 code points from 0xA1 on (TCVN 5712), as the Unicode they stand for. */
	private static final String TCVN3_FROM_A1 = "ĂÂÊÔƠƯĐăâêôơưđẰ" // A1-AF
			+ "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ" // B0-BF
			+ "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" // C0-CF
			+ "éẹềểễếệìỉỄẾỒĩíịò" // D0-DF
			+ "Ổỏõóọồổỗốộờởỡớợù" // E0-EF
			+ "ỖủũúụừửữứựỳỷỹýỵỐ"; // F0-FF

	private static final char[] TCVN3 = new char[256];

	/** VNI sequences (a base letter and its mark characters) and the letter they make. */
	private static final Map<String, String> VNI = new HashMap<>();

	static {
		for (int i = 0; i < TCVN3_FROM_A1.length(); i++) {
			TCVN3[0xA1 + i] = TCVN3_FROM_A1.charAt(i);
		}
		vni();
	}

	private LegacyVietnamese() {
	}

	/** The legacy encoding a font name stands for, or null for a Unicode font (or none). */
	static Encoding encoding(String font) {
		if (font == null) {
			return null;
		}
		String name = font.strip();
		if (name.regionMatches(true, 0, ".Vn", 0, 3)) {
			return Encoding.TCVN3;
		}
		if (name.regionMatches(true, 0, "VNI-", 0, 4) || name.regionMatches(true, 0, "VNI ", 0, 4)) {
			return Encoding.VNI;
		}
		return null;
	}

	/** Whether the font name stands for a legacy encoding, whose text {@link #toUnicode} converts. */
	public static boolean isLegacyFont(String font) {
		return encoding(font) != null;
	}

	/**
	 * The text as the font shows it, in NFC; the text itself (the same instance) when the font is
	 * not a legacy one or the text is already Unicode Vietnamese. Text holding letters that only
	 * Unicode has (ơ, ư, đ, ạ...) was typed in Unicode whatever the font says: it is left alone.
	 */
	public static String toUnicode(String text, String font) {
		Encoding encoding = encoding(font);
		if (encoding == null || text == null || !convertible(text)) {
			return text;
		}
		String converted = (encoding == Encoding.TCVN3) ? tcvn3(text) : vni(text);
		if (encoding == Encoding.TCVN3 && isCapitalsFont(font)) {
			converted = converted.toUpperCase(Locale.ROOT);
		}
		converted = Normalizer.normalize(converted, Normalizer.Form.NFC);
		return converted.equals(text) ? text : converted;
	}

	// ".VnTimeH", ".VnArialH", ".VnArial NarrowH": the same code points drawn as capitals.
	private static boolean isCapitalsFont(String font) {
		String name = font.strip();
		return name.endsWith("H");
	}

	/**
	 * Whether the text may be legacy: something beyond ASCII, and none of the letters and marks
	 * that only Unicode writes (Latin Extended, combining marks, Latin Extended Additional).
	 */
	private static boolean convertible(String text) {
		boolean beyondAscii = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= 0x0100 && c <= 0x024F) || (c >= 0x0300 && c <= 0x036F) || (c >= 0x1E00 && c <= 0x1EFF)) {
				return false;
			}
			beyondAscii |= c > 0x7F;
		}
		return beyondAscii;
	}

	private static String tcvn3(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char unicode = (c < TCVN3.length) ? TCVN3[c] : 0;
			out.append((unicode != 0) ? unicode : c);
		}
		return out.toString();
	}

	private static String vni(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			String pair = (i + 1 < text.length()) ? VNI.get(text.substring(i, i + 2)) : null;
			if (pair != null) {
				out.append(pair);
				i += 2;
				continue;
			}
			String single = VNI.get(text.substring(i, i + 1));
			out.append((single != null) ? single : text.substring(i, i + 1));
			i++;
		}
		return out.toString();
	}

	/**
	 * VNI writes a toned vowel as its base letter followed by one mark character: "où" is ó, "aá"
	 * is ấ, "aé" is ắ. ơ, ư, đ and the toned i and ỵ are single characters ("ô", "ö", "ñ", "í",
	 * "î"). Capitals take the capital mark characters; a mark of the other case is accepted too.
	 */
	private static void vni() {
		String tones = "\u0301\u0300\u0309\u0303\u0323"; // sắc, huyền, hỏi, ngã, nặng
		String plainMarks = "ùøûõï";
		String circumflexMarks = "âáàåãä";
		String breveMarks = "êéèúüë";
		for (boolean upper : new boolean[] { false, true }) {
			for (char vowel : "aeouy".toCharArray()) {
				for (int t = 0; t < tones.length(); t++) {
					vniPair(upper, vowel, plainMarks.charAt(t), vowel + tones.substring(t, t + 1));
				}
			}
			for (char vowel : "aeo".toCharArray()) {
				for (int t = 0; t < circumflexMarks.length(); t++) {
					vniPair(upper, vowel, circumflexMarks.charAt(t), vowel + "\u0302" + tone(tones, t - 1));
				}
			}
			for (int t = 0; t < breveMarks.length(); t++) {
				vniPair(upper, 'a', breveMarks.charAt(t), "a\u0306" + tone(tones, t - 1));
			}
			// ơ and ư are "ô" and "ö"; their tones follow as for a plain vowel.
			for (char[] horn : new char[][] { { 'ô', 'o' }, { 'ö', 'u' } }) {
				vniSingle(upper, horn[0], horn[1] + "\u031B");
				for (int t = 0; t < tones.length(); t++) {
					vniPair(upper, horn[0], plainMarks.charAt(t), horn[1] + "\u031B" + tones.charAt(t));
				}
			}
			String iTones = "íìæóò";
			for (int t = 0; t < iTones.length(); t++) {
				vniSingle(upper, iTones.charAt(t), "i" + tones.charAt(t));
			}
			vniSingle(upper, 'î', "y\u0323");
			vniSingle(upper, 'ñ', "đ");
		}
	}

	private static String tone(String tones, int index) {
		return (index < 0) ? "" : tones.substring(index, index + 1);
	}

	private static void vniPair(boolean upper, char base, char mark, String letter) {
		String composed = compose(letter, upper);
		String baseText = String.valueOf(upper ? Character.toUpperCase(base) : base);
		VNI.put(baseText + mark, composed);
		VNI.put(baseText + Character.toUpperCase(mark), composed);
	}

	private static void vniSingle(boolean upper, char code, String letter) {
		VNI.put(String.valueOf(upper ? Character.toUpperCase(code) : code), compose(letter, upper));
	}

	private static String compose(String letter, boolean upper) {
		String nfc = Normalizer.normalize(letter, Normalizer.Form.NFC);
		return upper ? nfc.toUpperCase(Locale.ROOT) : nfc;
	}

}
