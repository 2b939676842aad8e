package vn.tonghop.validate;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Label;
import vn.tonghop.sheet.LabelledCell;
import vn.tonghop.sheet.Phrase;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.warehouse.WarehouseLoader.Coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UnitSummaryChecksTests {

	private static final String SHEET = "Báo cáo";

	private final ProblemList problems = new ProblemList(100);

	@Test
	void consistentSummaryIsKeptWithItsCoverage() {
		// when
		Coverage coverage = UnitSummaryChecks.check(summary("1.200", "600", "50"), this.problems);

		// then
		assertThat(coverage).isEqualTo(new Coverage(1200, 600, new BigDecimal("50.0")));
		assertThat(this.problems.kept()).isEmpty();
	}

	// 0 studied of 0 members is undefined, not 0 %: there is no coverage to store, nor one written to check.
	@ParameterizedTest
	@ValueSource(strings = { "", "0", "100%" })
	void aSummaryOfNoMembersHasNoCoverage(String written) {
		Coverage coverage = UnitSummaryChecks.check(summary("0", "0", written.isEmpty() ? null : written), this.problems);

		assertThat(coverage).isEqualTo(new Coverage(0, 0, null));
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void noSummaryIsNoProblem() {
		assertThat(UnitSummaryChecks.check(Map.of(), this.problems)).isNull();
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void summaryInvalidFiresOnTextForAFigure() {
		// when
		Coverage coverage = UnitSummaryChecks.check(summary("khoảng 1200", "600", "50"), this.problems);

		// then
		assertThat(coverage).isNull();
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.SUMMARY_INVALID, new Location(SHEET, 12, "B"),
				"khoảng 1200", "Tổng số đảng viên", "khoảng 1200"));
	}

	@Test
	void summaryInvalidFiresOnACoverageThatIsNotAPercentage() {
		UnitSummaryChecks.check(summary("1200", "600", "một nửa"), this.problems);

		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.SUMMARY_INVALID, new Location(SHEET, 14, "B"),
				"một nửa", "Tỷ lệ (%)", "một nửa"));
	}

	@Test
	void summaryInvalidFiresOnAFigureTheWarehouseCannotHold() {
		// when a members total past the largest integer column value, 2.147.483.647
		Coverage coverage = UnitSummaryChecks.check(summary("3.000.000.000", "600", null), this.problems);

		// then it is refused rather than stored wrapped round to a negative figure
		assertThat(coverage).isNull();
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.SUMMARY_INVALID, new Location(SHEET, 12, "B"),
				"3.000.000.000", "Tổng số đảng viên", "3.000.000.000"));
	}

	@Test
	void aFigureOfAnIncompleteSummaryIsStillChecked() {
		// given a members total in words and no studied figure
		Map<Label, LabelledCell> labels = Map.of(Label.MEMBERS_TOTAL, new LabelledCell(SHEET, 12, Cell.text(1, "khoảng 4.000"),
				"Tổng số đảng viên"));

		// when
		Coverage coverage = UnitSummaryChecks.check(labels, this.problems);

		// then
		assertThat(coverage).isNull();
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.SUMMARY_INVALID, new Location(SHEET, 12, "B"),
				"khoảng 4.000", "Tổng số đảng viên", "khoảng 4.000"));
	}

	@Test
	void anIncompleteSummaryIsNotStoredWithAWarningNamingWhatItLacks() {
		// given a total and a coverage but no studied figure
		Map<Label, LabelledCell> labels = summary("4336", "600", "75%");
		labels.remove(Label.MEMBERS_STUDIED);

		// when
		Coverage coverage = UnitSummaryChecks.check(labels, this.problems);

		// then
		assertThat(coverage).isNull();
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.SUMMARY_INCOMPLETE, new Location(SHEET, 12, "B"),
				"4336", "Số đảng viên được học tập"));
	}

	@Test
	void everyInvalidFigureIsReported() {
		// when
		UnitSummaryChecks.check(summary("nhiều", "một nửa", "abc"), this.problems);

		// then
		assertThat(this.problems.kept()).extracting(Problem::rule, Problem::row)
			.containsExactly(tuple(Rule.SUMMARY_INVALID, 12), tuple(Rule.SUMMARY_INVALID, 13), tuple(Rule.SUMMARY_INVALID, 14));
	}

	@Test
	void studiedExceedingTotalFires() {
		// when
		Coverage coverage = UnitSummaryChecks.check(summary("1200", "1300", null), this.problems);

		// then
		assertThat(coverage).isNull();
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.STUDIED_EXCEEDS_TOTAL,
				new Location(SHEET, 13, "B"), "1300", 1300L, 1200L));
	}

	@Test
	void studiedEqualToTotalPasses() {
		Coverage coverage = UnitSummaryChecks.check(summary("1200", "1200", "100%"), this.problems);

		assertThat(coverage).isEqualTo(new Coverage(1200, 1200, new BigDecimal("100.0")));
		assertThat(this.problems.kept()).isEmpty();
	}

	@Test
	void coverageMoreThanHalfAPointOffFires() {
		// when 600 ÷ 1200 is 50%
		Coverage coverage = UnitSummaryChecks.check(summary("1200", "600", "50,6"), this.problems);

		// then
		assertThat(coverage).isNull();
		assertThat(this.problems.kept()).containsExactly(Problem.of(Rule.COVERAGE_MISMATCH, new Location(SHEET, 14, "B"),
				"50,6", new Phrase("50,6", "50.6"), 600L, 1200L, new Phrase("50,0", "50.0")));
		assertThat(this.problems.kept().get(0).messageVi()).isEqualTo("Tỷ lệ ghi 50,6% nhưng 600 ÷ 1200 = 50,0%");
		assertThat(this.problems.kept().get(0).messageEn()).isEqualTo("Coverage written 50.6% but 600 ÷ 1200 = 50.0%");
	}

	@ParameterizedTest
	@ValueSource(strings = { "50,5", "49,5", "50.0 %", "50" })
	void coverageWithinHalfAPointInclusivePasses(String written) {
		Coverage coverage = UnitSummaryChecks.check(summary("1200", "600", written), this.problems);

		assertThat(coverage).isEqualTo(new Coverage(1200, 600, new BigDecimal("50.0")));
		assertThat(this.problems.kept()).isEmpty();
	}

	/** Members total, studied and coverage in column B of rows 12, 13 and 14; null leaves one out. */
	private static Map<Label, LabelledCell> summary(String total, String studied, String coverage) {
		Map<Label, LabelledCell> labels = new EnumMap<>(Label.class);
		labels.put(Label.MEMBERS_TOTAL, new LabelledCell(SHEET, 12, Cell.text(1, total), "Tổng số đảng viên"));
		labels.put(Label.MEMBERS_STUDIED, new LabelledCell(SHEET, 13, Cell.text(1, studied), "Số đảng viên được học tập"));
		if (coverage != null) {
			labels.put(Label.COVERAGE, new LabelledCell(SHEET, 14, Cell.text(1, coverage), "Tỷ lệ (%)"));
		}
		return labels;
	}

}
