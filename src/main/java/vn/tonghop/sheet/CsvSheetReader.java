package vn.tonghop.sheet;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Reads a CSV file as one sheet named after the file. Every field is TEXT. Encoding: a BOM decides
 * (UTF-8, UTF-16); without one the file is UTF-8 when it decodes as UTF-8, else Windows-1258, the
 * Vietnamese ANSI code page of Excel on Windows.
 */
final class CsvSheetReader {

	private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

	private static final char[] SEPARATORS = { ';', ',', '\t' };

	/** How Excel's first line naming the separator starts. */
	private static final String SEP_LINE = "sep=";

	private static final int SAMPLE_LINES = 20;

	private static final int SAMPLE_CHARS = 65536;

	private CsvSheetReader() {
	}

	/** @param size the file's size, which the progress of reading it is told against */
	static void read(Path file, String name, long size, ReadLimits limits, SheetVisitor visitor)
			throws UnreadableFileException {
		Encoding encoding = encoding(file);
		Character named = namedSeparator(file, encoding);
		char separator = (named != null) ? named : separator(file, encoding);
		int dot = name.lastIndexOf('.');
		String sheet = (dot > 0) ? name.substring(0, dot) : name;
		visitor.delimited(separator);
		if (!visitor.startSheet(sheet)) {
			return;
		}
		int maxRecord = limits.maxCsvRecord();
		ReadPosition position = new ReadPosition(size);
		visitor.reading(position);
		// FastCSV's own limits sit above RecordLength's, which stops a record first and says which limit.
		try (RecordLength source = new RecordLength(open(file, encoding, named != null, position), separator,
				maxRecord);
				CsvReader<CsvRecord> csv = CsvReader.builder()
					.fieldSeparator(separator)
					.skipEmptyLines(false)
					.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
					.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
					// Else a quote never closed holds every line after it in one cell, and those rows are lost.
					.allowUnclosedQuote(false)
					.maxBufferSize(Math.max(2 * maxRecord, 65536))
					.build(CsvRecordHandler.of((handler) -> handler.maxFields(maxRecord + 1)
						.maxFieldSize(maxRecord)
						.maxRecordSize(maxRecord)), source)) {
			int number = 0;
			try {
				for (CsvRecord record : csv) {
					number++;
					List<Cell> cells = cells(record, encoding);
					if (!cells.isEmpty()) {
						visitor.row(new SheetRow(number, cells));
						if (!visitor.wantsRows()) {
							break;
						}
					}
				}
			}
			catch (CsvParseException ex) {
				if (ex.getCause() instanceof LimitExceededException limit) {
					// FastCSV wraps what its reader throws.
					throw limit;
				}
				// FastCSV's message counts text lines, and is English: the log's alone. A quote's cell is named as
				// Excel shows it.
				CellAt quote = source.unclosedQuote(number + 1);
				CellAt stray = source.textAfterQuote();
				Phrase detail = (quote != null) ? Detail.CSV_QUOTE_NOT_CLOSED.with(quote.name())
						: (stray != null) ? Detail.CSV_TEXT_AFTER_QUOTE.with(stray.name()) : Detail.CSV_MALFORMED.with();
				String logged = (quote != null || stray != null) ? detail.en() : "malformed CSV: " + ex.getMessage();
				UnreadableFileException corrupt = new UnreadableFileException("file-corrupt", detail,
						name + ": the CSV file is malformed (" + logged + ").", ex);
				CellAt at = (quote != null) ? quote : stray;
				throw (at != null) ? corrupt.at(sheet, at.row(), Cell.columnName(at.column())) : corrupt;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		visitor.endSheet();
	}

	private static List<Cell> cells(CsvRecord record, Encoding encoding) {
		List<Cell> cells = new ArrayList<>();
		for (int column = 0; column < record.getFieldCount(); column++) {
			String field = record.getField(column);
			Cell cell = Cell.text(column,
					encoding.combinesTones() ? Normalizer.normalize(field, Normalizer.Form.NFC) : field);
			if (Workbooks.holdsSomething(cell)) {
				cells.add(cell);
			}
		}
		return cells;
	}

	static boolean hasUtf16Bom(byte[] head) {
		return head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
				|| (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
	}

	/**
	 * How to decode the file: the charset and how many BOM bytes to skip (Java's UTF-8 decoder
	 * keeps a BOM as U+FEFF; its UTF-16 decoder consumes it).
	 */
	private record Encoding(Charset charset, int skip, boolean combinesTones) {

		Reader open(Path file) throws IOException {
			return open(Files.newInputStream(file));
		}

		Reader open(Path file, ReadPosition position) throws IOException {
			return open(position.counting(Files.newInputStream(file)));
		}

		private Reader open(InputStream in) throws IOException {
			in.skipNBytes(this.skip);
			return new InputStreamReader(in, this.charset);
		}

	}

	private static Encoding encoding(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(3);
			if (hasUtf16Bom(head)) {
				return new Encoding(StandardCharsets.UTF_16, 0, false);
			}
			if (head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
				return new Encoding(StandardCharsets.UTF_8, 3, false);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// 1258 writes tones as combining marks after the vowel; NFC turns them into the usual letters.
		return isUtf8(file) ? new Encoding(StandardCharsets.UTF_8, 0, false) : new Encoding(WINDOWS_1258, 0, true);
	}

	private static boolean isUtf8(Path file) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
			reader.transferTo(Writer.nullWriter());
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The separator a first line "sep=;" names, or null without one: Excel splits the file at it and
	 * shows no row for that line, so neither is it a row here.
	 */
	private static Character namedSeparator(Path file, Encoding encoding) {
		char[] head = new char[SEP_LINE.length() + 2];
		int length = 0;
		try (Reader reader = encoding.open(file)) {
			for (int n = 0; length < head.length && (n = reader.read(head, length, head.length - length)) >= 0;) {
				length += n;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String line = new String(head, 0, length);
		boolean sepLine = length > SEP_LINE.length() && line.regionMatches(true, 0, SEP_LINE, 0, SEP_LINE.length())
				&& (length == SEP_LINE.length() + 1 || head[SEP_LINE.length() + 1] == '\r'
						|| head[SEP_LINE.length() + 1] == '\n');
		char named = head[SEP_LINE.length()];
		return (sepLine && named != '"' && named != '\r' && named != '\n') ? named : null;
	}

	/** The file's text, after the "sep=" line when it has one. */
	private static Reader open(Path file, Encoding encoding, boolean afterSepLine, ReadPosition position)
			throws IOException {
		Reader reader = encoding.open(file, position);
		if (!afterSepLine) {
			return reader;
		}
		PushbackReader text = new PushbackReader(reader, 1);
		text.skip(SEP_LINE.length() + 1);
		int end = text.read();
		int next = (end == '\r') ? text.read() : end;
		if (next >= 0 && next != '\n') {
			text.unread(next);
		}
		return text;
	}

	/**
	 * The separator found on most of the first non-blank lines (outside quotes). Ties go to ';':
	 * in a ';' file decimal and thousands commas can be as frequent, in a ',' file ';' hardly is.
	 */
	private static char separator(Path file, Encoding encoding) {
		int[] lines = new int[SEPARATORS.length];
		boolean[] onLine = new boolean[SEPARATORS.length];
		try (Reader reader = encoding.open(file)) {
			boolean quoted = false;
			int sampled = 0;
			int c;
			for (int read = 0; sampled < SAMPLE_LINES && read < SAMPLE_CHARS && (c = reader.read()) >= 0; read++) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && (c == '\n' || c == '\r')) {
					sampled += endLine(onLine, lines);
				}
				else if (!quoted) {
					for (int i = 0; i < SEPARATORS.length; i++) {
						onLine[i] |= c == SEPARATORS[i];
					}
				}
			}
			endLine(onLine, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int best = 0;
		for (int i = 1; i < SEPARATORS.length; i++) {
			if (lines[i] > lines[best]) {
				best = i;
			}
		}
		return SEPARATORS[best];
	}

	/** Counts the separators seen on the line just ended; returns 1 when it had any. */
	private static int endLine(boolean[] onLine, int[] lines) {
		int any = 0;
		for (int i = 0; i < SEPARATORS.length; i++) {
			if (onLine[i]) {
				lines[i]++;
				any = 1;
			}
			onLine[i] = false;
		}
		return any;
	}

	/**
	 * Counts the characters of the current record as FastCSV will split them (a quote opens a
	 * quoted field only at the start of a field; line breaks inside quotes do not end the record)
	 * and stops at the limit before FastCSV has buffered more. Also keeps where the last quote
	 * opened, as Excel numbers records and fields, to name the cell of one never closed.
	 */
	private static final class RecordLength extends FilterReader {

		private final char separator;

		private final int max;

		private int length;

		private boolean quoted;

		private boolean fieldStart = true;

		private boolean justClosed;

		private boolean afterCr;

		private int row = 1;

		private int column;

		private int quoteRow;

		private int quoteColumn;

		private boolean ended;

		/** The first cell where text follows a closing quote ("abc"x), which FastCSV refuses; null if none. */
		private CellAt textAfterQuote;

		RecordLength(Reader in, char separator, int max) {
			super(in);
			this.separator = separator;
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) {
				count((char) c);
			}
			this.ended |= c < 0;
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				count(buffer[offset + i]);
			}
			this.ended |= n < 0;
			return n;
		}

		/**
		 * The cell (e.g. "F6") where a quote opened in the given record is still open at the end of
		 * the file; null when the input ended otherwise.
		 */
		CellAt unclosedQuote(int record) {
			return (this.ended && this.quoted && this.quoteRow == record) ? quoteCell() : null;
		}

		CellAt textAfterQuote() {
			return this.textAfterQuote;
		}

		private CellAt quoteCell() {
			return new CellAt(this.quoteRow, this.quoteColumn);
		}

		private void count(char c) {
			boolean closing = false;
			if (this.quoted) {
				if (c == '"') {
					this.quoted = false;
					closing = true;
				}
			}
			else if (c == '"' && (this.fieldStart || this.justClosed)) {
				this.quoted = true;
				this.quoteRow = this.row;
				this.quoteColumn = this.column;
			}
			else if (c == '\n' || c == '\r') {
				// CR LF is one line break, CR or LF alone one each: as FastCSV reads them.
				if (c == '\r' || !this.afterCr) {
					this.row++;
				}
				this.afterCr = c == '\r';
				this.length = 0;
				this.column = 0;
				this.fieldStart = true;
				this.justClosed = false;
				return;
			}
			this.afterCr = false;
			if (this.justClosed && !this.quoted && c != this.separator && this.textAfterQuote == null) {
				this.textAfterQuote = quoteCell();
			}
			this.fieldStart = !this.quoted && c == this.separator;
			if (this.fieldStart) {
				this.column++;
			}
			this.justClosed = closing;
			if (++this.length > this.max) {
				// A quote never closed in a large file ends here, not at the end of the file: say where it opened.
				throw new LimitExceededException(this.quoted
						? Detail.CSV_RECORD_IN_QUOTE.with(Sizes.count(this.max), quoteCell().name())
						: Detail.CSV_RECORD.with(Sizes.count(this.max)));
			}
		}

	}

	/** A cell of the file as Excel numbers it: row from 1, column from 0 (A). */
	private record CellAt(int row, int column) {

		String name() {
			return Cell.columnName(this.column) + this.row;
		}

	}

}
