package vn.tonghop.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Reads the consolidated report's figures from the warehouse views. */
@Component
class ReportQueries {

	private static final String VALID_ON = "(valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)";

	private final JdbcTemplate jdbc;

	ReportQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The conference whatever the case of its code's letters, as a file's cell names it. */
	Optional<ConferenceLine> conference(String code) {
		return this.jdbc.query(
				"SELECT code, title, start_date, end_date, deadline FROM tonghop.conference WHERE upper(code) = upper(?)",
				(rs, i) -> new ConferenceLine(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)),
				code).stream().findFirst();
	}

	/** Provinces of the conference that expect reports or hold figures, optionally only one. */
	List<ProvinceLine> provinces(String conference, String province) {
		return this.jdbc.query("""
				SELECT province_code, coalesce(province_name, province_code), units_expected, units_reported
				FROM warehouse.participation_by_province
				WHERE conference_code = ? AND (?::text IS NULL OR province_code = ?)
				ORDER BY province_code
				""", (rs, i) -> new ProvinceLine(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
				conference, province, province);
	}

	/**
	 * Every unit expected to report in each province (or only {@code province}), with its figures (zero
	 * when it has not reported), by province code. The conference's figures are aggregated once for all
	 * its provinces: per province, over millions of rows, a national report took minutes.
	 */
	Map<String, List<UnitLine>> units(String conference, String province) {
		Map<String, List<UnitLine>> byProvince = new LinkedHashMap<>();
		this.jdbc.query("""
				WITH figures AS MATERIALIZED (
				    SELECT * FROM warehouse.participation_by_unit WHERE conference_code = ?
				), units AS (
				    SELECT province_code, unit_code, unit_name FROM warehouse.completeness
				    WHERE conference_code = ? AND (?::text IS NULL OR province_code = ?)
				    UNION
				    SELECT province_code, reporting_unit_code, reporting_unit_name FROM figures
				    WHERE ?::text IS NULL OR province_code = ?
				)
				SELECT u.province_code, u.unit_code, coalesce(u.unit_name, u.unit_code), f.reporting_unit_code IS NOT NULL,
				       coalesce(f.points_central, 0), coalesce(f.points_province, 0), coalesce(f.points_district, 0),
				       coalesce(f.points_grassroots, 0), coalesce(f.points_cell, 0), coalesce(f.points, 0),
				       coalesce(f.members_attending, 0), coalesce(f.others_attending, 0), coalesce(f.participants, 0),
				       f.members_total::bigint, f.members_studied::bigint, f.coverage_pct
				FROM units u
				LEFT JOIN figures f ON f.reporting_unit_code = u.unit_code
				ORDER BY u.province_code, u.unit_code <> u.province_code, u.unit_code
				""", (RowCallbackHandler) rs -> byProvince.computeIfAbsent(rs.getString(1), code -> new ArrayList<>())
			.add(new UnitLine(rs.getString(2), rs.getString(3), rs.getBoolean(4),
					new long[] { rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10) },
					rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getObject(14, Long.class),
					rs.getObject(15, Long.class), rs.getObject(16, BigDecimal.class))),
				conference, conference, province, province, province, province);
		return byProvince;
	}

	List<CompletenessLine> completeness(String conference, String province) {
		return this.jdbc.query("""
				SELECT province_code, unit_code, coalesce(unit_name, unit_code), reported, submitted_at, on_time
				FROM warehouse.completeness
				WHERE conference_code = ? AND (?::text IS NULL OR province_code = ?)
				ORDER BY province_code, unit_code <> province_code, unit_code
				""", (rs, i) -> new CompletenessLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
				rs.getObject(5, OffsetDateTime.class), rs.getObject(6, Boolean.class)), conference, province, province);
	}

	/** The unit with this code on that day; the code matches whatever the case, as a folder's name does. */
	Optional<TreeUnit> unit(String code, LocalDate on) {
		return this.jdbc.query("SELECT code, name, kind FROM tonghop.unit WHERE upper(code) = upper(?) AND " + VALID_ON
				+ " ORDER BY code = ? DESC, code", (rs, i) -> new TreeUnit(rs.getString(1), rs.getString(2), rs.getString(3)),
				code, on, on, code)
			.stream()
			.findFirst();
	}

	/** The units directly under the unit on that day, in code order. */
	List<TreeUnit> children(String code, LocalDate on) {
		return this.jdbc.query("SELECT code, name, kind FROM tonghop.unit WHERE parent_code = ? AND " + VALID_ON
				+ " ORDER BY code", (rs, i) -> new TreeUnit(rs.getString(1), rs.getString(2), rs.getString(3)), code, on,
				on);
	}

	/** A unit of the tree as it stood on a day: what a template lists. */
	record TreeUnit(String code, String name, String kind) {
	}

	record ConferenceLine(String code, String title, LocalDate start, LocalDate end, LocalDate deadline) {
	}

	record ProvinceLine(String code, String name, long expected, long reported) {
	}

	/**
	 * @param points by level (central, province, district, grassroots, cell) and then all together
	 */
	record UnitLine(String code, String name, boolean reported, long[] points, long members, long others,
			long participants, Long membersTotal, Long membersStudied, BigDecimal coveragePct) {
	}

	record CompletenessLine(String province, String unitCode, String unitName, boolean reported,
			OffsetDateTime submittedAt, Boolean onTime) {
	}

}
