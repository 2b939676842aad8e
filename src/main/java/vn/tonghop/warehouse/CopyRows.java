package vn.tonghop.warehouse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A COPY in text format that rows are written to one line at a time, so a file's rows never sit
 * in memory together.
 */
public abstract sealed class CopyRows permits StagedRows, LoadedRows {

	private static final int BUFFER = 1 << 16;

	private final PGCopyOutputStream copy;

	private final BufferedWriter out;

	/** The line being built; subclasses append their fields and call {@link #send()}. */
	final StringBuilder line = new StringBuilder(256);

	private int count;

	private IOException failure;

	CopyRows(PGConnection connection, String copySql) throws SQLException {
		this.copy = new PGCopyOutputStream(connection, copySql, BUFFER);
		this.out = new BufferedWriter(new OutputStreamWriter(this.copy, StandardCharsets.UTF_8), BUFFER);
	}

	/** The number of rows sent. */
	public int count() {
		return this.count;
	}

	/**
	 * Ends the COPY; the rows are then visible to this transaction only. Called once, also when
	 * reading failed, so the connection stays usable for recording a rejection.
	 * @throws StagingFailedException when the database could not take the rows
	 */
	public void finish() {
		if (this.failure != null) {
			throw new StagingFailedException(this.failure);
		}
		try {
			this.out.flush();
			this.copy.endCopy();
		}
		catch (IOException | SQLException ex) {
			throw new StagingFailedException(ex);
		}
	}

	final void send() {
		try {
			this.out.append(this.line);
		}
		catch (IOException ex) {
			// Kept as well as thrown: a reader may wrap what its callback throws.
			this.failure = ex;
			throw new UncheckedIOException("COPY into the database failed", ex);
		}
		this.count++;
	}

	/** Appends a field in COPY text format: backslash escapes, \N for null. */
	final StringBuilder field(String value) {
		return escape(this.line, value);
	}

	static StringBuilder escape(StringBuilder line, String value) {
		if (value == null) {
			return line.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> line.append("\\\\");
				case '\t' -> line.append("\\t");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				default -> line.append(c);
			}
		}
		return line;
	}

}
