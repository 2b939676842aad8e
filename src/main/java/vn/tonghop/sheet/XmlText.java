package vn.tonghop.sheet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as an .xlsx stores it in cells and shared strings: characters XML cannot carry, such as the
 * carriage return of text pasted from Word, are written "_x000D_", and an underscore that would
 * read as such an escape "_x005F_" (as POI reads them).
 */
final class XmlText {

	private static final Pattern ESCAPE = Pattern.compile("_x(\\p{XDigit}{4})_");

	private XmlText() {
	}

	static String unescape(String text) {
		if (text.indexOf("_x") < 0) {
			return text;
		}
		Matcher matcher = ESCAPE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out,
					Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(matcher.group(1), 16))));
		}
		return matcher.appendTail(out).toString();
	}

}
