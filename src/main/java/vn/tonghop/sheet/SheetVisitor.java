package vn.tonghop.sheet;

/**
 * Receives a workbook sheet by sheet, row by row, as it is read. Hidden and very hidden sheets are
 * never offered.
 */
public interface SheetVisitor {

	/**
	 * Said before the first sheet when the file is delimited text (CSV), where a separator left
	 * unquoted in a value ("1,234") shifts the rest of its row one column right.
	 * @param separator the file's field separator
	 */
	default void delimited(char separator) {
	}

	/** A visible sheet starts; return false to skip it (then neither its rows nor endSheet follow). */
	boolean startSheet(String name);

	/**
	 * Said after a sheet starts, before its first row: how far the reader is through it, for whoever
	 * shows progress from another thread.
	 */
	default void reading(ReadPosition position) {
	}

	/** A row with at least one non-blank cell, in row order. */
	void row(SheetRow row);

	/**
	 * Asked after each row: false when the visitor needs no more of this sheet's rows, so that a
	 * reader may end the sheet there (endSheet follows) rather than parse the rest for nothing.
	 * A reader may also go on; the visitor must then let the rows pass.
	 */
	default boolean wantsRows() {
		return true;
	}

	/** The sheet is done; return true to read no further sheets. */
	boolean endSheet();

}
