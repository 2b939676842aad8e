package vn.tonghop.sheet;

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
