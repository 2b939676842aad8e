package vn.tonghop.validate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.tonghop.normalize.ParsedDate;
import vn.tonghop.normalize.ParsedNumber;
import vn.tonghop.normalize.PointFormat;
import vn.tonghop.normalize.PointLevel;
import vn.tonghop.normalize.VietnameseDates;
import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.normalize.WholeNumbers;
import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Field;
import vn.tonghop.sheet.Phrase;
import vn.tonghop.sheet.PointRow;
import vn.tonghop.sheet.Vocabulary;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.warehouse.StagedPoint;

/**
 * Checks data rows one at a time as they stream by, and keeps the column sums the totals row
 * and the parts of the table are checked against. Holds nothing per row, so a file of any length
 * fits in memory.
 */
public final class PointChecks {

	/** No single connection point holds more people than this; larger figures are typos. */
	static final long MAX_PER_POINT = 1_000_000;

	/** The column each rule about an absent cell points at; a blank cell has no column of its own. */
	private static final Map<Rule, Field> MISSING_CELLS = Map.of(Rule.POINT_NAME_MISSING, Field.POINT_NAME,
			Rule.LEVEL_MISSING, Field.LEVEL, Rule.NUMBER_MISSING, Field.MEMBERS);

	private static final Phrase WRITE_A_DATE = new Phrase("ghi ngày/tháng/năm, năm đủ bốn chữ số, ví dụ 27/03/2021",
			"write day/month/year with a four-digit year, e.g. 27/03/2021");

	private static final Phrase NO_SUCH_DAY = new Phrase("không có ngày này trên lịch: hãy kiểm tra ngày, tháng, năm",
			"there is no such day: check the day, month and year");

	private static final Field[] SUMMED = { Field.MEMBERS, Field.OTHERS, Field.TOTAL };

	/** Distinct level or format texts remembered per file; a file with more is worked row by row. */
	static final int REMEMBERED = 4096;

	private final ProblemList problems;

	/** The sums of all rows so far, in the order of {@link #SUMMED}. */
	private final long[] sums = new long[SUMMED.length];

	/** The sums of the rows of the part of the table being read. */
	private final long[] partSums = new long[SUMMED.length];

	/** The heading of the part being read ("I. Cấp huyện"), or null. */
	private PointRow heading;

	/** Whether the table has been divided into parts, by a heading or a subtotal. */
	private boolean parted;

	/** The last data row checked, to tell a totals row above the rows from one below them. */
	private int lastRow;

	private int rejectedRows;

	/**
	 * What a level or format cell says, per distinct text: a file repeats a handful of them on
	 * every row, and matching Vietnamese text against the vocabulary is most of checking a row.
	 */
	private final Map<String, Optional<PointLevel>> levels = new HashMap<>();

	private final Map<String, Optional<PointFormat>> formats = new HashMap<>();

	public PointChecks(ProblemList problems) {
		this.problems = problems;
	}

	/** @return the row ready for staging, or null when it has errors (they are in the problem list) */
	public StagedPoint check(PointRow row) {
		this.lastRow = row.number();
		int errorsBefore = this.problems.errors();
		String name = text(row, Field.POINT_NAME);
		if (name == null) {
			this.problems.add(Problem.of(Rule.POINT_NAME_MISSING, at(row, null), null));
		}
		PointLevel level = level(row);
		PointFormat format = format(row);
		LocalDate date = date(row);
		Long members = count(row, Field.MEMBERS, true);
		int errorsBeforeOthers = this.problems.errors();
		Long others = count(row, Field.OTHERS, false);
		boolean othersRead = this.problems.errors() == errorsBeforeOthers;
		Long total = count(row, Field.TOTAL, false);
		// Others left blank count as 0 (submission-format.md); an invalid others cell is an error of its own.
		long othersOrZero = others != null ? others : 0;
		if (members != null && othersRead && total != null && total != members + othersOrZero) {
			Cell cell = row.cell(Field.TOTAL);
			this.problems.add(Problem.of(Rule.TOTAL_MISMATCH, at(row, cell), cell.text(), total, members + othersOrZero));
		}
		if (this.problems.errors() > errorsBefore) {
			this.rejectedRows++;
			return null;
		}
		add(0, members);
		add(1, othersOrZero);
		add(2, members + othersOrZero);
		return new StagedPoint(row.number(), name, level.code(), text(row, Field.HOST_UNIT), format.code(), date,
				members.intValue(), (int) othersOrZero);
	}

