package vn.tonghop.sheet;

import java.util.SortedMap;
import java.util.TreeMap;

import vn.tonghop.normalize.VietnameseText;

/**
 * The texts of a header's two rows (or of a one-row header and the group titles right above it),
 * as keys by column, to know a copy of them inside the table: a table pasted in blocks repeats
 * its header rows. A text merged across reads once, and one merged down reads in the top row
 * only, so a copy matches whether its cells are merged or not.
 *
 * @param top the top row's texts
 * @param bottom the bottom row's texts, those merged down from the top row left out
 */
record HeaderRows(SortedMap<Integer, String> top, SortedMap<Integer, String> bottom) {

	static HeaderRows of(SheetRow top, SheetRow bottom) {
		SortedMap<Integer, String> above = keys(top);
		SortedMap<Integer, String> below = keys(bottom);
		below.entrySet().removeIf((cell) -> {
			Cell over = top.cell(cell.getKey());
			return over != null && over.kind() == CellKind.TEXT
					&& VietnameseText.asciiKey(over.text()).equals(cell.getValue());
		});
		return new HeaderRows(above, below);
	}

	/** Whether the row holds the top row's texts, and may start a copy of the header's rows. */
	boolean startsCopy(SheetRow row) {
		// Asked of every row of the table: most rows differ from the top row in their first cell.
		Cell cell = row.cells().stream().filter((each) -> !each.isBlank()).findFirst().orElse(null);
		if (this.top.isEmpty() || cell == null || cell.kind() != CellKind.TEXT || cell.column() != this.top.firstKey()
				|| !VietnameseText.asciiKey(cell.text()).equals(this.top.get(cell.column()))) {
			return false;
		}
		return keys(row).equals(this.top);
	}

	private static SortedMap<Integer, String> keys(SheetRow row) {
		TreeMap<Integer, String> keys = new TreeMap<>();
		String left = null;
		int leftColumn = -2;
		for (Cell cell : row.cells()) {
			if (cell.kind() == CellKind.TEXT && !cell.isBlank()) {
				String key = VietnameseText.asciiKey(cell.text());
				if (!(key.equals(left) && cell.column() == leftColumn + 1)) {
					keys.put(cell.column(), key);
				}
				left = key;
				leftColumn = cell.column();
			}
		}
		return keys;
	}

}
