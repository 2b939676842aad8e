package vn.tonghop.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Runs a listing query as a count and one page of rows. */
final class PagedSql {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private PagedSql() {
	}

	/**
	 * @param query a SELECT without ORDER BY, filtered by {@code params}
	 * @param order the ORDER BY list; it must make the order total, or pages could overlap
	 */
	static <T> Page<T> page(NamedParameterJdbcTemplate jdbc, String query, String order, MapSqlParameterSource params,
			RowMapper<T> rows, PageRequest paging) {
		Long total = jdbc.queryForObject("SELECT count(*) FROM (" + query + ") counted", params, Long.class);
		long matching = total != null ? total : 0;
		if (paging.offset() >= matching) {
			return paging.of(List.of(), matching);
		}
		MapSqlParameterSource window = new MapSqlParameterSource(params.getValues())
			.addValue("limit", paging.size())
			.addValue("offset", paging.offset());
		return paging.of(jdbc.query(query + " ORDER BY " + order + " LIMIT :limit OFFSET :offset", window, rows), matching);
	}

	/**
	 * As {@link #page}, for a query that aggregates all it lists (a view summing the warehouse's
	 * rows): the page carries the count, so the query runs once, not once to count and again for the
	 * page. Only a page past the last one, which has no row to carry it, counts apart.
	 */
	static <T> Page<T> pageCounted(NamedParameterJdbcTemplate jdbc, String query, String order,
			MapSqlParameterSource params, RowMapper<T> rows, PageRequest paging) {
		MapSqlParameterSource window = new MapSqlParameterSource(params.getValues())
			.addValue("limit", paging.size())
			.addValue("offset", paging.offset());
		long[] matching = { 0 };
		List<T> items = jdbc.query("SELECT *, count(*) OVER () AS listed_total FROM (" + query + ") listed ORDER BY "
				+ order + " LIMIT :limit OFFSET :offset", window, (rs, i) -> {
					matching[0] = rs.getLong("listed_total");
					return rows.mapRow(rs, i);
				});
		if (items.isEmpty() && paging.offset() > 0) {
			Long total = jdbc.queryForObject("SELECT count(*) FROM (" + query + ") counted", params, Long.class);
			matching[0] = total != null ? total : 0;
		}
		return paging.of(items, matching[0]);
	}

	/** A moment as Vietnam's clocks showed it, the way analysts read deadlines. */
	static OffsetDateTime vietnamTime(ResultSet rs, String column) throws SQLException {
		OffsetDateTime moment = rs.getObject(column, OffsetDateTime.class);
		return moment != null ? moment.atZoneSameInstant(VIETNAM).toOffsetDateTime() : null;
	}

	static Long optionalLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
