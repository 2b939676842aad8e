package vn.tonghop.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.tonghop.normalize.LegacyVietnamese;
import vn.tonghop.normalize.PointLevel;
import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.normalize.WholeNumbers;

/**
 * Finds the submission table: the first visible sheet with a header naming the required columns.
 * Data rows go to the caller as they are read, never collected, so a file may hold any number of
 * them. Reading stops after the sheet that holds the table.
 */
public final class TableRecognizer {

	private TableRecognizer() {
	}

	/**
	 * Reads the file, passing every data row of the table to {@code points} in row order.
	 * @return what was found around the rows: header, labels, totals row
	 * @throws UnreadableFileException when the file cannot be opened as a spreadsheet
	 * @throws NoTableException when no visible sheet has a header with the required columns
	 */
	static RecognizedTable read(Path file, Consumer<PointRow> points)
			throws UnreadableFileException, NoTableException {
		return read(file, ReadLimits.defaults(), points);
	}

	/**
	 * Reads the file within the given limits, passing every data row of the table to {@code points}.
	 * @throws UnreadableFileException when the file cannot be opened as a spreadsheet or passes a limit
	 * @throws NoTableException when no visible sheet has a header with the required columns
	 */
	static RecognizedTable read(Path file, ReadLimits limits, Consumer<PointRow> points)
			throws UnreadableFileException, NoTableException {
		return read(file, limits, new Listener() {

			@Override
			public void tableStarts(String sheet, Map<Label, LabelledCell> labelsAbove, Map<Field, Integer> columns) {
			}

			@Override
			public void point(PointRow row) {
				points.accept(row);
			}

			@Override
			public void part(PointRow heading) {
			}

			@Override
			public void subtotal(PointRow row) {
			}

		});
	}

	/**
	 * Reads the file within the given limits, telling {@code listener} where the table starts and
	 * passing it every data row.
	 * @throws UnreadableFileException when the file cannot be opened as a spreadsheet or passes a limit
	 * @throws NoTableException when no visible sheet has a header with the required columns
	 */
	static RecognizedTable read(Path file, ReadLimits limits, Listener listener)
			throws UnreadableFileException, NoTableException {
		return read(file, limits, new FileChecks(), listener);
	}

	/**
	 * As {@link #read(Path, ReadLimits, Listener)}, noting in {@code checks} what the file's checks
	 * found, for a later read of the same file.
	 */
	public static RecognizedTable read(Path file, ReadLimits limits, FileChecks checks, Listener listener)
			throws UnreadableFileException, NoTableException {
		Finder finder = new Finder(listener);
		Workbooks.readAhead(file, limits, checks, finder);
		if (finder.table == null) {
			throw finder.noTable();
		}
		return finder.table;
	}

	/** What the caller hears while the file is read. */
	public interface Listener {

		/**
		 * The header has been found, before the first data row. The labels above it are final: the
		 * first occurrence of a label wins, so one below the table adds a label but changes none.
		 * @param sheet the sheet holding the table
		 * @param labelsAbove the labelled cells found above the header
		 * @param columns the 0-based column each field the header names is read from
		 */
		void tableStarts(String sheet, Map<Label, LabelledCell> labelsAbove, Map<Field, Integer> columns);

		/** A data row of the table, in row order. */
		void point(PointRow row);

		/**
		 * A row that starts a part of the table ("I. Cấp huyện"), in row order with the data rows.
		 * It is no data; figures on it are the sums of the part's rows.
		 */
		void part(PointRow heading);

		/**
		 * A totals row with more of the table below it ("Cộng" under each part): it sums the rows
		 * since the previous part began. Told once the row below shows the table goes on, before that row.
		 */
		void subtotal(PointRow row);

		/** How far the reader is through the sheet being read (see {@link SheetVisitor#reading}). */
		default void reading(ReadPosition position) {
		}

	}

	private enum Phase {

		/** Looking for the header; rows are label candidates. */
		SEARCHING,

		/** Between the header and the row that ends the table. */
		TABLE,

		/** After the table; rows are label candidates only. */
		AFTER

	}

	private static final class Finder implements SheetVisitor {

		private static final Set<Field> FIGURES = EnumSet.of(Field.MEMBERS, Field.OTHERS, Field.TOTAL);

		private static final Pattern THOUSANDS = Pattern.compile("\\d{3}");

