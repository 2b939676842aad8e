package vn.tonghop.sheet;

import java.util.List;

/**
 * No visible sheet holds a recognizable table. When some row came close (it names at least one
 * required column), {@code closestSheet}/{@code closestRow} point at it and {@code missing} lists the
 * required fields it lacks; otherwise they are null/0 and empty.
 */
public class NoTableException extends Exception {

	private final String closestSheet;

	private final int closestRow;

	private final List<Field> missing;

	NoTableException(String message, String closestSheet, int closestRow, List<Field> missing) {
		super(message);
		this.closestSheet = closestSheet;
		this.closestRow = closestRow;
		this.missing = List.copyOf(missing);
	}

	public String closestSheet() {
		return this.closestSheet;
	}

	public int closestRow() {
		return this.closestRow;
	}

	public List<Field> missing() {
		return this.missing;
	}

}
