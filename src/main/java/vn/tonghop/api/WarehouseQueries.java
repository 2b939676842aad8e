package vn.tonghop.api;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.units.UnitDirectory;

/** Conferences and the warehouse views, filtered and paged, for the API and the dashboard. */
@Component
public class WarehouseQueries {

	private static final String CONFERENCES = """
			SELECT code, title, start_date, end_date, deadline, scope
			FROM tonghop.conference
			WHERE (CAST(:from AS date) IS NULL OR start_date >= :from)
			  AND (CAST(:to AS date) IS NULL OR start_date <= :to)
			""";

	private static final String PROVINCES = """
			SELECT * FROM warehouse.participation_by_province
			WHERE conference_code = :conference
			  AND (CAST(:province AS text) IS NULL OR province_code = :province)
			""";

	private static final String UNITS = """
			SELECT * FROM warehouse.participation_by_unit
			WHERE conference_code = :conference
			  AND (CAST(:province AS text) IS NULL OR province_code = :province)
			  AND (CAST(:unit AS text) IS NULL OR reporting_unit_code = :unit)
			""";

	private static final String COMPLETENESS = """
			SELECT * FROM warehouse.completeness
			WHERE conference_code = :conference
			  AND (CAST(:province AS text) IS NULL OR province_code = :province)
			  AND (CAST(:unit AS text) IS NULL OR unit_code = :unit)
			  AND (NOT CAST(:missing AS boolean) OR NOT reported)
			""";

	private final NamedParameterJdbcTemplate jdbc;

	WarehouseQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Conferences whose start date lies within [from, to] (either end open when null), newest first. */
	public Page<ConferenceRow> conferences(LocalDate from, LocalDate to, PageRequest paging) {
		return PagedSql.page(this.jdbc, CONFERENCES, "start_date DESC, code",
				new MapSqlParameterSource("from", from).addValue("to", to), (rs, i) -> conference(rs), paging);
	}

	/** The conference whatever the case of its code's letters, as a file's cell names it. */
	public Optional<ConferenceRow> conference(String code) {
		return this.jdbc.query(CONFERENCES + " AND upper(code) = upper(:code)",
				new MapSqlParameterSource("from", null).addValue("to", null).addValue("code", code),
				(rs, i) -> conference(rs)).stream().findFirst();
	}

	/**
	 * The unit's code as the tree writes it, in any version: codes match whatever the case of their
	 * letters, as a folder's name and a cell's do. Empty when no unit has it.
	 */
	Optional<String> unitCode(String sent) {
		return UnitDirectory.storedCode(this.jdbc.getJdbcOperations(), sent);
	}

	/** A conference filter as the conference is stored; one no conference has is kept, and matches nothing. */
	String conferenceFilter(String sent) {
		return sent != null ? conference(sent).map(ConferenceRow::code).orElse(sent) : null;
	}

	/** A unit filter as the tree writes the code; one no unit has is kept, and matches nothing. */
	String unitFilter(String sent) {
		return sent != null ? unitCode(sent).orElse(sent) : null;
	}

	/** The provinces of a conference, by code; {@code province} null for all. */
	public Page<ProvinceRow> provinces(String conference, String province, PageRequest paging) {
		return PagedSql.page(this.jdbc, PROVINCES, "province_code",
				new MapSqlParameterSource("conference", conference).addValue("province", province),
				(rs, i) -> new ProvinceRow(rs.getString("conference_code"), rs.getString("province_code"),
						rs.getString("province_name"), rs.getLong("points"), rs.getLong("points_central"),
						rs.getLong("points_province"), rs.getLong("points_district"), rs.getLong("points_grassroots"),
						rs.getLong("points_cell"), rs.getLong("participants"), rs.getLong("members_attending"),
						rs.getLong("others_attending"), PagedSql.optionalLong(rs, "members_total"),
						PagedSql.optionalLong(rs, "members_studied"), rs.getBigDecimal("coverage_pct"),
						rs.getLong("units_expected"), rs.getLong("units_reported")),
				paging);
	}

	/**
	 * The reporting units of a conference that hold figures, by province and unit code. The view sums
	 * the conference's deltas per unit (V34), a few rows each, for any page: counted with the page,
	 * they are summed once, not twice.
	 */
	public Page<UnitRow> units(String conference, String province, String unit, PageRequest paging) {
		return PagedSql.pageCounted(this.jdbc, UNITS, "province_code, reporting_unit_code",
				new MapSqlParameterSource("conference", conference).addValue("province", province)
					.addValue("unit", unitFilter(unit)),
				(rs, i) -> new UnitRow(rs.getString("conference_code"), rs.getString("province_code"),
						rs.getString("province_name"), rs.getString("district_code"), rs.getString("reporting_unit_code"),
						rs.getString("reporting_unit_name"), rs.getLong("points"), rs.getLong("points_central"),
						rs.getLong("points_province"), rs.getLong("points_district"), rs.getLong("points_grassroots"),
						rs.getLong("points_cell"), rs.getLong("participants"), rs.getLong("members_attending"),
						rs.getLong("others_attending"), PagedSql.optionalLong(rs, "members_total"),
						PagedSql.optionalLong(rs, "members_studied"), rs.getBigDecimal("coverage_pct"),
						rs.getLong("units_expected"), rs.getLong("units_reported")),
				paging);
	}

	/**
	 * The units expected to report on a conference, each province's own committee first.
	 * @param missing only those that have not reported
	 */
	public Page<CompletenessRow> completeness(String conference, String province, String unit, boolean missing,
			PageRequest paging) {
		return PagedSql.page(this.jdbc, COMPLETENESS, "province_code, unit_code <> province_code, unit_code",
				new MapSqlParameterSource("conference", conference).addValue("province", province)
					.addValue("unit", unitFilter(unit))
					.addValue("missing", missing),
				(rs, i) -> new CompletenessRow(rs.getString("conference_code"), rs.getString("province_code"),
						rs.getString("unit_code"), rs.getString("unit_name"), rs.getBoolean("reported"),
						PagedSql.vietnamTime(rs, "submitted_at"), rs.getObject("deadline", LocalDate.class),
						rs.getObject("on_time", Boolean.class)),
				paging);
	}

	private static ConferenceRow conference(ResultSet rs) throws SQLException {
		Array scope = rs.getArray("scope");
		return new ConferenceRow(rs.getString("code"), rs.getString("title"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getObject("deadline", LocalDate.class),
				scope != null ? List.of((String[]) scope.getArray()) : null);
	}

}
