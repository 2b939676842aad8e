package vn.tonghop.report;

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

	/** The text for a CSV cell: a formula-like value gets a leading apostrophe, as OWASP recommends. */
	public static String forCsv(String text) {
		return looksLikeFormula(text) ? "'" + text : text;
	}

}
