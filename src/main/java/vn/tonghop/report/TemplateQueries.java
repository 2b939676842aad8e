package vn.tonghop.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The unit, its sub-units and the conference a template is made for. */
@Component
class TemplateQueries {

	private static final String VALID_ON = "(valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)";

	private final JdbcTemplate jdbc;

	TemplateQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TemplateConference> conference(String code) {
		return this.jdbc.query("SELECT code, title, start_date FROM tonghop.conference WHERE code = ?",
				(rs, i) -> new TemplateConference(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)), code)
			.stream()
			.findFirst();
	}

	Optional<TemplateUnit> unit(String code, LocalDate on) {
		return this.jdbc.query("SELECT code, name, kind FROM tonghop.unit WHERE code = ? AND " + VALID_ON,
				(rs, i) -> new TemplateUnit(rs.getString(1), rs.getString(2), rs.getString(3)), code, on, on)
			.stream()
			.findFirst();
	}

	/** The units directly under the unit on that day, in code order. */
	List<TemplateUnit> children(String code, LocalDate on) {
		return this.jdbc.query("SELECT code, name, kind FROM tonghop.unit WHERE parent_code = ? AND " + VALID_ON
				+ " ORDER BY code", (rs, i) -> new TemplateUnit(rs.getString(1), rs.getString(2), rs.getString(3)), code,
				on, on);
	}

	record TemplateConference(String code, String title, LocalDate startDate) {
	}

	record TemplateUnit(String code, String name, String kind) {
	}

}