		private static final Pattern LEADING_DIGITS = Pattern.compile("[1-9]\\d{0,2}");

		/**
		 * Cells of heading-like lines under a totals row held at most: a part starts with a line or two.
		 * More are notes, and holding them all would hold a sheet of them whole.
		 */
		private static final int MAX_HELD_CELLS = 10_000;

		private final Listener listener;

		private final Labels labels = new Labels();

		private RecognizedTable table;

		private String sheet;

		private Phase phase;

		/** The last non-blank row while searching; its labels are read once it is known not to be a header row. */
		private SheetRow previous;

		/** A complete one-row header that may still get a second row. */
		private Header pending;

		/** The row right above {@link #pending} when it holds text only (group titles, say), else null. */
		private SheetRow abovePending;

		/** The rows the header was read from, or a one-row header and the row above it; null for a header row alone. */
		private HeaderRows headerRows;

		/** A row of the table that holds the header's top row again, held until the next row tells whether the header repeats. */
		private SheetRow heldTop;

		private Header header;

		/** The keys of the header's texts as written, which a copy of it repeats whatever words they are. */
		private Set<String> headerKeys;

		private Field[] fieldAt;

		private boolean firstRowUnderHeader;

		/** Whether the row above repeated the header, so a row of column numbers may follow it too. */
		private boolean underRepeatedHeader;

		private PointRow totals;

		/** A totals row right under the header: it sums the rows below it. */
		private PointRow totalsAbove;

		/** Whether the table ended at a totals row and nothing but blank rows came since: a part may follow. */
		private boolean mayGoOn;

		/** Part headings right under a totals row, held until a point row shows the table goes on. */
		private final List<SheetRow> heldHeadings = new ArrayList<>();

		/** The cells of {@link #heldHeadings}, at most {@link #MAX_HELD_CELLS}. */
		private int heldCells;

		private int dataRows;

		/** The row that ended the table (totals, notes, signature or labels), 0 while the table goes on. */
		private int endedAt;

		private RowAfterTable rowAfterTable;

		private RowAfterTable levellessAfterTable;

		/** Whether the sheet is delimited text, where a separator left unquoted shifts a row's values. */
		private boolean delimited;

		/** Whether that text is separated by commas, which also separate a number's thousands. */
		private boolean commas;

		private SplitNumber splitNumber;

		private DuplicateColumn duplicateColumn;

		/** The column right after the figures when it is inside the header and holds none (notes, an unknown column); -1 otherwise. */
		private int afterFigures;

		private ExtraValue extraValue;

		/** One past the header's last column, named or not. */
		private int headerWidth;

		private String closestSheet;

		private int closestRow;

		private List<Field> closestMissing = Header.REQUIRED;

		private Map<Field, HeaderCell> closestAmbiguous = Map.of();

		private LegacyText legacy;

		private String lastFont;

		private boolean lastFontLegacy;

		Finder(Listener listener) {
			this.listener = listener;
		}

		@Override
		public void delimited(char separator) {
			this.delimited = true;
			this.commas = separator == ',';
		}

		@Override
		public boolean startSheet(String name) {
			this.sheet = name;
			this.phase = Phase.SEARCHING;
			this.previous = null;
			this.pending = null;
			this.abovePending = null;
			this.headerRows = null;
			this.heldTop = null;
			this.totals = null;
			this.totalsAbove = null;
			this.mayGoOn = false;
			this.underRepeatedHeader = false;
			this.heldHeadings.clear();
			this.heldCells = 0;
			this.dataRows = 0;
			this.endedAt = 0;
			this.rowAfterTable = null;
			this.levellessAfterTable = null;
			this.extraValue = null;
			this.splitNumber = null;
			this.duplicateColumn = null;
			this.labels.clear();
			this.legacy = null;
			return true;
		}

		@Override
		public void reading(ReadPosition position) {
			this.listener.reading(position);
		}

