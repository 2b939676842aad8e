package vn.tonghop.cli;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain text table for terminals and logs; numeric columns are right-aligned. Times are shown to
 * the second in this machine's time zone, as Spring Batch records its runs', whatever zone the
 * database session gave them in.
 */
final class TextTable {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final String[] headers;

	private final boolean[] rightAligned;

	private final List<String[]> rows = new ArrayList<>();

	TextTable(String... headers) {
		this.headers = headers;
		this.rightAligned = new boolean[headers.length];
	}

	TextTable right(int... columns) {
		for (int column : columns) {
			this.rightAligned[column] = true;
		}
		return this;
	}

	void add(Object... values) {
		String[] row = new String[this.headers.length];
		for (int i = 0; i < row.length; i++) {
			Object value = i < values.length ? values[i] : null;
			row[i] = text(value);
		}
		this.rows.add(row);
	}

	private static String text(Object value) {
		if (value instanceof OffsetDateTime time) {
			return TIME.format(time.atZoneSameInstant(ZoneId.systemDefault()));
		}
		if (value instanceof LocalDateTime time) {
			return TIME.format(time);
		}
		return (value == null) ? "" : printable(String.valueOf(value));
	}

	/**
	 * The text with its control characters shown as spaces: a district's file name or cell may hold
	 * escape sequences, which a terminal would run.
	 */
	static String printable(String text) {
		return CONTROL.matcher(text).replaceAll(" ");
	}

	void print(PrintStream out) {
		int[] widths = new int[this.headers.length];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headers[i].length();
			for (String[] row : this.rows) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		line(out, this.headers, widths);
		StringBuilder rule = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
		}
		out.println(rule);
		for (String[] row : this.rows) {
			line(out, row, widths);
		}
	}

	private void line(PrintStream out, String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			String pad = " ".repeat(widths[i] - cells[i].length());
			line.append(i == 0 ? "" : "  ").append(this.rightAligned[i] ? pad + cells[i] : cells[i] + pad);
		}
		out.println(line.toString().stripTrailing());
	}

}
