package vn.tonghop.validate;

import java.time.LocalDate;
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
import vn.tonghop.sheet.PointRow;
import vn.tonghop.sheet.Vocabulary;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.warehouse.StagedPoint;

/**
 * Checks data rows one at a time as they stream by, and keeps the column sums the totals row
 * is checked against. Holds nothing per row, so a file of any length fits in memory.
 */
public final class PointChecks {

	/** No single connection point holds more people than this; larger figures are typos. */
	static final long MAX_PER_POINT = 1_000_000;

	/** The column each rule about an absent cell points at; a blank cell has no column of its own. */
	private static final Map<Rule, Field> MISSING_CELLS = Map.of(Rule.POINT_NAME_MISSING, Field.POINT_NAME,
			Rule.LEVEL_MISSING, Field.LEVEL, Rule.NUMBER_MISSING, Field.MEMBERS);

	private static final Field[] SUMMED = { Field.MEMBERS, Field.OTHERS, Field.TOTAL };

	/** Distinct level or format texts remembered per file; a file with more is worked row by row. */
	static final int REMEMBERED = 4096;

	private final ProblemList problems;

	private final Map<Field, Long> sums = new EnumMap<>(Field.class);

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
		add(Field.MEMBERS, members);
		add(Field.OTHERS, othersOrZero);
		add(Field.TOTAL, members + othersOrZero);
		return new StagedPoint(row.number(), name, level.code(), text(row, Field.HOST_UNIT), format.code(), date,
				members.intValue(), (int) othersOrZero);
	}

	/**
	 * Compares each figure of the totals row with the sum of the rows above it. Skipped when a row
	 * had errors: its figures are not in the sums, and a second error about the same figure would
	 * only mislead (the file is rejected anyway).
	 * @param totals the totals row
	 */
	public void checkTotals(PointRow totals) {
		if (this.rejectedRows > 0) {
			return;
		}
		for (Field field : SUMMED) {
			Cell cell = totals.cell(field);
			if (cell == null || cell.isBlank()) {
				continue;
			}
			ParsedNumber written = WholeNumbers.parse(cell);
			long sum = this.sums.getOrDefault(field, 0L);
			if (!written.isValue() || written.value() != sum) {
				this.problems.add(Problem.of(Rule.TOTALS_ROW_MISMATCH, at(totals, cell), cell.text(),
						Vocabulary.canonical(field), cell.text(), sum));
			}
		}
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

	private void add(Field field, long value) {
		this.sums.merge(field, value, Long::sum);
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
			this.problems.add(Problem.of(Rule.DATE_INVALID, at(row, cell), cell.text(), cell.text()));
		}
		return date.value();
	}

	private Long count(PointRow row, Field field, boolean required) {
		Cell cell = row.cell(field);
		ParsedNumber number = cell == null ? new ParsedNumber(ParsedNumber.Status.BLANK, 0) : WholeNumbers.parse(cell);
		Rule rule = switch (number.status()) {
			case VALUE -> number.value() > MAX_PER_POINT ? Rule.NUMBER_TOO_LARGE : null;
			case BLANK -> required ? Rule.NUMBER_MISSING : null;
			case FRACTION -> Rule.NUMBER_FRACTION;
			case NEGATIVE -> Rule.NUMBER_NEGATIVE;
			case TEXT -> Rule.NUMBER_TEXT;
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