		/**
		 * A row that holds the header's top row again, in the table or right under a totals row, waits
		 * for the next row: together they may repeat the header's two rows (a table pasted in blocks),
		 * which are no data, and under a totals row show that the table goes on.
		 */
		@Override
		public void row(SheetRow read) {
			SheetRow row = unicode(read);
			SheetRow top = this.heldTop;
			this.heldTop = null;
			if (top != null) {
				if (top.number() == row.number() - 1 && isTextOnly(row) && HeaderRows.of(top, row).equals(this.headerRows)) {
					if (this.phase == Phase.AFTER) {
						goOn();
					}
					this.underRepeatedHeader = true;
					return;
				}
				read(top);
			}
			boolean mayRepeat = this.phase == Phase.TABLE || (this.mayGoOn && this.heldHeadings.isEmpty());
			if (mayRepeat && this.headerRows != null && isTextOnly(row) && this.headerRows.startsCopy(row)) {
				this.heldTop = row;
				return;
			}
			read(row);
		}

		private void read(SheetRow row) {
			switch (this.phase) {
				case SEARCHING -> search(row);
				case TABLE -> tableRow(row);
				case AFTER -> afterTable(row);
			}
		}

		@Override
		public boolean endSheet() {
			if (this.pending != null) {
				start(this.pending, this.abovePending, this.previous);
			}
			if (this.heldTop != null) {
				SheetRow top = this.heldTop;
				this.heldTop = null;
				read(top);
			}
			if (this.phase == Phase.SEARCHING) {
				return false;
			}
			// Heading-like lines under the totals row that no point followed were notes.
			releaseHeadings().forEach((line) -> this.labels.scan(this.sheet, line));
			// Totals both under the header and at the bottom: both are checked; the bottom one may be the last part's.
			this.table = new RecognizedTable(this.sheet, this.header.row(), this.header.columns(),
					this.header.unknown(), this.labels.found(), this.labels.repeated(),
					(this.totals != null) ? this.totals : this.totalsAbove, (this.totals != null) ? this.totalsAbove : null,
					this.dataRows, this.legacy, this.rowAfterTable, this.levellessAfterTable, this.extraValue,
					this.splitNumber, this.duplicateColumn);
			return true;
		}

		/**
		 * Whether a font is a legacy one, asked of every text cell: a sheet's cells share a few font
		 * names, each one instance (its style's), so the last answer is kept for the same instance.
		 */
		private boolean isLegacyFont(String font) {
			if (font != this.lastFont) {
				this.lastFont = font;
				this.lastFontLegacy = LegacyVietnamese.isLegacyFont(font);
			}
			return this.lastFontLegacy;
		}

		/** The row with text typed in a legacy font converted, so headers, labels and data all match. */
		private SheetRow unicode(SheetRow row) {
			List<Cell> cells = null;
			for (int i = 0; i < row.cells().size(); i++) {
				Cell cell = row.cells().get(i);
				String text = (cell.kind() == CellKind.TEXT && isLegacyFont(cell.font()))
						? LegacyVietnamese.toUnicode(cell.text(), cell.font()) : cell.text();
				if (!text.equals(cell.text())) {
					if (cells == null) {
						cells = new ArrayList<>(row.cells());
					}
					cells.set(i, new Cell(cell.column(), CellKind.TEXT, text, 0, null, false, cell.font()));
					this.legacy = (this.legacy == null)
							? new LegacyText(cell.font(), 1, this.sheet, row.number(), cell.column())
							: new LegacyText(this.legacy.font(), this.legacy.cells() + 1, this.legacy.sheet(),
									this.legacy.row(), this.legacy.column());
				}
			}
			return (cells == null) ? row : new SheetRow(row.number(), List.copyOf(cells));
		}

		private void search(SheetRow row) {
			boolean below = this.previous != null && this.previous.number() == row.number() - 1;
			Header two = (below && isTextOnly(row)) ? Header.of(this.previous, row) : null;
			if (this.pending != null) {
				// A second header row adds columns, or splits a column into sub-columns ("Số đảng viên tham
				// dự" over "Tổng số" and "Trong đó: nữ"), also an optional one into parts that leave it none
				// ("Số người khác tham dự" over "Nam" and "Nữ"); a data row under a one-row header does neither.
				if (two != null && two.isComplete() && (two.columns().size() > this.pending.columns().size()
						|| Header.continues(this.previous, row))) {
					start(two, this.previous, row);
				}
				else if (two != null && two.columns().size() < this.pending.columns().size()
						&& Header.continues(this.previous, row)) {
					// The second row unnames a required column ("Cấp điểm cầu" over "Huyện" and "Xã"): no table here.
					closest(two);
					this.pending = null;
					this.previous = row;
				}
				else {
					start(this.pending, this.abovePending, this.previous);
					tableRow(row);
				}
				return;
			}
			Header one = Header.of(row);
			if (one.isComplete()) {
				// Group labels above a complete header only count when that row is itself header-like
				// (a title or "Đơn vị: ..." above the header is not). Headers merged down over both
				// rows make the bottom row complete on its own, with as many columns as both.
				if (two != null && two.columns().size() >= one.columns().size()
						&& Header.of(this.previous).columns().size() >= 2) {
					start(two, this.previous, row);
					return;
				}
				this.abovePending = (below && isTextOnly(this.previous)) ? this.previous : null;
				scanPrevious();
				this.previous = row;
				this.pending = one;
				return;
			}
			if (two != null && two.isComplete()) {
				start(two, this.previous, row);
				return;
			}
			closest(one);
			if (two != null) {
				closest(two);
			}
			scanPrevious();
			this.previous = row;
		}

