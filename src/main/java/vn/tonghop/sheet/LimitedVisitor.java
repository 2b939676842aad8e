package vn.tonghop.sheet;

/**
 * Stands between every reader and the visitor and counts what a sheet offers: rows, cells, how
 * wide and how long each cell is. Whatever a reader lets through, the recognizer behind never
 * works on more than the limits allow.
 */
final class LimitedVisitor implements SheetVisitor {

	private final SheetVisitor visitor;

	private final ReadLimits limits;

	private int rows;

	private long cells;

	LimitedVisitor(SheetVisitor visitor, ReadLimits limits) {
		this.visitor = visitor;
		this.limits = limits;
	}

	@Override
	public void delimited() {
		this.visitor.delimited();
	}

	@Override
	public boolean startSheet(String name) {
		this.rows = 0;
		this.cells = 0;
		return this.visitor.startSheet(name);
	}

	@Override
	public void row(SheetRow row) {
		if (++this.rows > this.limits.maxRows()) {
			throw new LimitExceededException("a sheet with more than " + Sizes.count(this.limits.maxRows()) + " rows");
		}
		this.cells += row.cells().size();
		if (this.cells > this.limits.maxCells()) {
			throw new LimitExceededException(
					"a sheet with more than " + Sizes.count(this.limits.maxCells()) + " non-empty cells");
		}
		for (Cell cell : row.cells()) {
			if (cell.column() < 0 || cell.column() >= ReadLimits.MAX_COLUMNS) {
				throw new LimitExceededException("a cell beyond column " + Cell.columnName(ReadLimits.MAX_COLUMNS - 1)
						+ " (row " + row.number() + ")");
			}
			if (cell.text().length() > this.limits.maxCellText()) {
				throw cellTooLong(this.limits);
			}
		}
		this.visitor.row(row);
	}

	@Override
	public boolean endSheet() {
		return this.visitor.endSheet();
	}

	static LimitExceededException cellTooLong(ReadLimits limits) {
		return new LimitExceededException(
				"a cell of more than " + Sizes.count(limits.maxCellText()) + " characters");
	}

}
