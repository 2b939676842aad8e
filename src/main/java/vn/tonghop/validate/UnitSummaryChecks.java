package vn.tonghop.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import vn.tonghop.normalize.ParsedNumber;
import vn.tonghop.normalize.ParsedPercentage;
import vn.tonghop.normalize.Percentages;
import vn.tonghop.sheet.Phrase;
import vn.tonghop.normalize.WholeNumbers;
import vn.tonghop.sheet.Label;
import vn.tonghop.sheet.LabelledCell;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.warehouse.WarehouseLoader.Coverage;

/**
 * Checks the optional unit summary (submission-format.md, "Unit summary"): members total and
 * studied are whole numbers, studied ≤ total, and a written coverage matches studied ÷ total. A
 * summary lacking total or studied is not stored, with a warning: its coverage cannot be worked out.
 * One of 0 members is stored without a coverage.
 */
public final class UnitSummaryChecks {

	/** How far a written coverage may be from studied ÷ total, in percentage points (inclusive). */
	static final BigDecimal TOLERANCE = new BigDecimal("0.5");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private UnitSummaryChecks() {
	}

	/**
	 * @param labels the labelled cells found around the table
	 * @return the summary to store, or null when the file has none or it has errors (they are in
	 * the problem list)
	 */
	public static Coverage check(Map<Label, LabelledCell> labels, ProblemList problems) {
		LabelledCell totalLabel = labels.get(Label.MEMBERS_TOTAL);
		LabelledCell studiedLabel = labels.get(Label.MEMBERS_STUDIED);
		LabelledCell coverageLabel = labels.get(Label.COVERAGE);
		// Every figure written is checked, also in a summary too incomplete to store.
		ParsedNumber total = (totalLabel != null) ? WholeNumbers.parse(totalLabel.value()) : null;
		ParsedNumber studied = (studiedLabel != null) ? WholeNumbers.parse(studiedLabel.value()) : null;
		ParsedPercentage written = (coverageLabel != null) ? Percentages.parse(coverageLabel.value()) : null;
		boolean valid = valid(totalLabel, total, "Tổng số đảng viên", problems)
				& valid(studiedLabel, studied, "Số đảng viên được học tập", problems);
		if (written != null && !written.isValue()) {
			invalid(coverageLabel, "Tỷ lệ (%)", problems);
			valid = false;
		}
		if (!valid) {
			return null;
		}
		if (totalLabel == null || studiedLabel == null) {
			LabelledCell given = (totalLabel != null) ? totalLabel : (studiedLabel != null) ? studiedLabel : coverageLabel;
			if (given != null) {
				String lacking = (totalLabel == null && studiedLabel == null) ? "Tổng số đảng viên, Số đảng viên được học tập"
						: (totalLabel == null) ? "Tổng số đảng viên" : "Số đảng viên được học tập";
				problems.add(Problem.of(Rule.SUMMARY_INCOMPLETE, at(given), given.value().text(), lacking));
			}
			return null;
		}
		if (studied.value() > total.value()) {
			problems.add(Problem.of(Rule.STUDIED_EXCEEDS_TOTAL, at(studiedLabel), studiedLabel.value().text(),
					studied.value(), total.value()));
			return null;
		}
		// 0 studied of 0 members is no share at all: no coverage to store, nor a written one to check.
		if (total.value() == 0) {
			return new Coverage(0, 0, null);
		}
		BigDecimal computed = percent(studied.value(), total.value(), 1);
		if (written != null) {
			BigDecimal exact = percent(studied.value(), total.value(), 6);
			if (written.value().subtract(exact).abs().compareTo(TOLERANCE) > 0) {
				problems.add(Problem.of(Rule.COVERAGE_MISMATCH, at(coverageLabel), coverageLabel.value().text(),
						decimal(written.value().stripTrailingZeros()), studied.value(), total.value(), decimal(computed)));
				return null;
			}
		}
		return new Coverage((int) total.value(), (int) studied.value(), computed);
	}

	/** A percentage as each message's language writes it: 50,6 in Vietnamese, 50.6 in English. */
	private static Phrase decimal(BigDecimal value) {
		String plain = value.toPlainString();
		return new Phrase(plain.replace('.', ','), plain);
	}

	/** Whether a figure is absent or a whole number that fits; reports it when it is neither. */
	private static boolean valid(LabelledCell label, ParsedNumber number, String name, ProblemList problems) {
		if (label == null || fits(number)) {
			return true;
		}
		invalid(label, name, problems);
		return false;
	}

	private static void invalid(LabelledCell label, String name, ProblemList problems) {
		problems.add(Problem.of(Rule.SUMMARY_INVALID, at(label), label.value().text(), name, label.value().text()));
	}

	/** A whole number the warehouse can store; no unit has two billion members. */
	private static boolean fits(ParsedNumber number) {
		return number.isValue() && number.value() <= Integer.MAX_VALUE;
	}

	private static BigDecimal percent(long studied, long total, int scale) {
		return BigDecimal.valueOf(studied).multiply(HUNDRED).divide(BigDecimal.valueOf(total), scale, RoundingMode.HALF_UP);
	}

	private static Location at(LabelledCell label) {
		return new Location(label.sheet(), label.row(), label.value().columnName());
	}

}
