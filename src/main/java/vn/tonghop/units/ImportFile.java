package vn.tonghop.units;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.SheetRow;
import vn.tonghop.sheet.SheetVisitor;
import vn.tonghop.sheet.UnreadableFileException;
import vn.tonghop.sheet.Workbooks;

/**
 * A reference file read for import: a CSV file, UTF-8 with or without BOM, or the first sheet of
 * an Excel workbook; a header row, then data lines.
 * Lines whose number of fields differs from the header's are not among {@code lines} but listed in
 * {@code problems}: a stray comma would otherwise shift every later column.
 */
public record ImportFile(Path path, List<String> header, List<Line> lines, List<String> problems) {

	private static final String SEPARATORS = ",;\t";

	private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	/** Characters looked at for the header row's separator. */
	private static final int HEADER_LIMIT = 64 * 1024;

	public static ImportFile read(Path path) throws IOException {
		if (isWorkbook(path)) {
			return readWorkbook(path);
		}
		// A strict decoder: text in a legacy encoding must fail here rather than import as garbage.
		try (BufferedReader text = Files.newBufferedReader(path, StandardCharsets.UTF_8);
				CsvReader<CsvRecord> csv = CsvReader.builder()
					.fieldSeparator(separator(text))
					// A quote never closed would take the rest of the file as one field, and its units with it.
					.allowUnclosedQuote(false)
					.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
					.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
					.ofCsvRecord(text)) {
			Iterator<CsvRecord> records = csv.iterator();
			if (!records.hasNext()) {
				throw new IOException(path + " is empty");
			}
			// clean() also drops the byte order mark the reader leaves in the first header cell.
			List<String> header = records.next().getFields().stream().map(VietnameseText::clean).toList();
			List<Line> lines = new ArrayList<>();
			List<String> problems = new ArrayList<>();
			while (records.hasNext()) {
				CsvRecord record = records.next();
				Line line = new Line(record.getStartingLineNumber(), record.getFields());
				if (line.fields().size() == header.size()) {
					lines.add(line);
				}
				else {
					problems.add(line.problem(
							"%d fields where the header has %d".formatted(line.fields().size(), header.size())));
				}
			}
			return new ImportFile(path, header, lines, problems);
		}
		catch (CharacterCodingException ex) {
			throw notUtf8(path, ex);
		}
		catch (UncheckedIOException ex) {
			// FastCSV wraps what the reader throws.
			if (ex.getCause() instanceof CharacterCodingException notText) {
				throw notUtf8(path, notText);
			}
			throw ex.getCause();
		}
		catch (CsvParseException ex) {
			throw new IOException(path + " is not a readable CSV file: " + ex.getMessage(), ex);
		}
	}

