package vn.tonghop.submission;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Types Unicode text as a TCVN3 or VNI keyboard driver would, so that tests can write the
 * characters Excel stores for a .VnTime or VNI-Times cell.
 */
final class LegacyTyping {

	/** TCVN3 (ABC) letters and the byte each is typed as (TCVN 5712, lower-case set and capitals). */
	private static final Map<Character, Character> TCVN3 = new HashMap<>();

	static {
		String letters = "ĂÂÊÔƠƯĐăâêôơưđ";
		for (int i = 0; i < letters.length(); i++) {
			TCVN3.put(letters.charAt(i), (char) (0xA1 + i));
		}
		tcvn3(0xB5, "àảãáạ");
		tcvn3(0xBB, "ằẳẵắ");
		tcvn3(0xC6, "ặầẩẫấậè");
		tcvn3(0xCE, "ẻẽéẹềểễếệìỉ");
		tcvn3(0xDC, "ĩíịò");
		tcvn3(0xE1, "ỏõóọồổỗốộờởỡớợù");
		tcvn3(0xF1, "ủũúụừửữứựỳỷỹýỵ");
	}

	private LegacyTyping() {
	}

	private static void tcvn3(int first, String letters) {
		for (int i = 0; i < letters.length(); i++) {
			TCVN3.put(letters.charAt(i), (char) (first + i));
		}
	}

	/** As typed in .VnTime: toned capitals other than Ă Â Ê Ô Ơ Ư Đ have no code and are refused. */
	static String tcvn3(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
			Character code = TCVN3.get(c);
			if (code == null && c > 0x7F) {
				throw new IllegalArgumentException("No TCVN3 code for " + c + " in " + text);
			}
			out.append((code != null) ? code.charValue() : c);
		}
		return out.toString();
	}

	/** As typed in .VnTimeH, the capitals font: lower-case codes that the font draws as capitals. */
	static String tcvn3Capitals(String text) {
		return tcvn3(text.toLowerCase(Locale.ROOT));
	}

	/** As typed in VNI-Times: each toned vowel as its base letter and a mark character. */
	static String vni(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
			out.append(vni(c));
		}
		return out.toString();
	}

	private static String vni(char letter) {
		if (letter == 'đ' || letter == 'Đ') {
			return (letter == 'đ') ? "ñ" : "Ñ";
		}
		String parts = Normalizer.normalize(String.valueOf(letter), Normalizer.Form.NFD);
		char base = parts.charAt(0);
		if (parts.length() == 1 || base > 0x7F) {
			return String.valueOf(letter);
		}
		boolean upper = Character.isUpperCase(base);
		char lower = Character.toLowerCase(base);
		int shape = 0;
		int tone = -1;
		for (int i = 1; i < parts.length(); i++) {
			switch (parts.charAt(i)) {
				case '\u0302' -> shape = 1;
				case '\u0306' -> shape = 2;
				case '\u031B' -> shape = 3;
				case '\u0301' -> tone = 0;
				case '\u0300' -> tone = 1;
				case '\u0309' -> tone = 2;
				case '\u0303' -> tone = 3;
				case '\u0323' -> tone = 4;
				default -> throw new IllegalArgumentException("No VNI form for " + letter);
			}
		}
		String typed;
		if (lower == 'i') {
			typed = (tone < 0) ? "i" : String.valueOf("íìæóò".charAt(tone));
		}
		else if (lower == 'y' && tone == 4) {
			typed = "î";
		}
		else if (shape == 1) {
			typed = lower + String.valueOf((tone < 0) ? 'â' : "áàåãä".charAt(tone));
		}
		else if (shape == 2) {
			typed = lower + String.valueOf((tone < 0) ? 'ê' : "éèúüë".charAt(tone));
		}
		else {
			String horn = (shape == 3) ? ((lower == 'o') ? "ô" : "ö") : String.valueOf(lower);
			typed = horn + ((tone < 0) ? "" : String.valueOf("ùøûõï".charAt(tone)));
		}
		return upper ? typed.toUpperCase(Locale.ROOT) : typed;
	}

}
