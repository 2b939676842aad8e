package vn.tonghop.conference;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** Reading rows of {@code tonghop.conference}, shared by the importer and the directory. */
final class ConferenceTable {

	static final String SELECT = "SELECT code, title, start_date, end_date, deadline, scope FROM tonghop.conference";

	private ConferenceTable() {
	}

	static Conference conference(ResultSet row) throws SQLException {
		Array scope = row.getArray("scope");
		return new Conference(row.getString("code"), row.getString("title"),
				row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
				row.getObject("deadline", LocalDate.class), scope != null ? List.of((String[]) scope.getArray()) : List.of());
	}

}
