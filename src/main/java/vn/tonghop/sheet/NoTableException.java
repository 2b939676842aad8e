package vn.tonghop.sheet;

import java.util.List;
import java.util.Map;

/**
 * No visible sheet holds a recognizable table. When some row came close (it names at least one
 * required column), {@code closestSheet}/{@code closestRow} point at it and {@code missing} lists the
 * required fields it lacks, and {@code ambiguous} the header cells there, by a field they lack, that would
 * name it with their abbreviations read one way ("ĐV": đảng viên or đơn vị); otherwise they are null/0 and empty.
 */
public class NoTableException extends Exception {

	private final String closestSheet;

	private final int closestRow;

	private final List<Field> missing;

	private final Map<Field, HeaderCell> ambiguous;

	NoTableException(String message, String closestSheet, int closestRow, List<Field> missing,
			Map<Field, HeaderCell> ambiguous) {
		super(message);
		this.closestSheet = closestSheet;
		this.closestRow = closestRow;
		this.missing = List.copyOf(missing);
		this.ambiguous = Map.copyOf(ambiguous);
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

	public Map<Field, HeaderCell> ambiguous() {
		return this.ambiguous;
	}

}