	/** A row starting a part of the table: the part before it ends; figures on it sum the rows below it. */
	public void part(PointRow heading) {
		endPart();
		this.heading = heading;
	}

	/** A totals row closing a part of the table, with more rows below it: it sums the part's rows. */
	public void subtotal(PointRow row) {
		compare(row, this.partSums, Rule.PART_TOTAL_MISMATCH);
		endPart();
	}

	/**
	 * Ends the table: checks the last part's heading, then each figure of the totals row against
	 * the sum of all rows (the rows above it, or below it when it is right under the header). A
	 * table in parts may end with the last part's own totals row, which sums that part only.
	 * Sums are not checked once a row had errors: its figures are not in them, and a second error
	 * about the same figure would only mislead (the file is rejected anyway).
	 * @param totals the totals row, or null when the table has none
	 * @param totalsAbove a second totals row right under the header, checked against all rows too; or null
	 */
	public void endTable(PointRow totals, PointRow totalsAbove) {
		// Only a totals row below the rows that reads as one part's ("Cộng", "Cộng II") may sum the last
		// part: a "Tổng cộng" whose formula left out the parts above is wrong, not a part's total.
		boolean lastPartOnly = totals != null && this.parted && totals.number() > this.lastRow
				&& Vocabulary.mayTotalOnePart(title(totals)) && !matches(totals, this.sums)
				&& matches(totals, this.partSums);
		endPart();
		if (totals != null && !lastPartOnly) {
			compare(totals, this.sums, Rule.TOTALS_ROW_MISMATCH);
		}
		if (totalsAbove != null) {
			compare(totalsAbove, this.sums, Rule.TOTALS_ROW_MISMATCH);
		}
	}

	private void endPart() {
		if (this.heading != null) {
			compare(this.heading, this.partSums, Rule.PART_TOTAL_MISMATCH);
			this.heading = null;
		}
		Arrays.fill(this.partSums, 0);
		this.parted = true;
	}

	/** Reports each figure of the row that differs from its sum. */
	private void compare(PointRow row, long[] sums, Rule rule) {
		if (this.rejectedRows > 0) {
			return;
		}
		for (int i = 0; i < SUMMED.length; i++) {
			Cell cell = figure(row, SUMMED[i]);
			if (cell == null) {
				continue;
			}
			ParsedNumber written = WholeNumbers.parse(cell);
			if (!written.isValue()) {
				// "20 người" where the rows add up to 20 differs from no sum: it is no whole number.
				this.problems.add(Problem.of(notAWholeNumber(written), at(row, cell), cell.text(), cell.text()));
			}
			else if (written.value() != sums[i]) {
				String column = Vocabulary.canonical(SUMMED[i]);
				this.problems.add((rule == Rule.TOTALS_ROW_MISMATCH)
						? Problem.of(rule, at(row, cell), cell.text(), column, cell.text(), sums[i])
						: Problem.of(rule, at(row, cell), cell.text(), title(row), column, cell.text(), sums[i]));
			}
		}
	}

