package vn.tonghop.sheet;

import java.util.Locale;

/**
 * Sizes and counts as people read them in messages, in each language's way of writing numbers:
 * "31,4 MB" and "1.000.000" in Vietnamese, "31.4 MB" and "1,000,000" in English.
 */
public final class Sizes {

	private static final String[] UNITS = { "KB", "MB", "GB", "TB" };

	private Sizes() {
	}

	static Phrase bytes(long bytes) {
		if (bytes < 1024) {
			return new Phrase(bytes + " byte", bytes + " bytes");
		}
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		double rounded = Math.round(value * 10) / 10.0;
		String format = ((rounded == Math.rint(rounded)) ? "%.0f " : "%.1f ") + UNITS[unit];
		return new Phrase(String.format(Phrase.VIETNAMESE, format, rounded), String.format(Locale.ENGLISH, format, rounded));
	}

	public static Phrase count(long count) {
		return new Phrase(String.format(Phrase.VIETNAMESE, "%,d", count), String.format(Locale.ENGLISH, "%,d", count));
	}

}
