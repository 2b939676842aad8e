package vn.tonghop.validate;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Cells;
import vn.tonghop.sheet.Field;
import vn.tonghop.sheet.Phrase;
import vn.tonghop.sheet.PointRow;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.warehouse.StagedPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PointChecksTests {

	private static final String SHEET = "Báo cáo";

	private static final int ROW = 6;

	private static final Phrase WRITE_A_DATE = new Phrase("ghi ngày/tháng/năm, năm đủ bốn chữ số, ví dụ 27/03/2021",
			"write day/month/year with a four-digit year, e.g. 27/03/2021");

	/** The header the rows sit under: B name, C level, D host, E format, F date, G members, H others, I total. */
	private static final Map<Field, Integer> COLUMNS = Map.of(Field.ROW_NUMBER, 0, Field.POINT_NAME, 1, Field.LEVEL, 2,
			Field.HOST_UNIT, 3, Field.FORMAT, 4, Field.DATE, 5, Field.MEMBERS, 6, Field.OTHERS, 7, Field.TOTAL, 8);

	private final ProblemList problems = new ProblemList(100);

	private final PointChecks checks = new PointChecks(this.problems);

	/** One rule on a single row: a change that makes it fire, where and with what, and a change that does not. */
	record RowCase(Rule rule, Object[] fires, String column, String value, Object[] args, Object[] passes) {

		@Override
		public String toString() {
			return this.rule.code();
		}

	}

	static Stream<RowCase> rowRules() {
		return Stream.of(
				new RowCase(Rule.POINT_NAME_MISSING, changes(Field.POINT_NAME, null), "B", null, args(),
						changes(Field.POINT_NAME, "Điểm cầu thôn 3")),
				new RowCase(Rule.LEVEL_MISSING, changes(Field.LEVEL, " "), "C", null, args(), changes(Field.LEVEL, "Chi bộ")),
				new RowCase(Rule.LEVEL_UNKNOWN, changes(Field.LEVEL, "Liên xã"), "C", "Liên xã", args("Liên xã"),
						changes(Field.LEVEL, "Xã")),
				new RowCase(Rule.FORMAT_UNKNOWN, changes(Field.FORMAT, "Qua Zalo"), "E", "Qua Zalo", args("Qua Zalo"),
						changes(Field.FORMAT, "Trực tiếp")),
				new RowCase(Rule.DATE_INVALID, changes(Field.DATE, "27/03/21"), "F", "27/03/21",
						args("27/03/21", WRITE_A_DATE),
						changes(Field.DATE, "ngày 27 tháng 3 năm 2021")),
				new RowCase(Rule.NUMBER_MISSING, changes(Field.MEMBERS, null), "G", null, args("Số đảng viên tham dự"),
						changes(Field.OTHERS, null, Field.TOTAL, 110)),
				new RowCase(Rule.NUMBER_TEXT, changes(Field.MEMBERS, "khoảng 1.700"), "G", "khoảng 1.700",
						args("khoảng 1.700"), changes(Field.MEMBERS, "1.700", Field.TOTAL, "1.710")),
				new RowCase(Rule.NUMBER_FRACTION, changes(Field.MEMBERS, "110,5"), "G", "110,5", args("110,5"),
						changes(Field.MEMBERS, 110.0)),
				new RowCase(Rule.NUMBER_NEGATIVE, changes(Field.OTHERS, "-10"), "H", "-10", args("-10"),
						changes(Field.OTHERS, "0", Field.TOTAL, 110)),
				new RowCase(Rule.NUMBER_TOO_LARGE, changes(Field.MEMBERS, 1_000_001, Field.TOTAL, null), "G", "1000001",
						args("1000001"), changes(Field.MEMBERS, 1_000_000, Field.TOTAL, null)),
				new RowCase(Rule.TOTAL_MISMATCH, changes(Field.TOTAL, 125), "I", "125", args(125L, 120L),
						changes(Field.TOTAL, null)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rowRules")
	void ruleFiresAtTheCell(RowCase rule) {
		// when
		StagedPoint point = this.checks.check(row(ROW, rule.fires()));
		this.checks.locateMissingCells(COLUMNS);

		// then
		assertThat(point).isNull();
		assertThat(this.problems.kept())
			.containsExactly(Problem.of(rule.rule(), new Location(SHEET, ROW, rule.column()), rule.value(), rule.args()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rowRules")
	void ruleDoesNotFireOnTheVariation(RowCase rule) {
		// when
		StagedPoint point = this.checks.check(row(ROW, rule.passes()));

		// then
		assertThat(this.problems.kept()).isEmpty();
		assertThat(point).isNotNull();
	}

	@Test
	void anInvalidDateSaysHowToWriteOne() {
		// when a date is written with a two-digit year, which reads as a date to the district
		this.checks.check(row(ROW, changes(Field.DATE, "27/3/21")));

		// then the message says why it is not one
		assertThat(this.problems.kept()).singleElement().satisfies((problem) -> {
			assertThat(problem.messageEn()).isEqualTo(
					"Invalid date: \"27/3/21\"; write day/month/year with a four-digit year, e.g. 27/03/2021");
			assertThat(problem.messageVi()).isEqualTo(
					"Ngày không hợp lệ: \"27/3/21\"; ghi ngày/tháng/năm, năm đủ bốn chữ số, ví dụ 27/03/2021");
		});
	}

	@Test
	void anUnknownLevelOrFormatSaysWhatToWriteInstead() {
		// when a row's level and format are words the format does not know
		this.checks.check(row(ROW, changes(Field.LEVEL, "Liên xã", Field.FORMAT, "Qua Zalo")));

		// then each message names the words to write instead, in both languages
		assertThat(this.problems.kept()).extracting(Problem::messageVi, Problem::messageEn)
			.containsExactly(tuple("Cấp điểm cầu không hợp lệ: \"Liên xã\"; hãy ghi một trong các cấp Trung ương, Tỉnh, "
					+ "Huyện, Cơ sở, Chi bộ",
					"Unknown point level: \"Liên xã\"; write one of the levels Trung ương, Tỉnh, Huyện, Cơ sở, Chi bộ"),
					tuple("Hình thức không hợp lệ: \"Qua Zalo\"; hãy ghi Trực tuyến, Trực tiếp hoặc Ghi hình / Xem lại",
							"Unknown format: \"Qua Zalo\"; write Trực tuyến, Trực tiếp or Ghi hình / Xem lại"));
	}

	@Test
	void aDayTheCalendarLacksIsNotToldToBeWrittenAnotherWay() {
		// when a date is written day/month/year with four digits, but February has no 31st
		this.checks.check(row(ROW, changes(Field.DATE, "31/02/2021")));

		// then the message says the day does not exist, not how to write a date, as it is written so already
		assertThat(this.problems.kept()).singleElement().satisfies((problem) -> {
			assertThat(problem.messageEn())
				.isEqualTo("Invalid date: \"31/02/2021\"; there is no such day: check the day, month and year");
			assertThat(problem.messageVi())
				.isEqualTo("Ngày không hợp lệ: \"31/02/2021\"; không có ngày này trên lịch: hãy kiểm tra ngày, tháng, năm");
		});
	}

	@Test
	void aYearOfThreeDigitsIsToldToBeWrittenWithFour() {
		// when a date's year lost a digit
		this.checks.check(row(ROW, changes(Field.DATE, "27/03/202")));

		// then the message says how to write the year, not that the calendar lacks the day
		assertThat(this.problems.kept()).singleElement().satisfies((problem) -> {
			assertThat(problem.messageEn()).isEqualTo(
					"Invalid date: \"27/03/202\"; write day/month/year with a four-digit year, e.g. 27/03/2021");
			assertThat(problem.messageVi()).isEqualTo(
					"Ngày không hợp lệ: \"27/03/202\"; ghi ngày/tháng/năm, năm đủ bốn chữ số, ví dụ 27/03/2021");
		});
	}

	@Test
	void validRowIsStagedWithDefaults() {
		// when
		StagedPoint point = this.checks.check(row(ROW, changes(Field.FORMAT, null, Field.OTHERS, null, Field.TOTAL, null)));

		// then
		assertThat(point).isEqualTo(new StagedPoint(ROW, "Phường Cự Khối", "grassroots", "Phường Cự Khối", "online",
				LocalDate.of(2021, 3, 27), 110, 0));
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void totalIsCheckedAgainstMembersAloneWhenOthersIsBlank() {
		// when others is left blank, which counts as 0, and the total says 150
		StagedPoint point = this.checks.check(row(ROW, changes(Field.MEMBERS, 100, Field.OTHERS, null, Field.TOTAL, 150)));

		// then
		assertThat(point).isNull();
		assertThat(this.problems.kept())
			.containsExactly(Problem.of(Rule.TOTAL_MISMATCH, new Location(SHEET, ROW, "I"), "150", 150L, 100L));
	}

	@Test
	void totalsRowThatDiffersNamesTheColumnAndBothNumbers() {
		// given two rows of 110 + 10 and 120 + 10
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.check(row(6, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when
		this.checks.endTable(row(7, changes(Field.POINT_NAME, "Tổng cộng", Field.LEVEL, null, Field.HOST_UNIT, null,
				Field.FORMAT, null, Field.DATE, null, Field.MEMBERS, "231", Field.OTHERS, 20, Field.TOTAL, 250)), null);

		// then
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.TOTALS_ROW_MISMATCH, new Location(SHEET, 7, "G"),
				"231", "Số đảng viên tham dự", "231", 230L));
	}

	@Test
	void totalsRowThatAddsUpOrIsBlankPasses() {
		// given
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.check(row(6, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when the members total is written as text and the others total left blank
		this.checks.endTable(row(7, changes(Field.POINT_NAME, "Tổng cộng", Field.LEVEL, null, Field.MEMBERS, "230",
				Field.OTHERS, null, Field.TOTAL, 250)), null);

		// then
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void totalsRowIsNotCheckedWhenARowHadErrors() {
		// given a row whose members figure is text, so the sums lack it
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.check(row(6, changes(Field.MEMBERS, "khoảng 120")));

		// when
		this.checks.endTable(row(7, changes(Field.POINT_NAME, "Tổng cộng", Field.MEMBERS, 230)), null);

		// then only the row's own error
		assertThat(this.problems.kept()).extracting(Problem::rule).containsExactly(Rule.NUMBER_TEXT);
	}

	@Test
	void partHeadingsAreCheckedAgainstTheRowsOfTheirPart() {
		// given part I with 110 + 120 members, written 230 on its heading, and part II with 110, written 100
		this.checks.part(heading(4, "I", "Cấp huyện", 230, 20, 250));
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.check(row(6, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));
		this.checks.part(heading(7, "II", "Cấp xã", 100, 10, 120));
		this.checks.check(row(8, changes(Field.MEMBERS, 110)));

		// when the table ends with a totals row for all rows
		this.checks.endTable(row(9, changes(Field.POINT_NAME, "Tổng cộng", Field.LEVEL, null, Field.MEMBERS, 340,
				Field.OTHERS, 30, Field.TOTAL, 370)), null);

		// then only part II's members figure is wrong
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.PART_TOTAL_MISMATCH, new Location(SHEET, 7, "G"),
				"100", "Cấp xã", "Số đảng viên tham dự", "100", 110L));
	}

	@Test
	void subtotalsSumTheRowsSinceThePreviousPartAndTheTotalsRowSumsAll() {
		// given two parts closed by "Cộng" rows, the second one wrong
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.subtotal(subtotal(6, "Cộng", 110, 10, 120));
		this.checks.check(row(7, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));
		this.checks.check(row(8, changes(Field.MEMBERS, 100, Field.TOTAL, 110)));
		this.checks.subtotal(subtotal(9, "Cộng", 230, 20, 240));

		// when
		this.checks.endTable(subtotal(10, "Tổng cộng", 330, 30, 360), null);

		// then
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.PART_TOTAL_MISMATCH, new Location(SHEET, 9, "G"),
				"230", "Cộng", "Số đảng viên tham dự", "230", 220L));
	}

	@Test
	void aTableInPartsMayEndWithTheLastPartsOwnTotalsRow() {
		// given
		this.checks.part(heading(4, "I", "Cấp huyện", null, null, null));
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.subtotal(subtotal(6, "Cộng I", 110, 10, 120));
		this.checks.part(heading(7, "II", "Cấp xã", null, null, null));
		this.checks.check(row(8, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when the last "Cộng II" ends the table
		this.checks.endTable(subtotal(9, "Cộng II", 120, 10, 130), null);

		// then
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void aWrongLastTotalsRowOfATableInPartsIsCheckedAgainstAllRows() {
		// given
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.subtotal(subtotal(6, "Cộng", 110, 10, 120));
		this.checks.check(row(7, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when the totals row matches neither the last part (120) nor all rows (230)
		this.checks.endTable(subtotal(8, "Tổng cộng", 200, 20, 260), null);

		// then
		assertThat(this.problems.kept()).extracting(Problem::rule, Problem::column)
			.containsExactly(tuple(Rule.TOTALS_ROW_MISMATCH, "G"), tuple(Rule.TOTALS_ROW_MISMATCH, "I"));
	}

	@Test
	void aGrandTotalThatOnlyAddsTheLastPartIsWrong() {
		// given part I closed by "Cộng I", then part II with no subtotal
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.subtotal(subtotal(6, "Cộng I", 110, 10, 120));
		this.checks.check(row(7, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when "Tổng cộng" was written as part II's sum, its formula leaving part I out
		this.checks.endTable(subtotal(8, "Tổng cộng", 120, 10, 130), null);

		// then it is checked against all rows
		assertThat(this.problems.kept()).extracting(Problem::rule, Problem::column)
			.containsExactly(tuple(Rule.TOTALS_ROW_MISMATCH, "G"), tuple(Rule.TOTALS_ROW_MISMATCH, "H"),
					tuple(Rule.TOTALS_ROW_MISMATCH, "I"));
	}

	@Test
	void aTotalsRowAboveATableInPartsSumsAllRows() {
		// given "Tổng cộng" right under the header written as the last part's sum, then parts by their headings
		PointRow totals = subtotal(4, "Tổng cộng", 120, 10, 130);
		this.checks.part(heading(5, "I", "Cấp huyện", null, null, null));
		this.checks.check(row(6, changes(Field.MEMBERS, 110)));
		this.checks.part(heading(7, "II", "Cấp xã", null, null, null));
		this.checks.check(row(8, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when
		this.checks.endTable(totals, null);

		// then
		assertThat(this.problems.kept()).extracting(Problem::rule).containsOnly(Rule.TOTALS_ROW_MISMATCH);
	}

	@Test
	void aCongAboveATableInPartsSumsAllRowsThoughItMatchesTheLastPart() {
		// given "Cộng" right under the header written as the last part's sum, then parts by their headings
		PointRow totals = subtotal(4, "Cộng", 120, 10, 130);
		this.checks.part(heading(5, "I", "Cấp huyện", null, null, null));
		this.checks.check(row(6, changes(Field.MEMBERS, 110)));
		this.checks.part(heading(7, "II", "Cấp xã", null, null, null));
		this.checks.check(row(8, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when
		this.checks.endTable(totals, null);

		// then only a row below the rows may close the last part: this one is checked against all rows
		assertThat(this.problems.kept()).extracting(Problem::rule, Problem::row, Problem::column)
			.containsExactly(tuple(Rule.TOTALS_ROW_MISMATCH, 4, "G"), tuple(Rule.TOTALS_ROW_MISMATCH, 4, "H"),
					tuple(Rule.TOTALS_ROW_MISMATCH, 4, "I"));
	}

	@Test
	void aLastCongUnderATableInPartsWithItsTotalsAboveMaySumItsPartOrAllRows() {
		// given totals under the header, and two parts closed by "Cộng" rows, the last one at the table's end
		PointRow above = subtotal(4, "Tổng cộng", 230, 20, 250);
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));
		this.checks.subtotal(subtotal(6, "Cộng I", 110, 10, 120));
		this.checks.check(row(7, changes(Field.MEMBERS, 120, Field.TOTAL, 130)));

		// when the last "Cộng" sums all rows, not its part
		this.checks.endTable(subtotal(8, "Cộng", 230, 20, 250), above);

		// then
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void aHeadingMergedAcrossTheColumnsHasNoFigures() {
		// given a heading whose text is copied into every column it covers
		String text = "I. CẤP HUYỆN";
		this.checks.part(row(4, changes(Field.ROW_NUMBER, text, Field.POINT_NAME, text, Field.LEVEL, text,
				Field.HOST_UNIT, text, Field.FORMAT, text, Field.DATE, text, Field.MEMBERS, text, Field.OTHERS, text,
				Field.TOTAL, text)));
		this.checks.check(row(5, changes(Field.MEMBERS, 110)));

		// when
		this.checks.endTable(null, null);

		// then
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void missingCellsGetTheirColumnFromTheHeaderAndOtherProblemsKeepTheirs() {
		// given a blank level and a text figure
		this.checks.check(row(ROW, changes(Field.LEVEL, null, Field.OTHERS, "mười")));

		// when
		this.checks.locateMissingCells(COLUMNS);

		// then
		assertThat(this.problems.kept()).extracting(Problem::rule, Problem::row, Problem::column)
			.containsExactly(tuple(Rule.LEVEL_MISSING, ROW, "C"),
					tuple(Rule.NUMBER_TEXT, ROW, "H"));
	}

	/** A part's heading row: its marker in the STT column, its name, no level and the part's figures, if given. */
	private static PointRow heading(int number, String marker, String name, Integer members, Integer others,
			Integer total) {
		return row(number, changes(Field.ROW_NUMBER, marker, Field.POINT_NAME, name, Field.LEVEL, null,
				Field.HOST_UNIT, null, Field.FORMAT, null, Field.DATE, null, Field.MEMBERS, members, Field.OTHERS, others,
				Field.TOTAL, total));
	}

	private static PointRow subtotal(int number, String text, int members, int others, int total) {
		return row(number, changes(Field.ROW_NUMBER, null, Field.POINT_NAME, text, Field.LEVEL, null, Field.HOST_UNIT,
				null, Field.FORMAT, null, Field.DATE, null, Field.MEMBERS, members, Field.OTHERS, others, Field.TOTAL,
				total));
	}

	/** A valid row (Phường Cự Khối, 110 members, 10 others, total 120) with the changes applied. */
	private static PointRow row(int number, Object[] changes) {
		Map<Field, Object> values = new EnumMap<>(Field.class);
		values.put(Field.ROW_NUMBER, 2);
		values.put(Field.POINT_NAME, "Phường Cự Khối");
		values.put(Field.LEVEL, "Phường");
		values.put(Field.HOST_UNIT, "Phường Cự Khối");
		values.put(Field.FORMAT, "Trực tuyến");
		values.put(Field.DATE, "27/03/2021");
		values.put(Field.MEMBERS, 110);
		values.put(Field.OTHERS, 10);
		values.put(Field.TOTAL, 120);
		for (int i = 0; i < changes.length; i += 2) {
			values.put((Field) changes[i], changes[i + 1]);
		}
		Map<Field, Cell> cells = new EnumMap<>(Field.class);
		values.forEach((field, value) -> {
			int column = COLUMNS.get(field);
			if (value instanceof String text) {
				cells.put(field, Cell.text(column, text));
			}
			else if (value instanceof Number figure) {
				cells.put(field, Cells.number(column, figure.doubleValue()));
			}
		});
		return new PointRow(SHEET, number, cells);
	}

	/** Pairs of field and new value: a String is a text cell, a Number a number cell, null no cell. */
	private static Object[] changes(Object... pairs) {
		return pairs;
	}

	private static Object[] args(Object... args) {
		return args;
	}

}
