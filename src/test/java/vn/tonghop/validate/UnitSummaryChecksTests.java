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
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.warehouse.WarehouseLoader.Coverage;

import static org.assertj.core.api.Assertions.assertThat;

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
				"50,6", "50.6", 600L, 1200L, new BigDecimal("50.0")));
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
		labels.put(Label.MEMBERS_TOTAL, new LabelledCell(SHEET, 12, Cell.text(1, total)));
		labels.put(Label.MEMBERS_STUDIED, new LabelledCell(SHEET, 13, Cell.text(1, studied)));
		if (coverage != null) {
			labels.put(Label.COVERAGE, new LabelledCell(SHEET, 14, Cell.text(1, coverage)));
		}
		return labels;
	}

}
