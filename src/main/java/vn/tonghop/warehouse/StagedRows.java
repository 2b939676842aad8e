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
				+ "session_date, members, others) FROM STDIN", 8, 0);
	}

	public void add(StagedPoint point) {
		startRow();
		int32Field(point.sourceRow());
		text(point.pointName());
		text(point.level());
		text(point.hostText());
		text(point.format());
		dateField(point.sessionDate());
		int32Field(point.members());
		int32Field(point.others());
		endRow(point.sourceRow());
	}

}
