package vn.tonghop.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn by the templates as inline SVG: one bar per
 * category, stacked by series, with a scale of round numbers. Coordinates are SVG pixels.
 */
record BarChart(String title, int width, int height, int plotLeft, int plotBottom, List<Key> legend,
		List<Bar> bars, List<Tick> ticks) {

	static final int LABEL_WIDTH = 200;

	static final int PLOT_WIDTH = 300;

	static final int TOTAL_WIDTH = 70;

	static final int ROW_HEIGHT = 26;

	static final int LEGEND_HEIGHT = 28;

	static final int LEGEND_SPACING = 100;

	static final int SCALE_HEIGHT = 24;

	/** Longer labels are cut with an ellipsis; the full text is the bar's tooltip. */
	static final int LABEL_CHARACTERS = 30;

	record Series(String name, String color) {
	}

	/** A series in the legend, at its place. */
	record Key(int x, String name, String color) {
	}

	/**
	 * @param values one per series
	 */
	record Category(String label, String href, long[] values) {
	}

	record Bar(String label, String fullLabel, String href, int y, List<Segment> segments, int end, long total) {
	}

	record Segment(int x, int width, String color, String title, long value) {
	}

	record Tick(int x, long value) {
	}

	static BarChart of(String title, List<Series> series, List<Category> categories) {
		long largest = categories.stream().mapToLong(BarChart::total).max().orElse(0);
		long step = step(largest);
		long scale = Math.max(step, (largest + step - 1) / step * step);
		List<Bar> bars = new ArrayList<>();
		int y = LEGEND_HEIGHT;
		for (Category category : categories) {
			List<Segment> segments = new ArrayList<>();
			long running = 0;
			int x = LABEL_WIDTH;
			for (int s = 0; s < series.size(); s++) {
				long value = category.values()[s];
				running += value;
				int end = LABEL_WIDTH + (int) Math.round((double) running * PLOT_WIDTH / scale);
				if (value > 0) {
					segments.add(new Segment(x, end - x, series.get(s).color(), series.get(s).name(), value));
				}
				x = end;
			}
			bars.add(new Bar(shorten(category.label()), category.label(), category.href(), y, segments, x,
					total(category)));
			y += ROW_HEIGHT;
		}
		List<Tick> ticks = new ArrayList<>();
		for (long value = 0; value <= scale; value += step) {
			ticks.add(new Tick(LABEL_WIDTH + (int) Math.round((double) value * PLOT_WIDTH / scale), value));
		}
		List<Key> legend = new ArrayList<>();
		for (int s = 0; s < series.size(); s++) {
			legend.add(new Key(8 + s * LEGEND_SPACING, series.get(s).name(), series.get(s).color()));
		}
		return new BarChart(title, LABEL_WIDTH + PLOT_WIDTH + TOTAL_WIDTH, y + SCALE_HEIGHT, LABEL_WIDTH, y, legend,
				bars, ticks);
	}

	/** A round step (1, 2 or 5 times a power of ten) giving about four intervals up to the largest value. */
	static long step(long largest) {
		if (largest <= 4) {
			return 1;
		}
		double rough = largest / 4.0;
		long power = (long) Math.pow(10, Math.floor(Math.log10(rough)));
		for (long multiple : new long[] { 1, 2, 5 }) {
			if (multiple * power >= rough) {
				return multiple * power;
			}
		}
		return 10 * power;
	}

	private static long total(Category category) {
		long total = 0;
		for (long value : category.values()) {
			total += value;
		}
		return total;
	}

	private static String shorten(String label) {
		return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1) + "…";
	}

}
