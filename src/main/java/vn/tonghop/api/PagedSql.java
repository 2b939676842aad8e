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
		long matching = count(jdbc, query, params);
		if (paging.offset() >= matching) {
			return paging.of(List.of(), matching);
		}
		return paging.of(jdbc.query(query + " ORDER BY " + order + " LIMIT :limit OFFSET :offset", window(params, paging),
				rows), matching);
	}

	/**
	 * As {@link #page}, for a query that aggregates all it lists (a view summing the warehouse's
	 * rows): the page carries the count, so the query runs once, not once to count and again for the
	 * page. Only a page past the last one, which has no row to carry it, counts apart.
	 */
	static <T> Page<T> pageCounted(NamedParameterJdbcTemplate jdbc, String query, String order,
			MapSqlParameterSource params, RowMapper<T> rows, PageRequest paging) {
		long[] matching = { 0 };
		List<T> items = jdbc.query("SELECT *, count(*) OVER () AS listed_total FROM (" + query + ") listed ORDER BY "
				+ order + " LIMIT :limit OFFSET :offset", window(params, paging), (rs, i) -> {
					matching[0] = rs.getLong("listed_total");
					return rows.mapRow(rs, i);
				});
		if (items.isEmpty() && paging.offset() > 0) {
			matching[0] = count(jdbc, query, params);
		}
		return paging.of(items, matching[0]);
	}

	private static long count(NamedParameterJdbcTemplate jdbc, String query, MapSqlParameterSource params) {
		Long total = jdbc.queryForObject("SELECT count(*) FROM (" + query + ") counted", params, Long.class);
		return total != null ? total : 0;
	}

	/** The query's parameters with the page's LIMIT and OFFSET. */
	private static MapSqlParameterSource window(MapSqlParameterSource params, PageRequest paging) {
		return new MapSqlParameterSource(params.getValues()).addValue("limit", paging.size())
			.addValue("offset", paging.offset());
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
