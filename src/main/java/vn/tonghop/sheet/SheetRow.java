package vn.tonghop.sheet;

import java.util.List;

/**
 * One row of a sheet with its non-blank cells in column order.
 *
 * @param number the row number as Excel shows it (1-based)
 * @param cells the cells of the row that hold something, in column order
 */
public record SheetRow(int number, List<Cell> cells) {

	/** The cell at a 0-based column, or null when the row has nothing there. */
	Cell cell(int column) {
		for (Cell cell : this.cells) {
			if (cell.column() == column) {
				return cell;
			}
		}
		return null;
	}

	boolean isBlank() {
		return this.cells.stream().allMatch(Cell::isBlank);
	}

}
