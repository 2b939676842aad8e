package vn.tonghop.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.tonghop.api.CompletenessRow;
import vn.tonghop.api.ConferenceRow;
import vn.tonghop.api.PageRequest;
import vn.tonghop.api.ProvinceRow;
import vn.tonghop.api.UnitRow;
import vn.tonghop.api.WarehouseQueries;

/**
 * What the dashboard pages show, read through the API's queries. A conference has at most 63
 * provinces and a province a few hundred units, so each page reads one page of the largest size.
 */
@Component
class DashboardPages {

	private static final List<BarChart.Series> LEVELS = List.of(new BarChart.Series("Trung ương", "#8e1b1b"),
			new BarChart.Series("Cấp tỉnh", "#d35400"), new BarChart.Series("Cấp huyện", "#d4a017"),
			new BarChart.Series("Cơ sở", "#2e7d32"), new BarChart.Series("Chi bộ", "#1f5fa8"));

	private static final List<BarChart.Series> PARTICIPANTS = List
		.of(new BarChart.Series("Số người tham dự", "#1f5fa8"));

	private final WarehouseQueries queries;

	DashboardPages(WarehouseQueries queries) {
		this.queries = queries;
	}

	/** Every conference, newest first. */
	List<ConferenceRow> conferences() {
		return this.queries.conferences(null, null, PageRequest.largest()).items();
	}

	Optional<ConferencePage> conference(String code) {
		return this.queries.conference(code).map(conference -> {
			List<ProvinceRow> provinces = this.queries.provinces(conference.code(), null, PageRequest.largest()).items();
			Charts charts = Charts.of(provinces, row -> named(row.provinceName(), row.provinceCode()),
					row -> provinceHref(conference.code(), row.provinceCode()), Figures::of);
			return new ConferencePage(conferences(), conference, provinces,
					Figures.total(provinces.stream().map(Figures::of).toList()),
					provinces.stream().mapToLong(ProvinceRow::unitsExpected).sum(),
					provinces.stream().mapToLong(ProvinceRow::unitsReported).sum(), charts.points(),
					charts.participants());
		});
	}

	Optional<ProvincePage> province(String code, String provinceCode) {
		return this.queries.conference(code)
			.flatMap(conference -> this.queries.provinces(conference.code(), provinceCode, PageRequest.largest())
				.items()
				.stream()
				.findFirst()
				.map(province -> {
					List<UnitRow> units = this.queries.units(conference.code(), provinceCode, null, PageRequest.largest())
						.items();
					List<CompletenessRow> missing = this.queries
						.completeness(conference.code(), provinceCode, null, true, PageRequest.largest())
						.items();
					Charts charts = Charts.of(units, row -> named(row.reportingUnitName(), row.reportingUnitCode()),
							row -> null, Figures::of);
					return new ProvincePage(conference, province, units,
							Figures.total(units.stream().map(Figures::of).toList()), missing, charts.points(),
							charts.participants());
				}));
	}

	/** A unit's name, or its code when the tree has no version of it on the conference date. */
	private static String named(String name, String code) {
		return name != null ? name : code;
	}

	private static String provinceHref(String conference, String province) {
		return UriComponentsBuilder.fromPath("/dashboard/{conference}/provinces/{province}")
			.buildAndExpand(conference, province)
			.encode()
			.toUriString();
	}

	/** A page's two charts, one bar per line: its points by level, and its participants. */
	private record Charts(BarChart points, BarChart participants) {

		/** @param href where a bar leads; null for none */
		static <T> Charts of(List<T> lines, Function<T, String> label, Function<T, String> href,
				Function<T, Figures> figures) {
			List<BarChart.Category> points = new ArrayList<>();
			List<BarChart.Category> participants = new ArrayList<>();
			for (T line : lines) {
				Figures figure = figures.apply(line);
				points.add(new BarChart.Category(label.apply(line), href.apply(line), figure.pointsByLevel()));
				participants.add(new BarChart.Category(label.apply(line), href.apply(line),
						new long[] { figure.participants() }));
			}
			return new Charts(BarChart.of("Số điểm cầu theo cấp", LEVELS, points),
					BarChart.of("Số người tham dự", PARTICIPANTS, participants));
		}

	}

	record ConferencePage(List<ConferenceRow> conferences, ConferenceRow conference, List<ProvinceRow> provinces,
			Figures total, long unitsExpected, long unitsReported, BarChart pointsChart, BarChart participantsChart) {
	}

	record ProvincePage(ConferenceRow conference, ProvinceRow province, List<UnitRow> units, Figures total,
			List<CompletenessRow> missing, BarChart pointsChart, BarChart participantsChart) {
	}

}
