package vn.tonghop.sheet;

import java.util.Locale;

/** Sizes and counts as people read them in messages: "31.4 MB", "1,000,000". */
final class Sizes {

	private static final String[] UNITS = { "KB", "MB", "GB", "TB" };

	private Sizes() {
	}

	static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		double rounded = Math.round(value * 10) / 10.0;
		return ((rounded == Math.rint(rounded)) ? String.format(Locale.ROOT, "%.0f", rounded)
				: String.format(Locale.ROOT, "%.1f", rounded)) + " " + UNITS[unit];
	}

	static String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

}
