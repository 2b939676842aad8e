package vn.tonghop.warehouse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams checked rows into the session's staging table with COPY, so a file's rows never sit
 * in memory together.
 */
public final class StagedRows {

	private static final int BUFFER = 1 << 16;

	private final PGCopyOutputStream copy;

	private final BufferedWriter out;

	private final StringBuilder line = new StringBuilder(256);

	private int count;

	private IOException failure;

	StagedRows(PGConnection connection) throws java.sql.SQLException {
		this.copy = new PGCopyOutputStream(connection,
				"COPY pg_temp.staging_participation (source_row, point_name, point_level, host_text, format, "
						+ "session_date, members, others) FROM STDIN",
				BUFFER);
		this.out = new BufferedWriter(new OutputStreamWriter(this.copy, StandardCharsets.UTF_8), BUFFER);
	}

	public void add(StagedPoint point) {
		this.line.setLength(0);
		this.line.append(point.sourceRow()).append('\t');
		field(point.pointName()).append('\t');
		field(point.level()).append('\t');
		field(point.hostText()).append('\t');
		field(point.format()).append('\t');
		field(point.sessionDate() != null ? point.sessionDate().toString() : null).append('\t');
		this.line.append(point.members()).append('\t').append(point.others()).append('\n');
		try {
			this.out.append(this.line);
		}
		catch (IOException ex) {
			// Kept as well as thrown: a reader may wrap what its callback throws.
			this.failure = ex;
			throw new UncheckedIOException("COPY into staging failed", ex);
		}
		this.count++;
	}

	public int count() {
		return this.count;
	}

	/** Ends the COPY; the rows are then visible to this transaction only. */
	void finish() {
		if (this.failure != null) {
			throw new StagingFailedException(this.failure);
		}
		try {
			this.out.flush();
			this.copy.endCopy();
		}
		catch (IOException | java.sql.SQLException ex) {
			throw new StagingFailedException(ex);
		}
	}

	// COPY text format: backslash escapes, \N is null.
	private StringBuilder field(String value) {
		if (value == null) {
			return this.line.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> this.line.append("\\\\");
				case '\t' -> this.line.append("\\t");
				case '\n' -> this.line.append("\\n");
				case '\r' -> this.line.append("\\r");
				default -> this.line.append(c);
			}
		}
		return this.line;
	}

}
