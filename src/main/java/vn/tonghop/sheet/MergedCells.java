package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.tonghop.normalize.ParsedNumber;
import vn.tonghop.normalize.WholeNumbers;

/**
 * The merged regions of one sheet, applied to its rows as they stream by in row order. Excel keeps
 * a merged region's value in its top-left cell only; here that value is copied into every other
 * cell of the region, so a level or host unit merged down over the rows it applies to reads on
 * each of them. Head counts are not copied: a number merged over several rows is one figure for
 * all of them, and counting it on each row would inflate the totals, so the other rows read it as
 * missing. Cells a region covers keep nothing of their own (LibreOffice leaves stale contents
 * there), and copies never make a row appear: a row holding nothing but copies stays blank.
 * Only the region list is kept, never rows.
 */
final class MergedCells {

	/** No table is wider than an .xls sheet; a region reaching further is filled that far only. */
	static final int LAST_FILLED_COLUMN = 255;

	/** Far more than any form has; a sheet's list is kept whole while the sheet is read. */
	static final int MAX_REGIONS = 100_000;

	/**
	 * A merged region.
	 *
	 * @param firstRow the first row as Excel numbers rows (1-based)
	 * @param lastRow the last row, 1-based
	 * @param firstColumn the first 0-based column
	 * @param lastColumn the last 0-based column
	 */
	record Region(int firstRow, int lastRow, int firstColumn, int lastColumn) {

		boolean covers(int row, int column) {
			return row >= this.firstRow && row <= this.lastRow && column >= this.firstColumn
					&& column <= this.lastColumn;
		}

		boolean isTopLeft(int row, int column) {
			return row == this.firstRow && column == this.firstColumn;
		}

	}

	/**
	 * The region a mergeCell's ref names ("B4:C9"), or null when it names no range.
	 * @throws NumberFormatException when a corner has no row number
	 */
	static Region region(String ref) {
		int colon = (ref != null) ? ref.indexOf(':') : -1;
		if (colon <= 0) {
			return null;
		}
		String first = ref.substring(0, colon);
		String last = ref.substring(colon + 1);
		return new Region(row(first), row(last), XlsxReader.column(first), XlsxReader.column(last));
	}

	/** Refuses one region more once a sheet has {@link #MAX_REGIONS}. */
	static void requireRoomFor(int regions) {
		if (regions >= MAX_REGIONS) {
			throw new LimitExceededException(Detail.MERGED_AREAS.with(Sizes.count(MAX_REGIONS)));
		}
	}

	/** The row number of a reference such as "AB12". */
	private static int row(String reference) {
		int digits = 0;
		while (digits < reference.length() && !Character.isDigit(reference.charAt(digits))) {
			digits++;
		}
		return Integer.parseInt(reference.substring(digits));
	}

	/** Regions not reached yet, the next one last. */
	private final List<Region> pending;

	private final List<Active> active = new ArrayList<>();

	MergedCells(List<Region> regions) {
		this.pending = new ArrayList<>(regions);
		this.pending.sort(Comparator.comparingInt(Region::firstRow).reversed());
	}

	/**
	 * The cells of a row with the regions applied: covered cells dropped, copies of the top-left
	 * values added; in column order. Rows must come in increasing order.
	 * @param row the row number, 1-based
	 * @param own the cells the file holds for the row
	 */
	List<Cell> apply(int row, List<Cell> own) {
		advanceTo(row);
		if (this.active.isEmpty()) {
			return sorted(own);
		}
		List<Cell> cells = new ArrayList<>(own.size());
		for (Cell cell : own) {
			Active region = covering(row, cell.column());
			if (region == null) {
				cells.add(cell);
			}
			else if (region.region.isTopLeft(row, cell.column())) {
				cells.add(cell);
				region.value = fills(cell) ? cell : null;
			}
		}
		if (cells.isEmpty()) {
			return cells;
		}
		for (Active region : this.active) {
			if (region.value != null) {
				copy(region, row, cells);
			}
		}
		return sorted(cells);
	}

	/** Whether a value is copied over its region: anything but a number (dates are copied). */
	private static boolean fills(Cell cell) {
		return switch (cell.kind()) {
			case NUMBER -> cell.date() != null;
			case TEXT -> WholeNumbers.parse(cell).status() == ParsedNumber.Status.TEXT;
			default -> true;
		};
	}

	private void advanceTo(int row) {
		while (!this.pending.isEmpty() && this.pending.get(this.pending.size() - 1).firstRow() <= row) {
			this.active.add(new Active(this.pending.remove(this.pending.size() - 1)));
		}
		this.active.removeIf((region) -> region.region.lastRow() < row);
		// Every cell is checked against every region over its row: overlapping regions would make that quadratic.
		if (this.active.size() > LAST_FILLED_COLUMN + 1) {
			throw new LimitExceededException(Detail.MERGED_AREAS_OVER_ROW.with(Sizes.count(LAST_FILLED_COLUMN + 1), row));
		}
	}

	private Active covering(int row, int column) {
		for (Active region : this.active) {
			if (region.region.covers(row, column)) {
				return region;
			}
		}
		return null;
	}

	private static void copy(Active region, int row, List<Cell> cells) {
		Cell value = region.value;
		int last = Math.min(region.region.lastColumn(), LAST_FILLED_COLUMN);
		for (int column = region.region.firstColumn(); column <= last; column++) {
			if (!region.region.isTopLeft(row, column)) {
				cells.add(new Cell(column, value.kind(), value.text(), value.number(), value.date(), value.percent(),
						value.font()));
			}
		}
	}

	private static List<Cell> sorted(List<Cell> cells) {
		if (inColumnOrder(cells)) {
			return cells;
		}
		List<Cell> copy = new ArrayList<>(cells);
		copy.sort(Comparator.comparingInt(Cell::column));
		return copy;
	}

	private static boolean inColumnOrder(List<Cell> cells) {
		for (int i = 1; i < cells.size(); i++) {
			if (cells.get(i - 1).column() > cells.get(i).column()) {
				return false;
			}
		}
		return true;
	}

	/** A region the rows have reached, with the value it copies (null: nothing to copy). */
	private static final class Active {

		private final Region region;

		private Cell value;

		Active(Region region) {
			this.region = region;
		}

	}

}
