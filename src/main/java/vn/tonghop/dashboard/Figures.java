package vn.tonghop.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ToLongFunction;

import vn.tonghop.api.ProvinceRow;
import vn.tonghop.api.UnitRow;

/**
 * The measures one line of a dashboard table shows, for a province, a unit or a total.
 *
 * @param pointsByLevel central, province, district, grassroots, cell
 * @param membersTotal null when nobody reported a unit summary
 * @param coveragePct members studied ÷ members total, in percent with one decimal
 */
record Figures(long[] pointsByLevel, long points, long participants, long membersAttending,
		long othersAttending, Long membersTotal, Long membersStudied, BigDecimal coveragePct) {

	static Figures of(ProvinceRow row) {
		return new Figures(new long[] { row.pointsCentral(), row.pointsProvince(), row.pointsDistrict(),
				row.pointsGrassroots(), row.pointsCell() }, row.points(), row.participants(), row.membersAttending(),
				row.othersAttending(), row.membersTotal(), row.membersStudied(), row.coveragePct());
	}

	static Figures of(UnitRow row) {
		return new Figures(new long[] { row.pointsCentral(), row.pointsProvince(), row.pointsDistrict(),
				row.pointsGrassroots(), row.pointsCell() }, row.points(), row.participants(), row.membersAttending(),
				row.othersAttending(), row.membersTotal(), row.membersStudied(), row.coveragePct());
	}

	/** The sum of the lines; coverage is recomputed from the summed members, as the province view does. */
	static Figures total(List<Figures> lines) {
		long[] levels = new long[5];
		for (Figures line : lines) {
			for (int level = 0; level < levels.length; level++) {
				levels[level] += line.pointsByLevel()[level];
			}
		}
		boolean summarized = lines.stream().anyMatch(line -> line.membersTotal() != null);
		Long total = summarized ? sum(lines, line -> line.membersTotal() != null ? line.membersTotal() : 0) : null;
		Long studied = summarized ? sum(lines, line -> line.membersStudied() != null ? line.membersStudied() : 0) : null;
		BigDecimal coverage = total != null && total > 0
				? BigDecimal.valueOf(studied * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP) : null;
		return new Figures(levels, sum(lines, Figures::points), sum(lines, Figures::participants),
				sum(lines, Figures::membersAttending), sum(lines, Figures::othersAttending), total, studied, coverage);
	}

	private static long sum(List<Figures> lines, ToLongFunction<Figures> measure) {
		return lines.stream().mapToLong(measure).sum();
	}

}
