package vn.tonghop.validate;

/**
 * One finding about a submitted file, located as Excel shows it.
 *
 * @param rule what was checked
 * @param sheet the sheet name, or null for the file as a whole
 * @param row the row number as Excel shows it, or 0
 * @param column the column letter ("F"), or null
 * @param value the value as written, or null
 * @param messageVi the message in Vietnamese
 * @param messageEn the message in English
 */
public record Problem(Rule rule, String sheet, int row, String column, String value, String messageVi,
		String messageEn) {

	public static Problem of(Rule rule, Location at, String value, Object... args) {
		return new Problem(rule, at.sheet(), at.row(), at.column(), value, rule.vietnamese(args), rule.english(args));
	}

	public static Problem ofFile(Rule rule, Object... args) {
		return of(rule, Location.FILE, null, args);
	}

	/** The same problem placed in a column, for findings made before the column was known. */
	Problem inColumn(String column) {
		return new Problem(this.rule, this.sheet, this.row, column, this.value, this.messageVi, this.messageEn);
	}

	public Severity severity() {
		return this.rule.severity();
	}

	/** "Sheet1!F12: message", the form used in summaries and logs. */
	public String describe() {
		StringBuilder where = new StringBuilder();
		if (this.sheet != null) {
			where.append(this.sheet);
			if (this.row > 0) {
				where.append('!').append(this.column != null ? this.column : "").append(this.row);
			}
			where.append(": ");
		}
		return where + this.messageEn;
	}

	/** A place in the file: sheet, row and column as Excel shows them. */
	public record Location(String sheet, int row, String column) {

		static final Location FILE = new Location(null, 0, null);

		public static Location sheet(String sheet) {
			return new Location(sheet, 0, null);
		}

	}

}