	/** An Excel workbook by its name or its first bytes (a zip, or an .xls's compound file). */
	private static boolean isWorkbook(Path path) throws IOException {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xls") || name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
			return true;
		}
		byte[] head;
		try (InputStream in = Files.newInputStream(path)) {
			head = in.readNBytes(4);
		}
		return Arrays.equals(head, ZIP) || Arrays.equals(head, OLE2);
	}

	/**
	 * The first visible sheet of a workbook, as the statistics office's site exports its list: its
	 * first row is the header, each later row a line numbered as Excel shows it, a date cell written
	 * yyyy-MM-dd as in the CSV files.
	 */
	private static ImportFile readWorkbook(Path path) throws IOException {
		List<SheetRow> rows = new ArrayList<>();
		try {
			Workbooks.read(path, new SheetVisitor() {

				@Override
				public boolean startSheet(String name) {
					return true;
				}

				@Override
				public void row(SheetRow row) {
					rows.add(row);
				}

				@Override
				public boolean endSheet() {
					return true;
				}

			});
		}
		catch (UnreadableFileException ex) {
			// Its message names the file and says what to do (a web page saved as .xls: save it as .xlsx).
			throw new IOException(ex.getMessage(), ex);
		}
		if (rows.isEmpty()) {
			throw new IOException(path + " is empty");
		}
		List<String> header = fields(rows.get(0), width(rows.get(0))).stream().map(VietnameseText::clean).toList();
		List<Line> lines = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (SheetRow row : rows.subList(1, rows.size())) {
			int width = width(row);
			Line line = new Line(row.number(), fields(row, Math.max(width, header.size())));
			if (width <= header.size()) {
				lines.add(line);
			}
			else {
				problems.add(line.problem("a value in column %s, right of the header's last column %s".formatted(
						Cell.columnName(width - 1), Cell.columnName(header.size() - 1))));
			}
		}
		return new ImportFile(path, header, lines, problems);
	}

	private static int width(SheetRow row) {
		return row.cells().stream().filter((cell) -> !cell.isBlank()).mapToInt((cell) -> cell.column() + 1).max().orElse(0);
	}

	private static List<String> fields(SheetRow row, int width) {
		String[] fields = new String[width];
		Arrays.fill(fields, "");
		for (Cell cell : row.cells()) {
			if (cell.column() < width) {
				fields[cell.column()] = (cell.date() != null) ? cell.date().toString() : Objects.toString(cell.text(), "");
			}
		}
		return List.of(fields);
	}

	private static IOException notUtf8(Path path, CharacterCodingException ex) {
		return new IOException(path + " is not UTF-8 text", ex);
	}

	/**
	 * The separator of the header row, which names every column: Excel saves "CSV" with the list
	 * separator of the computer's region, ';' in Vietnam, where the comma is the decimal separator.
	 * Ties go to the comma the formats are written with.
	 */
	private static char separator(BufferedReader text) throws IOException {
		text.mark(HEADER_LIMIT);
		Map<Character, Integer> counts = new HashMap<>();
		boolean quoted = false;
		for (int read = 1, c = text.read(); c != -1 && read < HEADER_LIMIT; read++, c = text.read()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && SEPARATORS.indexOf(c) >= 0) {
				counts.merge((char) c, 1, Integer::sum);
			}
		}
		text.reset();
		char separator = ',';
		for (char candidate : SEPARATORS.toCharArray()) {
			if (counts.getOrDefault(candidate, 0) > counts.getOrDefault(separator, 0)) {
				separator = candidate;
			}
		}
		return separator;
	}

	/** Whether every column is in the header, matched ignoring case, diacritics and punctuation. */
	public boolean hasColumns(List<String> names) {
		return names.stream().allMatch(name -> indexOf(name) >= 0);
	}

	/** The index of a column known to be present (see {@link #hasColumns}). */
	public int column(String name) {
		int index = indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("No column " + name + " in " + this.path);
		}
		return index;
	}

	private int indexOf(String name) {
		String key = VietnameseText.asciiKey(name);
		for (int i = 0; i < this.header.size(); i++) {
			if (VietnameseText.asciiKey(this.header.get(i)).equals(key)) {
				return i;
			}
		}
		return -1;
	}

	/** A data line with its line number as a text editor shows it. */
	public record Line(long number, List<String> fields) {

		public Line {
			fields = List.copyOf(fields);
		}

		/** The field's text, cleaned; empty when blank. */
		String field(int index) {
			return VietnameseText.clean(this.fields.get(index));
		}

		public String required(int index, String column) throws BadLine {
			String value = field(index);
			if (value.isEmpty()) {
				throw new BadLine(column + " is missing");
			}
			return value;
		}

		/**
		 * A yyyy-MM-dd date, or dd/MM/yyyy as Excel writes a date into a CSV on a computer set to
		 * Vietnamese; null when the field is blank. Only the padded day-first form: Excel set to
		 * English writes 3/4/2021 for 4 March, which would read as 3 April.
		 */
		public LocalDate date(int index, String column) throws BadLine {
			String value = field(index);
			if (value.isEmpty()) {
				return null;
			}
			try {
				return value.contains("/") ? LocalDate.parse(value, DAY_FIRST) : LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new BadLine("%s '%s' is not a date (yyyy-MM-dd or dd/MM/yyyy)".formatted(column, value));
			}
		}

		public String problem(String message) {
			return "line " + this.number + ": " + message;
		}

	}

	/** Why one line cannot be imported; the message names the column and the value. */
	public static final class BadLine extends Exception {

		public BadLine(String message) {
			super(message);
		}

	}

}
