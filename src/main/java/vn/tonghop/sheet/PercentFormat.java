package vn.tonghop.sheet;

/**
 * Whether a number format shows its value multiplied by 100: a "%" of its own, not one written as
 * text ("0.0\"%\"", "0\\%"), which districts use to show 75 as "75%", nor one in a [Red] or
 * [$-42A] section, nor the character after "_" or "*".
 */
final class PercentFormat {

	private PercentFormat() {
	}

	static boolean scales(String format) {
		if (format == null) {
			return false;
		}
		boolean quoted = false;
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				if (c == '\\' || c == '_' || c == '*') {
					i++;
				}
				else if (c == '[') {
					int close = format.indexOf(']', i);
					i = (close < 0) ? format.length() : close;
				}
				else if (c == '%') {
					return true;
				}
			}
		}
		return false;
	}

}
