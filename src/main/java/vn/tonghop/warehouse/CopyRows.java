package vn.tonghop.warehouse;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A COPY in binary format that rows are written to one at a time, so a file's rows never sit in
 * memory together. Binary, not text: the server then parses no numbers, dates or escapes, which
 * was a tenth of its time on a large file, and nothing needs escaping on the way. A large file may
 * be sent as several COPY statements (see {@link #CopyRows(PGConnection, String, int, int)}), all in
 * the caller's transaction.
 */
public abstract sealed class CopyRows permits StagedRows, LoadedRows {

	private static final int FLUSH_AT = 1 << 16;

	/** The signature, no flags, no header extension. */
	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0,
			0, 0, 0 };

	/** Days from 1970-01-01, where {@link LocalDate#toEpochDay()} counts from, to 2000-01-01, where PostgreSQL does. */
	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private final PGConnection connection;

	private final String copySql;

	private final short fields;

	/** Rows per COPY statement; 0 sends all in one. */
	private final int statementRows;

	/** The open COPY; null once the database refused a statement's rows. */
	private CopyIn copy;

	/** The rows sent in the statements before the open one: its line n is the file's (lineBase + n)-th row sent. */
	private int lineBase;

	/** The database refused the rows of a statement ended before the last: thrown by {@link #finish()}. */
	private LoadRefusedException refused;

	private byte[] buffer = new byte[FLUSH_AT + 1024];

	private int position;

	/** Where the row being written began: only whole rows are ever sent. */
	private int rowStart;

	private int count;

	/**
	 * The file's rows sent, as runs of consecutive rows: where each run starts, as the COPY counts
	 * its rows (from 1) and as the file numbers them. A line the database names maps back to the
	 * file's row, and the rows of a large file take a few runs, not an int each.
	 */
	private int[] runLines = new int[16];

	private int[] runRows = new int[16];

	private int runs;

	private SQLException failure;

	/**
	 * @param statementRows rows per COPY statement, 0 for one statement: each statement's end waits
	 * for what the table's statement triggers do with its rows, which a large file then need not wait
	 * for all at once after its last row
	 */
	CopyRows(PGConnection connection, String copySql, int fields, int statementRows) throws SQLException {
		this.connection = connection;
		this.copySql = copySql + " WITH (FORMAT binary)";
		this.fields = (short) fields;
		this.statementRows = statementRows;
		begin();
	}

	private void begin() throws SQLException {
		this.copy = this.connection.getCopyAPI().copyIn(this.copySql);
		System.arraycopy(HEADER, 0, this.buffer, 0, HEADER.length);
		this.position = HEADER.length;
		this.rowStart = this.position;
	}

	/** The number of rows sent. */
	int count() {
		return this.count;
	}

	/**
	 * Ends the COPY; the rows are then visible to this transaction only. Called once, also when
	 * reading failed, so the connection stays usable for recording a rejection.
	 * @throws LoadRefusedException when the database refused the file's data: the driver reads the
	 * server's answer to a COPY statement only at its end, writes only send
	 * @throws StagingFailedException when the database could not take the rows for any other reason
	 */
	public void finish() {
		if (this.failure != null) {
			throw new StagingFailedException(this.failure);
		}
		if (this.refused != null) {
			throw this.refused;
		}
		// A row left half written by a failure is not sent.
		this.position = this.rowStart;
		try {
			end();
		}
		catch (SQLException ex) {
			throw refusalOr(ex);
		}
	}

	/** Sends the whole rows written so far and the end of the data, and waits for the statement's end. */
	private void end() throws SQLException {
		int16(-1);
		this.copy.writeToCopy(this.buffer, 0, this.position);
		this.copy.endCopy();
	}

	/** What the open statement's failure is: the database refusing its rows, or the COPY failing. */
	private RuntimeException refusalOr(SQLException failure) {
		int base = this.lineBase;
		return LoadRefusedException.refusalOr(failure, line -> sourceRow(base + line), new StagingFailedException(failure));
	}

	/** Starts a row: subclasses then write each of its fields in the COPY's column order and call {@link #endRow()}. */
	final void startRow() {
		if (this.statementRows > 0 && this.count > this.lineBase && this.count % this.statementRows == 0) {
			nextStatement();
		}
		else if (this.position >= FLUSH_AT) {
			flush();
		}
		this.rowStart = this.position;
		int16(this.fields);
	}

	/**
	 * Ends the open COPY after its whole rows and opens the next. Rows the database refused are
	 * named by {@link #finish()}; those after them are not sent, the transaction being aborted.
	 */
	private void nextStatement() {
		if (this.copy == null) {
			this.position = 0;
			return;
		}
		try {
			end();
			this.lineBase = this.count;
			begin();
		}
		catch (SQLException ex) {
			RuntimeException thrown = refusalOr(ex);
			if (thrown instanceof LoadRefusedException refusal) {
				this.refused = refusal;
				this.copy = null;
				this.position = 0;
				return;
			}
			this.failure = ex;
			throw thrown;
		}
	}

	/** Ends the row that the file's {@code sourceRow} gave. */
	final void endRow(int sourceRow) {
		this.rowStart = this.position;
		this.count++;
		if (this.runs == 0 || sourceRow - this.runRows[this.runs - 1] != this.count - this.runLines[this.runs - 1]) {
			if (this.runs == this.runLines.length) {
				this.runLines = Arrays.copyOf(this.runLines, 2 * this.runs);
				this.runRows = Arrays.copyOf(this.runRows, 2 * this.runs);
			}
			this.runLines[this.runs] = this.count;
			this.runRows[this.runs] = sourceRow;
			this.runs++;
		}
	}

	/** The file's row that the COPY's {@code line}-th row came from, or 0 when none was sent as that line. */
	int sourceRow(long line) {
		if (line < 1 || line > this.count) {
			return 0;
		}
		int run = Arrays.binarySearch(this.runLines, 0, this.runs, (int) line);
		// Not a run's first line: in the run before the insertion point.
		run = (run >= 0) ? run : -run - 2;
		return this.runRows[run] + (int) (line - this.runLines[run]);
	}

	final void text(String value) {
		if (value == null) {
			int32(-1);
			return;
		}
		int length = value.length();
		// Three bytes for each char at most: a surrogate pair is two chars and four bytes.
		ensure(4 + 3 * length);
		int start = this.position + 4;
		int at = start;
		byte[] out = this.buffer;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				out[at++] = (byte) c;
			}
			else if (c < 0x800) {
				out[at++] = (byte) (0xC0 | (c >> 6));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
				int code = Character.toCodePoint(c, value.charAt(++i));
				out[at++] = (byte) (0xF0 | (code >> 18));
				out[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
				out[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (code & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				// A lone surrogate is no character: '?', as String.getBytes makes it.
				out[at++] = '?';
			}
			else {
				out[at++] = (byte) (0xE0 | (c >> 12));
				out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		int32(at - start);
		this.position = at;
	}

	final void int32Field(int value) {
		int32(4);
		int32(value);
	}

	final void dateField(LocalDate value) {
		if (value == null) {
			int32(-1);
			return;
		}
		int32Field(days(value));
	}

	/** Fields encoded once and written as they are: see {@link #encoded}. */
	final void encodedFields(byte[] fields) {
		ensure(fields.length);
		System.arraycopy(fields, 0, this.buffer, this.position, fields.length);
		this.position += fields.length;
	}

	/** Encodes text fields once, for values every row (or many rows) share; null stays null. */
	static byte[] encoded(String... values) {
		int length = 0;
		byte[][] bytes = new byte[values.length][];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (values[i] != null) ? values[i].getBytes(StandardCharsets.UTF_8) : null;
			length += 4 + ((bytes[i] != null) ? bytes[i].length : 0);
		}
		byte[] fields = new byte[length];
		int at = 0;
		for (byte[] value : bytes) {
			at = put32(fields, at, (value != null) ? value.length : -1);
			if (value != null) {
				System.arraycopy(value, 0, fields, at, value.length);
				at += value.length;
			}
		}
		return fields;
	}

	static int days(LocalDate date) {
		return Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY);
	}

	private void int16(int value) {
		ensure(2);
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	private void int32(int value) {
		ensure(4);
		this.position = put32(this.buffer, this.position, value);
	}

	private static int put32(byte[] out, int at, int value) {
		out[at] = (byte) (value >>> 24);
		out[at + 1] = (byte) (value >>> 16);
		out[at + 2] = (byte) (value >>> 8);
		out[at + 3] = (byte) value;
		return at + 4;
	}

	/** Room for {@code bytes} more; a row is never split, so a long one grows the buffer. */
	private void ensure(int bytes) {
		if (this.position + bytes > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.position + bytes));
		}
	}

	/** Sends the whole rows written so far; drops them once the database refused rows. */
	private void flush() {
		if (this.copy == null) {
			this.position = 0;
			this.rowStart = 0;
			return;
		}
		try {
			this.copy.writeToCopy(this.buffer, 0, this.position);
		}
		catch (SQLException ex) {
			// Kept as well as thrown: a reader may wrap what its callback throws.
			this.failure = ex;
			throw new StagingFailedException(ex);
		}
		this.position = 0;
		this.rowStart = 0;
	}

}
