package vn.tonghop.sheet;

/** Cells written in code for the tests, as the readers give them. */
public final class Cells {

	private Cells() {
	}

	/** A number cell without a date or percent format, its text as a person reads it ("11938", "0.75"). */
	public static Cell number(int column, double number) {
		return new Cell(column, CellKind.NUMBER, Cell.plain(number), number, null, false, null);
	}

}
