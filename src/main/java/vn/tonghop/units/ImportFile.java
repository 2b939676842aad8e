package vn.tonghop.units;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import vn.tonghop.normalize.VietnameseText;

/**
 * A reference CSV file read for import: UTF-8 with or without BOM, a header row, then data lines.
 * Lines whose number of fields differs from the header's are not among {@code lines} but listed in
 * {@code problems}: a stray comma would otherwise shift every later column.
 */
public record ImportFile(Path path, List<String> header, List<Line> lines, List<String> problems) {

	private static final String SEPARATORS = ",;\t";

	/** Characters looked at for the header row's separator. */
	private static final int HEADER_LIMIT = 64 * 1024;

	public static ImportFile read(Path path) throws IOException {
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
		public String field(int index) {
			return VietnameseText.clean(this.fields.get(index));
		}

		public String required(int index, String column) throws BadLine {
			String value = field(index);
			if (value.isEmpty()) {
				throw new BadLine(column + " is missing");
			}
			return value;
		}

		/** A yyyy-MM-dd date, or null when the field is blank. */
		public LocalDate date(int index, String column) throws BadLine {
			String value = field(index);
			if (value.isEmpty()) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new BadLine("%s '%s' is not a date (yyyy-MM-dd)".formatted(column, value));
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
