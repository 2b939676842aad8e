package vn.tonghop.units;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** Reading rows of {@code tonghop.unit}, shared by the importer and the directory. */
final class UnitTable {

	static final String SELECT = "SELECT code, name, kind, parent_code, valid_from, valid_to, aliases FROM tonghop.unit";

	private UnitTable() {
	}

	static Unit unit(ResultSet row) throws SQLException {
		return new Unit(row.getString("code"), row.getString("name"), row.getString("kind"),
				row.getString("parent_code"), row.getObject("valid_from", LocalDate.class),
				row.getObject("valid_to", LocalDate.class), List.of((String[]) row.getArray("aliases").getArray()));
	}

}
