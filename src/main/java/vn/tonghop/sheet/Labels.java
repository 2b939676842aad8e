package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import vn.tonghop.normalize.VietnameseText;

/**
 * Collects labelled cells ("Đơn vị báo cáo: Quận ủy Long Biên", or the label and its value in two
 * cells) from the rows around a table, and the unit summary's beside it. The first occurrence of a
 * label wins.
 */
final class Labels {

	/**
	 * Later labels of the unit or the conference kept at most: a form names each once or twice. Each
	 * is resolved once the file is read, so a sheet of them would be held whole.
	 */
	static final int MAX_REPEATED = 100;

	/** Texts remembered with their label at most: enough for the few a column beside a table repeats. */
	private static final int REMEMBERED_TEXTS = 1024;

	/**
	 * The longest text remembered: far longer than any label with its value, and short enough that a
	 * file of long texts beside its table keeps a few hundred kilobytes, not a thousand cells' worth.
	 */
	private static final int REMEMBERED_LENGTH = 100;

	private final Map<Label, LabelledCell> found = new EnumMap<>(Label.class);

	/** Later occurrences of the unit's and the conference's labels, in sheet order. */
	private final Map<Label, List<LabelledCell>> repeated = new EnumMap<>(Label.class);

	/** The summary's labels of the row last scanned that had no value beside them, by column. */
	private Map<Integer, LabelledCell> withoutValue = new HashMap<>();

	/**
	 * The label each text read is, if any: every row of a table has the cells beside it read for the
	 * summary, and a column a district adds there (an address, a note) repeats a few texts down a
	 * long table.
	 */
	private final Map<String, Optional<Label>> labelOf = new HashMap<>();

	void scan(String sheet, SheetRow row) {
		scan(sheet, row.number(), row.cells(), false);
	}

	/**
	 * Reads the unit summary's labels from the cells of a table row that {@code outside} accepts:
	 * the summary may sit anywhere on the sheet, beside the table too, but the unit and the
	 * conference only above or below it.
	 * @return whether a summary label was found there
	 */
	boolean scanSummary(String sheet, SheetRow row, Predicate<Cell> outside) {
		List<Cell> cells = null;
		for (Cell cell : row.cells()) {
			if (outside.test(cell)) {
				if (cells == null) {
					cells = new ArrayList<>();
				}
				cells.add(cell);
			}
		}
		return cells != null && scan(sheet, row.number(), cells, true);
	}

	private boolean scan(String sheet, int row, List<Cell> cells, boolean summaryOnly) {
		boolean found = false;
		// The summary written as a small table: its labels side by side, each figure under its label.
		Map<Integer, LabelledCell> above = this.withoutValue;
		this.withoutValue = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			Cell cell = cells.get(i);
			LabelledCell over = above.get(cell.column());
			if (over != null && over.row() == row - 1 && !cell.isBlank()
					&& (cell.kind() != CellKind.TEXT || labelled(cell.text()) == null)) {
				put(Vocabulary.labelled(over.label()), new LabelledCell(sheet, row, cell, over.label()));
				found = true;
				continue;
			}
			if (cell.kind() != CellKind.TEXT || cell.isBlank()) {
				continue;
			}
			String text = cell.text();
			int colon = text.indexOf(':');
			Label label = labelled(text);
			if (summaryOnly && label != null && !label.isSummary()) {
				label = null;
			}
			String rest = (colon >= 0) ? text.substring(colon + 1).strip() : "";
			if (label != null && !VietnameseText.clean(rest).isEmpty()) {
				put(label, new LabelledCell(sheet, row, new Cell(cell.column(), CellKind.TEXT, rest, 0, null, false, cell.font()),
						text.substring(0, colon)));
				found = true;
			}
			else if (label != null) {
				int value = nextValue(cells, i);
				if (value >= 0) {
					put(label, new LabelledCell(sheet, row, cells.get(value), text));
					i = value;
					found = true;
				}
				else if (label.isSummary()) {
					this.withoutValue.put(cell.column(), new LabelledCell(sheet, row, cell, text));
				}
			}
			else if (!summaryOnly && Vocabulary.isDatedPlaceDate(text)) {
				put(Label.REPORT_DATE, new LabelledCell(sheet, row, cell, text));
			}
		}
		return found;
	}

	/** {@link Vocabulary#labelled}, remembered for the short texts read first that may be labels at all. */
	private Label labelled(String text) {
		if (!Vocabulary.mayBeLabelled(text)) {
			return null;
		}
		Optional<Label> known = this.labelOf.get(text);
		if (known != null) {
			return known.orElse(null);
		}
		Label label = Vocabulary.labelled(text);
		if (text.length() <= REMEMBERED_LENGTH && this.labelOf.size() < REMEMBERED_TEXTS) {
			this.labelOf.put(text, Optional.ofNullable(label));
		}
		return label;
	}

	Map<Label, LabelledCell> found() {
		return Collections.unmodifiableMap(new EnumMap<>(this.found));
	}

	/**
	 * The unit's and the conference's labels found again after their first occurrence: a file that
	 * names two units or two conferences must not be placed by whichever came first.
	 */
	Map<Label, List<LabelledCell>> repeated() {
		Map<Label, List<LabelledCell>> copy = new EnumMap<>(Label.class);
		this.repeated.forEach((label, cells) -> copy.put(label, List.copyOf(cells)));
		return Collections.unmodifiableMap(copy);
	}

	void clear() {
		this.found.clear();
		this.repeated.clear();
		this.withoutValue = new HashMap<>();
	}

	private void put(Label label, LabelledCell cell) {
		LabelledCell first = this.found.putIfAbsent(label, cell);
		if (first != null && (label == Label.REPORTING_UNIT || label == Label.CONFERENCE)
				&& !first.value().text().equals(cell.value().text())) {
			List<LabelledCell> later = this.repeated.computeIfAbsent(label, key -> new ArrayList<>());
			if (later.size() == MAX_REPEATED) {
				throw new LimitExceededException(((label == Label.REPORTING_UNIT) ? Detail.UNIT_LABELS
						: Detail.CONFERENCE_LABELS).with(Sizes.count(MAX_REPEATED),
								LimitedVisitor.reference(cell.sheet(), cell.value().column(), cell.row())));
			}
			later.add(cell);
		}
	}

	/**
	 * The next non-blank cell right of a label, past the label's own copies when it is merged and
	 * cells of punctuation only (a template's colons in a column of their own); -1 when that cell is
	 * another label: a template's "Đơn vị báo cáo:" left blank beside "Hội nghị: NQDH13" has no
	 * value, and taking the next label for it would hide that label too.
	 */
	private static int nextValue(List<Cell> cells, int from) {
		String label = cells.get(from).text();
		for (int i = from + 1; i < cells.size(); i++) {
			Cell cell = cells.get(i);
			boolean skipped = cell.kind() == CellKind.TEXT
					&& (cell.text().equals(label) || VietnameseText.asciiKey(cell.text()).isEmpty());
			if (!cell.isBlank() && !skipped) {
				return (cell.kind() == CellKind.TEXT && Vocabulary.labelled(cell.text()) != null) ? -1 : i;
			}
		}
		return -1;
	}

}