		/**
		 * The table starts under this header.
		 * @param top the header's top row, or the text-only row right above a one-row header, or null
		 * @param bottom the header's (last) row
		 */
		private void start(Header header, SheetRow top, SheetRow bottom) {
			this.header = header;
			this.headerRows = (top != null) ? HeaderRows.of(top, bottom) : null;
			this.headerKeys = header.texts().values().stream().map(VietnameseText::asciiKey).collect(Collectors.toSet());
			int width = header.columns().values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
			this.fieldAt = new Field[width];
			header.columns().forEach((field, column) -> this.fieldAt[column] = field);
			this.headerWidth = Math.max(width,
					header.unknown().stream().mapToInt((cell) -> cell.column() + 1).max().orElse(0));
			this.afterFigures = afterFigures(header);
			this.phase = Phase.TABLE;
			this.previous = null;
			this.pending = null;
			this.abovePending = null;
			this.firstRowUnderHeader = true;
			this.underRepeatedHeader = false;
			this.listener.tableStarts(this.sheet, this.labels.found(), header.columns());
		}

		private void tableRow(SheetRow row) {
			boolean firstRow = this.firstRowUnderHeader;
			this.firstRowUnderHeader = false;
			if (firstRow && isUnitsRow(row)) {
				// A third header row, of units under a two-row header: a totals row under it is still right under the header.
				this.firstRowUnderHeader = true;
				return;
			}
			Cell first = firstText(row);
			String text = (first != null) ? first.text() : null;
			String key = (first != null) ? VietnameseText.asciiKey(text) : null;
			if (isTotalsRow(first, key, row)) {
				this.labels.scanSummary(this.sheet, row, this::outsideTable);
				// A totals row right under the header sums the rows below it; anywhere else it ends the
				// table, unless a part of the table follows it.
				if (firstRow) {
					this.totalsAbove = point(row);
				}
				else {
					this.totals = point(row);
					end(row);
					this.mayGoOn = true;
				}
				return;
			}
			if (text != null && Vocabulary.endsTable(text, key)) {
				end(row);
				this.labels.scan(this.sheet, row);
				return;
			}
			if (firstRow && Vocabulary.isNumberingRow(row)) {
				// A totals row under the numbering row is still right under the header.
				this.firstRowUnderHeader = true;
				return;
			}
			boolean underRepeat = this.underRepeatedHeader;
			this.underRepeatedHeader = false;
			// A table pasted in blocks, or copied page by page, repeats its header (and column numbers): no data.
			if (key != null && (Vocabulary.isHeaderKey(key) || this.headerKeys.contains(key))
					&& Header.of(row).columns().equals(this.header.columns())) {
				this.underRepeatedHeader = true;
				return;
			}
			if (underRepeat && Vocabulary.isNumberingRow(row)) {
				return;
			}
			PointRow point = point(row);
			if (isPartHeading(point)) {
				this.listener.part(point);
				return;
			}
			// Labels under a table without a totals row or notes end it: "Đơn vị báo cáo: ...".
			if (text != null && Vocabulary.labelled(text, key) != null && !isPointLike(point)) {
				end(row);
				this.labels.scan(this.sheet, row);
				return;
			}
			boolean summary = this.labels.scanSummary(this.sheet, row, this::outsideTable);
			// Templates come with STT already filled in on empty rows: those rows are blank.
			if (point.cells().keySet().stream().anyMatch((field) -> field != Field.ROW_NUMBER)) {
				this.dataRows++;
				if (this.delimited && this.extraValue == null && !summary) {
					this.extraValue = extraValue(row);
				}
				if (this.commas && this.splitNumber == null && !summary) {
					this.splitNumber = splitNumber(row, point);
				}
				if (this.duplicateColumn == null && !this.header.repeats().isEmpty()) {
					this.duplicateColumn = duplicateColumn(row);
				}
				this.listener.point(point);
			}
		}

