package vn.tonghop.warehouse;

import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Streams checked rows into the session's staging table with COPY, for a file whose rows cannot
 * go straight to the warehouse: where they belong is only known once it has been read.
 */
public final class StagedRows extends CopyRows {

	StagedRows(PGConnection connection) throws SQLException {
		super(connection, "COPY pg_temp.staging_participation (source_row, point_name, point_level, host_text, format, "
				+ "session_date, members, others) FROM STDIN");
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
		send();
	}

}
