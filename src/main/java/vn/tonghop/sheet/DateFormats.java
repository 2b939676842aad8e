package vn.tonghop.sheet;

import java.util.Locale;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Whether a number format shows a date. POI knows a date format by its codes alone, but refuses
 * one with words in it, the Vietnamese long form "ngày "dd" tháng "mm" năm "yyyy among them; the
 * words (quoted, or a character escaped by "\") decide nothing, so they are left out when POI
 * says no.
 */
final class DateFormats {

	private DateFormats() {
	}

	static boolean isDate(int formatId, String format) {
		if (format == null) {
			return false;
		}
		if (DateUtil.isADateFormat(formatId, format)) {
			return true;
		}
		String codes = withoutWords(format);
		return !codes.isBlank() && !codes.equals(format) && DateUtil.isADateFormat(formatId, codes);
	}

	/**
	 * Whether a date format shows a time of day alone ("h:mm", "hh:mm:ss AM/PM"): hours or seconds,
	 * and no day or year, outside words and bracketed codes ("[$-42A]", "[Red]"; elapsed "[h]" counts).
	 */
	static boolean isTimeOnly(String format) {
		String codes = withoutWords(format).replaceAll("\\[(?![hms]+\\])[^\\]]*\\]", "").toLowerCase(Locale.ROOT);
		return (codes.indexOf('h') >= 0 || codes.indexOf('s') >= 0) && codes.indexOf('d') < 0 && codes.indexOf('y') < 0;
	}

	private static String withoutWords(String format) {
		StringBuilder codes = new StringBuilder(format.length());
		boolean quoted = false;
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == '\\') {
				i++;
			}
			else if (!quoted) {
				codes.append(c);
			}
		}
		return codes.toString();
	}

}
