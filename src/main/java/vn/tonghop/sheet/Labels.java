package vn.tonghop.sheet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.tonghop.normalize.VietnameseText;

/**
 * Collects labelled cells ("Đơn vị báo cáo: Quận ủy Long Biên", or the label and its value in two
 * cells) from the rows around a table. The first occurrence of a label wins.
 */
final class Labels {

	private final Map<Label, LabelledCell> found = new EnumMap<>(Label.class);

	void scan(String sheet, SheetRow row) {
		List<Cell> cells = row.cells();
		for (int i = 0; i < cells.size(); i++) {
			Cell cell = cells.get(i);
			if (cell.kind() != CellKind.TEXT || cell.isBlank()) {
				continue;
			}
			String text = cell.text();
			int colon = text.indexOf(':');
			Label label = Vocabulary.label((colon >= 0) ? text.substring(0, colon) : text);
			String rest = (colon >= 0) ? text.substring(colon + 1).strip() : "";
			if (label != null && !VietnameseText.clean(rest).isEmpty()) {
				put(label, new LabelledCell(sheet, row.number(),
						new Cell(cell.column(), CellKind.TEXT, rest, 0, null, false, cell.font())));
			}
			else if (label != null) {
				int value = nextValue(cells, i);
				if (value >= 0) {
					put(label, new LabelledCell(sheet, row.number(), cells.get(value)));
					i = value;
				}
			}
			else if (Vocabulary.isPlaceDate(text)) {
				put(Label.REPORT_DATE, new LabelledCell(sheet, row.number(), cell));
			}
		}
	}

	Map<Label, LabelledCell> found() {
		return Collections.unmodifiableMap(new EnumMap<>(this.found));
	}

	void clear() {
		this.found.clear();
	}

	private void put(Label label, LabelledCell cell) {
		this.found.putIfAbsent(label, cell);
	}

	/** The next non-blank cell right of a label, past the label's own copies when it is merged. */
	private static int nextValue(List<Cell> cells, int from) {
		String label = cells.get(from).text();
		for (int i = from + 1; i < cells.size(); i++) {
			Cell cell = cells.get(i);
			if (!cell.isBlank() && !(cell.kind() == CellKind.TEXT && cell.text().equals(label))) {
				return i;
			}
		}
		return -1;
	}

}
