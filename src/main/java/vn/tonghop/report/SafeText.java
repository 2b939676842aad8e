package vn.tonghop.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellPropertyType;
import org.apache.poi.ss.util.CellUtil;

/**
 * Text that came from submissions or reference files, made safe for spreadsheets: a value starting
 * with = + - @ or a control character is run as a formula by Excel and LibreOffice when the cell is
 * edited or the CSV is opened.
 */
public final class SafeText {

	private SafeText() {
	}

	/** Whether the text would be taken for a formula. */
	public static boolean looksLikeFormula(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\n';
	}

	/**
	 * Quote-prefixes a text cell whose value would be taken for a formula, so that editing it keeps it
	 * text. The style is found or made once per workbook, not once per cell.
	 */
	public static void quoteIfFormula(Cell cell, String value) {
		if (looksLikeFormula(value)) {
			CellUtil.setCellStyleProperty(cell, CellPropertyType.QUOTE_PREFIXED, true);
		}
	}

	/**
	 * The text for a CSV cell: a formula-like value gets a leading apostrophe, as OWASP recommends, and
	 * so does every part of it after a ';' or a line break. Excel where ';' is the list separator, as in
	 * a Vietnamese locale, opens a comma CSV split at each ';' and line break, quoted or not: each part
	 * is a cell of its own there ("Đảng bộ Y;=HYPERLINK(…)" would be a live link). Quotes the writer
	 * doubles may stand before the formula.
	 */
	public static String forCsv(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		StringBuilder safe = new StringBuilder(text.length() + 1);
		if (looksLikeFormula(text)) {
			safe.append('\'');
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			safe.append(c);
			if ((c == ';' || c == '\n' || c == '\r') && formulaFollows(text, i + 1)) {
				safe.append('\'');
			}
		}
		return safe.toString();
	}

	private static boolean formulaFollows(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) == '"') {
			i++;
		}
		if (i == text.length()) {
			return false;
		}
		char next = text.charAt(i);
		return next == '=' || next == '+' || next == '-' || next == '@' || next == '\t';
	}

}