		private void end(SheetRow row) {
			this.phase = Phase.AFTER;
			this.endedAt = row.number();
			this.mayGoOn = false;
		}

		/**
		 * Below the table: labels, and the first row that still looks like a point, which would
		 * otherwise be lost. Right under a totals row, such a row or a part's heading shows the
		 * totals row was a part's subtotal, and the table goes on.
		 */
		private void afterTable(SheetRow row) {
			if (row.cells().stream().allMatch(Cell::isBlank)) {
				return;
			}
			Cell first = firstText(row);
			String key = (first != null) ? VietnameseText.asciiKey(first.text()) : null;
			PointRow point = point(row);
			boolean unlabelled = first == null || Vocabulary.labelled(first.text()) == null;
			boolean pointLike = unlabelled && isPointLike(point);
			if (!this.heldHeadings.isEmpty()) {
				if (isPartHeading(point) && !pointLike) {
					holdHeading(row);
					return;
				}
				List<SheetRow> held = releaseHeadings();
				// A point with a mistake in it (a level misspelt or left out, members "khoảng 40") still starts
				// the part: left out, it and the rest of the part would be lost, unchecked.
				if (pointLike || isTotalsRow(first, key, row) || isPointWithMistakes(first, key, point)
						|| (unlabelled && isPointWithoutLevel(first, key, point))) {
					// The headings start the next part (an empty one when a totals row follows): the
					// totals row above them closed the last one.
					goOn();
					held.forEach(this::tableRow);
					tableRow(row);
					return;
				}
				// Headings-like lines followed by no point ("I. Đánh giá chung", "T/M BAN THƯỜNG VỤ"): notes.
				this.mayGoOn = false;
				held.forEach((line) -> this.labels.scan(this.sheet, line));
			}
			if (this.mayGoOn && isTotalsRow(first, key, row)) {
				// "Cộng II" then "Tổng cộng": the first closed the last part, the second sums the table.
				this.listener.subtotal(this.totals);
				this.totals = point;
				this.endedAt = row.number();
				this.labels.scanSummary(this.sheet, row, this::outsideTable);
				return;
			}
			if (this.mayGoOn && (pointLike || isPointWithMistakes(first, key, point))) {
				goOn();
				tableRow(row);
				return;
			}
			if (this.mayGoOn && isPartHeading(point)) {
				// A part only when a point follows: notes and signatures below a table look the same.
				holdHeading(row);
				return;
			}
			this.mayGoOn = false;
			if (this.rowAfterTable == null && pointLike) {
				this.rowAfterTable = new RowAfterTable(point, this.endedAt);
			}
			else if (this.levellessAfterTable == null && unlabelled && isPointWithoutLevel(first, key, point)) {
				this.levellessAfterTable = new RowAfterTable(point, this.endedAt);
			}
			this.labels.scan(this.sheet, row);
		}

		/** Holds a heading-like line under the totals row; past {@link #MAX_HELD_CELLS}, they and it are notes. */
		private void holdHeading(SheetRow row) {
			this.heldHeadings.add(row);
			this.heldCells += row.cells().size();
			if (this.heldCells > MAX_HELD_CELLS) {
				this.mayGoOn = false;
				releaseHeadings().forEach((line) -> this.labels.scan(this.sheet, line));
			}
		}

		private List<SheetRow> releaseHeadings() {
			List<SheetRow> held = List.copyOf(this.heldHeadings);
			this.heldHeadings.clear();
			this.heldCells = 0;
			return held;
		}

		/** The totals row above turns out to close a part: the table goes on. */
		private void goOn() {
			this.listener.subtotal(this.totals);
			this.totals = null;
			this.phase = Phase.TABLE;
			this.endedAt = 0;
			this.mayGoOn = false;
		}