	private static boolean matches(PointRow row, long[] sums) {
		for (int i = 0; i < SUMMED.length; i++) {
			Cell cell = figure(row, SUMMED[i]);
			if (cell != null && differs(cell, sums[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean differs(Cell figure, long sum) {
		ParsedNumber written = WholeNumbers.parse(figure);
		return !written.isValue() || written.value() != sum;
	}

	/** A figure written on a totals or heading row; null when blank or a merged copy of the row's name. */
	private static Cell figure(PointRow row, Field field) {
		Cell cell = row.cell(field);
		if (cell == null || cell.isBlank()) {
			return null;
		}
		Cell name = row.cell(Field.POINT_NAME);
		return (name != null && cell.text().equals(name.text())) ? null : cell;
	}

	/** How a part's heading or subtotal row is named in a message: its name as written, else its row number cell. */
	private static String title(PointRow row) {
		String name = written(row, Field.POINT_NAME);
		String number = written(row, Field.ROW_NUMBER);
		return (name != null) ? name : (number != null) ? number : "Cộng";
	}

	/** A cell's text as written, for a message to quote; null when it is blank. */
	private static String written(PointRow row, Field field) {
		Cell cell = row.cell(field);
		return (cell == null || cell.isBlank()) ? null : cell.text();
	}

	/**
	 * Names the column of the problems about absent cells once the table's header is known: rows
	 * are checked as they stream by, before the recognizer hands over its header.
	 * @param columns the 0-based column of each field of the header
	 */
	public void locateMissingCells(Map<Field, Integer> columns) {
		Map<Rule, String> letters = new EnumMap<>(Rule.class);
		MISSING_CELLS.forEach((rule, field) -> {
			Integer column = columns.get(field);
			if (column != null) {
				letters.put(rule, Cell.columnName(column));
			}
		});
		this.problems.locate(letters);
	}

	private void add(int figure, long value) {
		this.sums[figure] += value;
		this.partSums[figure] += value;
	}

	private PointLevel level(PointRow row) {
		Cell cell = row.cell(Field.LEVEL);
		if (cell == null || cell.isBlank()) {
			this.problems.add(Problem.of(Rule.LEVEL_MISSING, at(row, null), null));
			return null;
		}
		PointLevel level = remembered(this.levels, cell.text(), PointLevel::parse).orElse(null);
		if (level == null) {
			this.problems.add(Problem.of(Rule.LEVEL_UNKNOWN, at(row, cell), cell.text(), cell.text()));
		}
		return level;
	}

	private PointFormat format(PointRow row) {
		Cell cell = row.cell(Field.FORMAT);
		if (cell == null || cell.isBlank()) {
			return PointFormat.ONLINE;
		}
		PointFormat format = remembered(this.formats, cell.text(), PointFormat::parse).orElse(null);
		if (format == null) {
			this.problems.add(Problem.of(Rule.FORMAT_UNKNOWN, at(row, cell), cell.text(), cell.text()));
		}
		return format;
	}

	private LocalDate date(PointRow row) {
		Cell cell = row.cell(Field.DATE);
		if (cell == null) {
			return null;
		}
		ParsedDate date = VietnameseDates.parse(cell);
		if (date.status() == ParsedDate.Status.BLANK) {
			return null;
		}
		if (!date.isValue()) {
			this.problems.add(dateInvalid(at(row, cell), cell, date));
		}
		return date.value();
	}

	/**
	 * A date cell that is no date, with what to do about it: a day the calendar lacks (31/02/2021) is
	 * written day/month/year already, so telling the district to write it so would only puzzle it.
	 */
	public static Problem dateInvalid(Location at, Cell cell, ParsedDate date) {
		Phrase advice = (date.status() == ParsedDate.Status.INVALID && cell.date() == null) ? NO_SUCH_DAY : WRITE_A_DATE;
		return Problem.of(Rule.DATE_INVALID, at, cell.text(), cell.text(), advice);
	}

	private Long count(PointRow row, Field field, boolean required) {
		Cell cell = row.cell(field);
		ParsedNumber number = cell == null ? new ParsedNumber(ParsedNumber.Status.BLANK, 0) : WholeNumbers.parse(cell);
		Rule rule = switch (number.status()) {
			case VALUE -> number.value() > MAX_PER_POINT ? Rule.NUMBER_TOO_LARGE : null;
			case BLANK -> required ? Rule.NUMBER_MISSING : null;
			case FRACTION, NEGATIVE, TEXT -> notAWholeNumber(number);
		};
		if (rule == Rule.NUMBER_MISSING) {
			this.problems.add(Problem.of(rule, at(row, cell), null, Vocabulary.canonical(field)));
			return null;
		}
		if (rule != null) {
			this.problems.add(Problem.of(rule, at(row, cell), cell.text(), cell.text()));
			return null;
		}
		return number.isValue() ? number.value() : null;
	}

	/** The rule a figure written but not read as a whole number breaks. */
	private static Rule notAWholeNumber(ParsedNumber number) {
		return switch (number.status()) {
			case FRACTION -> Rule.NUMBER_FRACTION;
			case NEGATIVE -> Rule.NUMBER_NEGATIVE;
			default -> Rule.NUMBER_TEXT;
		};
	}

	/** A value worked out once per distinct text, up to {@value #REMEMBERED} texts. */
	private static <T> T remembered(Map<String, T> memory, String text, Function<String, T> work) {
		T value = memory.get(text);
		if (value == null) {
			value = work.apply(text);
			if (memory.size() < REMEMBERED) {
				memory.put(text, value);
			}
		}
		return value;
	}

	/** A cell's text, cleaned; null when it is blank or cleans to nothing. */
	private static String text(PointRow row, Field field) {
		Cell cell = row.cell(field);
		if (cell == null || cell.isBlank()) {
			return null;
		}
		String text = VietnameseText.clean(cell.text());
		return text.isEmpty() ? null : text;
	}

	private static Location at(PointRow row, Cell cell) {
		return new Location(row.sheet(), row.number(), cell != null ? cell.columnName() : null);
	}

}
