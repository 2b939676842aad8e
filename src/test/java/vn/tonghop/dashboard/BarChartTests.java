package vn.tonghop.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BarChartTests {

	@Test
	void stepsAreRoundNumbersGivingAboutFourIntervals() {
		assertThat(BarChart.step(0)).isEqualTo(1);
		assertThat(BarChart.step(3)).isEqualTo(1);
		assertThat(BarChart.step(19)).isEqualTo(5);
		assertThat(BarChart.step(64)).isEqualTo(20);
		assertThat(BarChart.step(3113)).isEqualTo(1000);
		assertThat(BarChart.step(11938)).isEqualTo(5000);
	}

	@Test
	void barsAreStackedBySeriesOnACommonScale() {
		// given Long Biên (3 district-level + 16 grassroots points) and a unit without points
		List<BarChart.Series> series = List.of(new BarChart.Series("Cấp huyện", "#111"),
				new BarChart.Series("Cơ sở", "#222"));

		// when
		BarChart chart = BarChart.of("Điểm cầu", series,
				List.of(new BarChart.Category("Quận Long Biên", "/x", new long[] { 3, 16 }),
						new BarChart.Category("Thành phố Thanh Hóa", null, new long[] { 0, 0 })));

		// then the scale runs to 20 in steps of 5 over the plot's width
		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 5L, 10L, 15L, 20L);
		assertThat(chart.ticks().get(4).x()).isEqualTo(BarChart.LABEL_WIDTH + BarChart.PLOT_WIDTH);
		BarChart.Bar longBien = chart.bars().get(0);
		assertThat(longBien.total()).isEqualTo(19);
		assertThat(longBien.segments()).extracting(BarChart.Segment::x, BarChart.Segment::width)
			.containsExactly(tuple(200, 45), tuple(245, 240));
		assertThat(longBien.end()).isEqualTo(200 + 285);
		assertThat(chart.bars().get(1).segments()).isEmpty();
		assertThat(chart.legend()).extracting(BarChart.Key::x, BarChart.Key::name)
			.containsExactly(tuple(8, "Cấp huyện"), tuple(8 + BarChart.LEGEND_SPACING, "Cơ sở"));
		assertThat(chart.bars().get(1).y() - longBien.y()).isEqualTo(BarChart.ROW_HEIGHT);
		assertThat(chart.height()).isEqualTo(BarChart.LEGEND_HEIGHT + 2 * BarChart.ROW_HEIGHT + BarChart.SCALE_HEIGHT);
	}

	@Test
	void longLabelsAreCutAndKeptWholeForTheTooltip() {
		// when
		BarChart chart = BarChart.of("Điểm cầu", List.of(new BarChart.Series("Tổng", "#111")),
				List.of(new BarChart.Category("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lạng Sơn", null,
						new long[] { 64 })));

		// then
		assertThat(chart.bars().get(0).label()).hasSize(BarChart.LABEL_CHARACTERS).endsWith("…");
		assertThat(chart.bars().get(0).fullLabel()).isEqualTo("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lạng Sơn");
	}

}