		/**
		 * A totals row: its first text names it ("Tổng cộng", "Cộng II"), and, when that text could be a
		 * point's name ("Cống Vị", "Cổng A"), it has no point's level and members.
		 * @param first the row's first text, null when it has none
		 * @param key the {@link VietnameseText#asciiKey} of that text
		 */
		private boolean isTotalsRow(Cell first, String key, SheetRow row) {
			return key != null && Vocabulary.isTotalsKey(key)
					&& !(Vocabulary.mayBeAPointsName(first.text(), key) && isPointLike(point(row)));
		}

		private boolean outsideTable(Cell cell) {
			return cell.column() >= this.fieldAt.length || this.fieldAt[cell.column()] == null;
		}

		/**
		 * The first number right of the header in a data row of delimited text, or null: what an
		 * unquoted "1,234" leaves there. Text there is a note, which the format lets a district add.
		 */
		private ExtraValue extraValue(SheetRow row) {
			for (Cell cell : row.cells()) {
				if (cell.column() >= this.headerWidth && !cell.isBlank()) {
					return WholeNumbers.parse(cell).isValue() ? new ExtraValue(row.number(), cell, this.headerWidth) : null;
				}
			}
			return null;
		}

		/**
		 * In comma-separated text, a figure of three digits right after another figure, and a number in
		 * the column after the figures, which holds none (notes, an unknown column): what "1,100"
		 * written without quotes leaves when that column is inside the header, "1 | 100" and the last
		 * figure pushed into it, which {@link #extraValue} cannot see. Null when the row has no such.
		 */
		private SplitNumber splitNumber(SheetRow row, PointRow point) {
			Cell pushed = (this.afterFigures >= 0) ? row.cell(this.afterFigures) : null;
			if (pushed == null || !WholeNumbers.parse(pushed).isValue()) {
				return null;
			}
			for (Field field : FIGURES) {
				Cell rest = point.cell(field);
				Cell first = (rest != null && rest.column() > 0) ? figureAt(point, rest.column() - 1) : null;
				if (first != null && THOUSANDS.matcher(rest.text()).matches()
						&& LEADING_DIGITS.matcher(first.text()).matches()) {
					return new SplitNumber(point.number(), first, rest, pushed);
				}
			}
			return null;
		}

		/** Where {@link #splitNumber} looks for a pushed figure; beyond the header, {@link #extraValue} tells. */
		private int afterFigures(Header header) {
			int last = -1;
			for (Field field : FIGURES) {
				last = Math.max(last, header.columns().getOrDefault(field, -1));
			}
			int next = last + 1;
			boolean holdsNone = next >= this.fieldAt.length || !FIGURES.contains(this.fieldAt[next]);
			return (last >= 0 && next < this.headerWidth && holdsNone) ? next : -1;
		}

		/** A figure in a column that repeats a head count's header, or null when the row has none. */
		private DuplicateColumn duplicateColumn(SheetRow row) {
			for (Map.Entry<Integer, Field> repeat : this.header.repeats().entrySet()) {
				Cell cell = row.cell(repeat.getKey());
				if (cell != null && WholeNumbers.parse(cell).isValue()) {
					Field field = repeat.getValue();
					int fieldColumn = this.header.columns().get(field);
					return new DuplicateColumn(row.number(), cell, field, fieldColumn, this.header.texts().get(repeat.getKey()),
							this.header.texts().get(fieldColumn));
				}
			}
			return null;
		}

		private Cell figureAt(PointRow point, int column) {
			Field field = (column < this.fieldAt.length) ? this.fieldAt[column] : null;
			return (field != null && FIGURES.contains(field)) ? point.cell(field) : null;
		}

		/**
		 * A part's heading: no level, and a marker ("II", "B.") in the row number column before a
		 * name, or before the name in one cell ("I. Cấp huyện", in the name or the row number
		 * column). Merged over the columns, its text is its own "level".
		 */
		private static boolean isPartHeading(PointRow point) {
			Cell name = text(point.cell(Field.POINT_NAME));
			Cell number = text(point.cell(Field.ROW_NUMBER));
			Cell title = (name != null) ? name : number;
			Cell level = point.cell(Field.LEVEL);
			if (title == null) {
				return false;
			}
			if (level != null && !level.isBlank() && !level.text().equals(title.text())) {
				return isLevelledHeading(name, number);
			}
			return Vocabulary.isPartMarker(title.text(), false)
					|| (name != null && number != null && Vocabulary.isPartMarker(number.text(), true));
		}

