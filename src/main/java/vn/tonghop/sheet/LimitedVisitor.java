package vn.tonghop.sheet;

/**
 * Stands between every reader and the visitor and counts what a sheet offers: rows, cells, how
 * wide and how long each cell is. Whatever a reader lets through, the recognizer behind never
 * works on more than the limits allow.
 */
final class LimitedVisitor implements SheetVisitor {

	private final SheetVisitor visitor;

	private final ReadLimits limits;

	private String sheet;

	private int rows;

	private long cells;

	LimitedVisitor(SheetVisitor visitor, ReadLimits limits) {
		this.visitor = visitor;
		this.limits = limits;
	}

	@Override
	public void delimited(char separator) {
		this.visitor.delimited(separator);
	}

	@Override
	public boolean startSheet(String name) {
		this.sheet = name;
		this.rows = 0;
		this.cells = 0;
		return this.visitor.startSheet(name);
	}

	@Override
	public void reading(ReadPosition position) {
		this.visitor.reading(position);
	}

	@Override
	public void row(SheetRow row) {
		if (++this.rows > this.limits.maxRows()) {
			throw new LimitExceededException(Detail.SHEET_ROWS.with(Sizes.count(this.limits.maxRows()), this.sheet));
		}
		this.cells += row.cells().size();
		if (this.cells > this.limits.maxCells()) {
			throw new LimitExceededException(Detail.SHEET_CELLS.with(Sizes.count(this.limits.maxCells()), this.sheet));
		}
		for (Cell cell : row.cells()) {
			if (cell.column() < 0 || cell.column() >= ReadLimits.MAX_COLUMNS) {
				throw new LimitExceededException(
						Detail.CELL_BEYOND_COLUMN.with(Cell.columnName(ReadLimits.MAX_COLUMNS - 1), this.sheet, row.number()));
			}
			if (cell.text().length() > this.limits.maxCellText()) {
				throw cellTooLong(this.limits, reference(this.sheet, cell.column(), row.number()));
			}
		}
		this.visitor.row(row);
	}

	@Override
	public boolean wantsRows() {
		return this.visitor.wantsRows();
	}

	@Override
	public boolean endSheet() {
		return this.visitor.endSheet();
	}

	/** @param cell where, as {@link #reference} names it */
	static LimitExceededException cellTooLong(ReadLimits limits, String cell) {
		return new LimitExceededException(Detail.CELL_TEXT.with(Sizes.count(limits.maxCellText()), cell));
	}

	/** A cell as Excel names it, for a district to find: "Báo cáo!D14" (0-based column, row as shown). */
	static String reference(String sheet, int column, int row) {
		return sheet + "!" + Cell.columnName(column) + row;
	}

}