		/**
		 * A part's heading written with its part's level ("I | Cấp huyện | Huyện | 1.234"), or with a
		 * level merged down over its part: its name is a level's, or its marker a Roman numeral with the
		 * title in capitals ("I | CÁC PHƯỜNG") or one no letter numbering points can be ("II. Các phường").
		 * Read as a point, it would count its part twice.
		 */
		private static boolean isLevelledHeading(Cell name, Cell number) {
			if (name == null) {
				return false;
			}
			boolean numbered = number != null && Vocabulary.isPartMarker(number.text(), true);
			String title = numbered ? name.text() : Vocabulary.partTitle(name.text());
			if (title == null) {
				return false;
			}
			String roman = numbered ? Vocabulary.romanMarker(number.text(), true) : Vocabulary.romanMarker(name.text(), false);
			return PointLevel.parse(title).isPresent()
					|| (roman != null && (roman.length() > 1 || title.equals(title.toUpperCase(Locale.ROOT))));
		}

		private static Cell text(Cell cell) {
			return (cell != null && cell.kind() == CellKind.TEXT && !cell.isBlank()) ? cell : null;
		}

		/**
		 * A name, a level the format knows and a whole-number members figure: what every point row
		 * has, and what a notes, summary or signature line (merged over the columns, so its text
		 * is in each of them) has not.
		 */
		private static boolean isPointLike(PointRow point) {
			Cell name = point.cell(Field.POINT_NAME);
			Cell level = point.cell(Field.LEVEL);
			return name != null && !name.isBlank() && level != null && level.kind() == CellKind.TEXT
					&& !level.text().equals(name.text()) && PointLevel.parse(level.text()).isPresent()
					&& WholeNumbers.parse(point.cell(Field.MEMBERS)).isValue();
		}

		/**
		 * Under a totals row, or a part's heading under it: a name and something in the level column
		 * that is not the name again (a merged line) nor a note, signature or label: a point whose
		 * level or figures may be wrong, which is checked rather than dropped. A figure alone does not
		 * count: "Trong đó: … | 50", nor one in the level column ("Số điểm cầu: | 2", text in a CSV),
		 * nor a note's lead-in before what it says ("Trong đó: | đảng viên nữ | … | 50"): no point's
		 * name ends with a colon.
		 */
		private static boolean isPointWithMistakes(Cell first, String key, PointRow point) {
			Cell name = text(point.cell(Field.POINT_NAME));
			Cell level = text(point.cell(Field.LEVEL));
			if (name == null || level == null || level.text().equals(name.text()) || WholeNumbers.parse(level).isValue()
					|| !isNamedLikeAPoint(first, key, name)) {
				return false;
			}
			// A place-date line split over two cells: "Long Biên," | "ngày 29 tháng 3 năm 2021".
			return Vocabulary.labelled(first.text()) == null
					&& !Vocabulary.endsTable(level.text(), VietnameseText.asciiKey(level.text()))
					&& !Vocabulary.holdsDateInWords(level.text());
		}

		/**
		 * Below the table: a name and a members figure with the level blank. A point added under the
		 * totals row whose level was forgotten, or a note with a figure: it is not counted, but the
		 * district is told, so a point is never left out without a word. The figure may be written
		 * wrong ("khoảng 5"): a part's first point can have both mistakes, and is then still checked.
		 */
		private static boolean isPointWithoutLevel(Cell first, String key, PointRow point) {
			Cell name = text(point.cell(Field.POINT_NAME));
			Cell level = point.cell(Field.LEVEL);
			return name != null && (level == null || level.isBlank()) && isNamedLikeAPoint(first, key, name)
					&& holdsAFigure(point.cell(Field.MEMBERS)) && !Vocabulary.isTotalsKey(key) && !isPartHeading(point)
					&& !Vocabulary.holdsDateInWords(name.text());
		}

		private static boolean holdsAFigure(Cell members) {
			return WholeNumbers.parse(members).isValue()
					|| (members != null && members.text() != null && members.text().chars().anyMatch(Character::isDigit));
		}

		/** A row whose first text and name may be a point's: no note's lead-in, notes, signature or place-date line. */
		private static boolean isNamedLikeAPoint(Cell first, String key, Cell name) {
			return first != null && !isLeadIn(name.text()) && !Vocabulary.endsTable(first.text(), key);
		}

		/** "Trong đó", "Số điểm cầu:": a note's words leading to what follows in the next cells. */
		private static boolean isLeadIn(String name) {
			String clean = VietnameseText.clean(name);
			String key = VietnameseText.asciiKey(name);
			return clean.strip().endsWith(":") || key.equals("trong do") || key.startsWith("trong do ");
		}

		private PointRow point(SheetRow row) {
			Map<Field, Cell> cells = new EnumMap<>(Field.class);
			for (Cell cell : row.cells()) {
				if (cell.column() < this.fieldAt.length && this.fieldAt[cell.column()] != null) {
					cells.put(this.fieldAt[cell.column()], cell);
				}
			}
			return new PointRow(this.sheet, row.number(), Collections.unmodifiableMap(cells));
		}

		private void scanPrevious() {
			if (this.previous != null) {
				this.labels.scan(this.sheet, this.previous);
			}
		}

		/**
		 * Keeps the header lacking the fewest required columns; of two lacking as many, one with a cell that
		 * may have been meant for one of them ("ĐV" under "Số người tham dự"), to tell the district.
		 */
		private void closest(Header candidate) {
			List<Field> missing = candidate.missing();
			boolean explains = missing.size() == this.closestMissing.size() && missing.size() < Header.REQUIRED.size()
					&& missing.stream().anyMatch(candidate.ambiguous()::containsKey)
					&& this.closestMissing.stream().noneMatch(this.closestAmbiguous::containsKey);
			if (missing.size() < this.closestMissing.size() || explains) {
				this.closestSheet = this.sheet;
				this.closestRow = candidate.row();
				this.closestMissing = candidate.missing();
				this.closestAmbiguous = candidate.ambiguous();
			}
		}

		NoTableException noTable() {
			if (this.closestSheet == null) {
				return new NoTableException("No table found: no row names the columns " + names(Header.REQUIRED) + ".",
						null, 0, List.of(), Map.of());
			}
			return new NoTableException("No table found: the closest header is row " + this.closestRow + " of sheet \""
					+ this.closestSheet + "\", which lacks the columns " + names(this.closestMissing) + ".",
					this.closestSheet, this.closestRow, this.closestMissing, this.closestAmbiguous);
		}

		private static String names(List<Field> fields) {
			return fields.stream().map(Vocabulary::canonical).collect(Collectors.joining(", "));
		}

		/**
		 * The row's first text, which says what the row is ("Tổng cộng", "Người lập biểu", a point's
		 * name). A note beside a point says nothing of the row ("Ghi chú: mới" in a notes column left of
		 * the name): it is the first text only when the row has no other.
		 */
		private Cell firstText(SheetRow row) {
			Cell note = null;
			for (Cell cell : row.cells()) {
				if (cell.kind() == CellKind.TEXT && hasLetter(cell.text())) {
					if (cell.column() >= this.fieldAt.length || this.fieldAt[cell.column()] != Field.NOTES) {
						return cell;
					}
					if (note == null) {
						note = cell;
					}
				}
			}
			return note;
		}

		/**
		 * Whether a row only gives units ("(người)") under the header, besides the header's texts merged
		 * down over it: the last of three header rows (group titles, column names, units).
		 */
		private boolean isUnitsRow(SheetRow row) {
			boolean unit = false;
			for (Cell cell : row.cells()) {
				if (cell.isBlank()) {
					continue;
				}
				if (cell.kind() != CellKind.TEXT) {
					return false;
				}
				String text = VietnameseText.clean(cell.text());
				boolean inBrackets = text.startsWith("(") && text.endsWith(")") && text.indexOf(')') == text.length() - 1;
				if (!inBrackets && !text.equals(VietnameseText.clean(this.header.texts().get(cell.column())))) {
					return false;
				}
				unit |= inBrackets;
			}
			return unit;
		}

		private static boolean isTextOnly(SheetRow row) {
			return row.cells().stream().noneMatch((cell) -> cell.kind() == CellKind.NUMBER);
		}

		/** Whether the text's {@link VietnameseText#asciiKey} has a letter; an ASCII letter always stays one. */
		private static boolean hasLetter(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
					return true;
				}
			}
			return VietnameseText.asciiKey(text).chars().anyMatch(Character::isLetter);
		}

	}

}
