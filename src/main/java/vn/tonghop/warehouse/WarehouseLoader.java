package vn.tonghop.warehouse;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.tonghop.sheet.Field;

/**
 * Loads one submission's rows into the warehouse, in the caller's transaction, so a rejected or
 * failed file leaves no trace. A file whose conference and unit are known before its first row
 * is COPYed straight into the warehouse while it is read; any other file is COPYed into a
 * temporary staging table and placed in one set-based statement once read. Either way its rows go
 * in behind a savepoint, so rows the database refuses ({@link LoadRefusedException}) are taken back
 * and the transaction goes on to record the rejection.
 */
@Component
public class WarehouseLoader {

	/** Where a file's rows are taken back to when it turns out to be rejected or the database refuses them. */
	private static final String SAVEPOINT = "tonghop_load";

	/** The unit's lock taken at once, asked of a file moving to a unit that sorts before the one it stands for. */
	private static final String LOCK_MOVING_BACK = UnitLock.TRY + " "
			+ "FROM tonghop.submission WHERE id = ? AND is_current AND (?::text, ?::text) < (conference_code, unit_code)";

	/**
	 * The unit's lock and the rows of the version standing there, each taken only if free: whether
	 * all were. The rows are the ones a load retires, which another transaction may hold without the
	 * lock (a rerun making it pending again).
	 */
	private static final String TRY_UNIT_AND_STANDING = """
			WITH standing AS (SELECT id FROM tonghop.submission WHERE conference_code = ? AND unit_code = ? AND is_current),
			taken AS (SELECT id FROM tonghop.submission WHERE id IN (SELECT id FROM standing) FOR NO KEY UPDATE SKIP LOCKED)
			""" + UnitLock.TRY + " AND (SELECT count(*) FROM standing) = (SELECT count(*) FROM taken)";

	/** Waits until no other transaction holds a row of the version standing for the unit. */
	private static final String AWAIT_STANDING = "SELECT id FROM tonghop.submission "
			+ "WHERE conference_code = ? AND unit_code = ? AND is_current FOR SHARE";

	/** The file's column each column of warehouse.participation and of the staging table takes its value from. */
	private static final Map<String, Field> FIELDS = Map.ofEntries(Map.entry("point_name", Field.POINT_NAME),
			Map.entry("point_level", Field.LEVEL), Map.entry("format", Field.FORMAT),
			Map.entry("session_date", Field.DATE), Map.entry("host_unit_code", Field.HOST_UNIT),
			Map.entry("host_text", Field.HOST_UNIT), Map.entry("members_attending", Field.MEMBERS),
			Map.entry("members", Field.MEMBERS), Map.entry("others_attending", Field.OTHERS),
			Map.entry("others", Field.OTHERS), Map.entry("participants", Field.TOTAL));

	/** The tables a file's rows are COPYed or placed into. */
	private static final Set<String> ROW_TABLES = Set.of("participation", "staging_participation");

	private final JdbcTemplate jdbc;

	/** Whether this thread's loads only try what they take: see {@link #withoutWaiting}. */
	private final ThreadLocal<Boolean> trying = new ThreadLocal<>();

	WarehouseLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs work (a dry run's transaction) in which this thread's loads never wait for a unit: where one
	 * would wait for the unit's lock, or for the version standing there, that another transaction holds,
	 * it throws {@link UnitBusyException} instead. A dry run keeps what it took until its transaction
	 * ends; waiting meanwhile, it could wait for a run that waits for it (a file it moves to a unit the
	 * dry run took), and the database would end one of them.
	 */
	public <T> T withoutWaiting(Supplier<T> work) {
		this.trying.set(true);
		try {
			return work.get();
		}
		finally {
			this.trying.remove();
		}
	}

	/**
	 * Waits until the unit is free: no transaction holds its lock, nor the version standing there.
	 * Outside any transaction, so that each wait lets go at once: what was busy for
	 * {@link #withoutWaiting} is waited for holding nothing.
	 */
	public void awaitFree(String conferenceCode, String unitCode) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Waiting for a unit inside a transaction would hold what it took meanwhile");
		}
		this.jdbc.query(UnitLock.AWAIT, rs -> null, conferenceCode, unitCode);
		this.jdbc.query(AWAIT_STANDING, rs -> null, conferenceCode, unitCode);
	}

	/**
	 * Opens a COPY into a fresh staging table of this transaction, after a savepoint: what the
	 * database refuses of the staging or the placing is taken back with {@link #takeBack}. The caller
	 * ends it with {@link CopyRows#finish()}, also when reading fails. The stream stays on the
	 * transaction's connection.
	 */
	public StagedRows stage() {
		requireTransaction();
		// ON COMMIT DELETE ROWS: the table lives with the pooled session, its rows with the transaction.
		// DELETE, not TRUNCATE: truncating gives the table new files, a cost paid on every small file.
		// All three in one round trip; the savepoint after the table, which a rollback to it keeps.
		this.jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS staging_participation (source_row integer, "
				+ "point_name text, point_level text, host_text text, format text, session_date date, "
				+ "members integer, others integer) ON COMMIT DELETE ROWS; DELETE FROM pg_temp.staging_participation; "
				+ "SAVEPOINT " + SAVEPOINT);
		return this.jdbc.execute((ConnectionCallback<StagedRows>) connection -> new StagedRows(
				connection.unwrap(PGConnection.class)));
	}

	/**
	 * Starts replacing the unit's rows for the conference with rows COPYed straight in: takes the
	 * unit's lock, sets a savepoint and takes the earlier rows out. The caller ends the COPY with
	 * {@link CopyRows#finish()}, then calls {@link #completeReplacing} or {@link #takeBack}.
	 * @return the open COPY, or empty, changing nothing, when a version that arrived later stands
	 */
	public Optional<LoadedRows> startReplacing(Target target) {
		requireTransaction();
		Standing standing = lockAndCheck(target);
		if (standing.superseded()) {
			return Optional.empty();
		}
		if (standing.elsewhere()) {
			this.jdbc.execute("SAVEPOINT " + SAVEPOINT);
			withdraw(target.submissionId());
			remove(target.conferenceCode(), target.reportingUnitCode(), "");
		}
		else {
			remove(target.conferenceCode(), target.reportingUnitCode(), "SAVEPOINT " + SAVEPOINT + "; ");
		}
		return Optional.of(this.jdbc.execute(
				(ConnectionCallback<LoadedRows>) connection -> new LoadedRows(connection.unwrap(PGConnection.class), target)));
	}

	/**
	 * Records what the rows streamed in changed, and the unit summary, once the file is accepted.
	 * @throws LoadRefusedException when the database refuses them; the caller takes the rows back
	 */
	public void completeReplacing(LoadedRows rows, Coverage coverage) {
		try {
			recordChange(rows.target(), rows.totals());
			insertCoverage(rows.target(), coverage);
		}
		catch (DataAccessException ex) {
			throw LoadRefusedException.refusalOr(ex);
		}
	}

	/**
	 * Undoes everything since {@link #startReplacing} or {@link #stage}: the file turned out to be
	 * rejected, or the database refused its rows (which leaves the transaction usable again).
	 */
	public void takeBack() {
		this.jdbc.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
	}

	/**
	 * The file's column the database refused a value of: the one it named, else the one column of the
	 * constraint the rows broke; empty when it names none, several, or one no cell fills. Asked after
	 * {@link #takeBack}: the refusal left the transaction unusable until then.
	 */
	public Optional<Field> refusedField(LoadRefusedException refused) {
		// Only the rows' tables: a column of another (a change recorded, a unit's summary) is no cell of the table.
		if (refused.table() == null || !ROW_TABLES.contains(refused.table())) {
			return Optional.empty();
		}
		String column = refused.column();
		if (column == null && refused.constraint() != null) {
			column = this.jdbc.query("""
					SELECT a.attname FROM pg_constraint c
					JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
					WHERE c.conname = ? AND c.conrelid = to_regclass(format('%I.%I', ?::text, ?::text))
					    AND cardinality(c.conkey) = 1
					""", (rs, i) -> rs.getString(1), refused.constraint(), refused.schema(), refused.table())
				.stream()
				.findFirst()
				.orElse(null);
		}
		return (column != null) ? Optional.ofNullable(FIELDS.get(column)) : Optional.empty();
	}

	/**
	 * Point names that occur more than once under the same host unit, with their rows. The host
	 * unit is the one the rows are placed under: a host written two ways is still one host.
	 * @param reportingUnitCode the unit hosting rows that name no host
	 * @param hosts the host units as written and where they resolved to
	 */
	public List<DuplicatePoint> duplicatePoints(String reportingUnitCode, List<HostPlacement> hosts, int limit) {
		return this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT (array_agg(s.point_name ORDER BY s.source_row))[1], count(*),
					    array_to_string((array_agg(s.source_row ORDER BY s.source_row))[1:10], ', '),
					    min(s.source_row)
					FROM pg_temp.staging_participation s
					LEFT JOIN unnest(?::text[], ?::text[]) AS h(host_text, code) ON h.host_text = s.host_text
					GROUP BY tonghop.point_key(s.point_name), CASE WHEN s.host_text IS NULL THEN ? ELSE coalesce(h.code, s.host_text) END
					HAVING count(*) > 1 ORDER BY min(s.source_row) LIMIT ?
					""")) {
				select.setArray(1, textArray(connection, hosts.stream().map(HostPlacement::text).toList()));
				select.setArray(2, textArray(connection, hosts.stream().map(HostPlacement::code).toList()));
				select.setString(3, reportingUnitCode);
				select.setInt(4, limit);
				return duplicates(select);
			}
		});
	}

	/**
	 * Of rows streamed straight in, the point names that occur more than once under the same host
	 * unit: an exact look at the rows that may, which are few or none.
	 * @param candidateRows the rows that may repeat a point (see PointTally)
	 */
	public List<DuplicatePoint> duplicatePoints(LoadedRows rows, int[] candidateRows, int limit) {
		return this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT (array_agg(point_name ORDER BY source_row))[1], count(*),
					    array_to_string((array_agg(source_row ORDER BY source_row))[1:10], ', '),
					    min(source_row)
					FROM warehouse.participation
					WHERE conference_code = ? AND reporting_unit_code = ? AND source_row = ANY (?)
					GROUP BY tonghop.point_key(point_name), host_unit_code
					HAVING count(*) > 1 ORDER BY min(source_row) LIMIT ?
					""")) {
				select.setString(1, rows.target().conferenceCode());
				select.setString(2, rows.target().reportingUnitCode());
				select.setArray(3, connection.createArrayOf("integer",
						Arrays.stream(candidateRows).boxed().toArray()));
				select.setInt(4, limit);
				return duplicates(select);
			}
		});
	}

	/**
	 * Rows above a participants figure, in row order.
	 * @param rows where the file's rows are: staged, or streamed straight in
	 * @param above the figure (see PointTally#outliersAbove)
	 * @param typical the median, reported with each row
	 */
	public List<Outlier> outliers(CopyRows rows, int above, int typical, int limit) {
		RowMapper<Outlier> outlier = (rs, i) -> new Outlier(rs.getInt(1), rs.getString(2), rs.getInt(3), typical);
		if (rows instanceof LoadedRows loaded) {
			return this.jdbc.query("SELECT source_row, point_name, participants FROM warehouse.participation "
					+ "WHERE conference_code = ? AND reporting_unit_code = ? AND participants > ? ORDER BY source_row LIMIT ?",
					outlier, loaded.target().conferenceCode(), loaded.target().reportingUnitCode(), above, limit);
		}
		return this.jdbc.query("SELECT source_row, point_name, members + others FROM pg_temp.staging_participation "
				+ "WHERE members + others > ? ORDER BY source_row LIMIT ?", outlier, above, limit);
	}

	/** Staged rows whose date falls outside [from, to]. */
	public List<DatedRow> datesOutside(LocalDate from, LocalDate to, int limit) {
		return this.jdbc.query("SELECT source_row, session_date FROM pg_temp.staging_participation "
				+ "WHERE session_date < ? OR session_date > ? ORDER BY source_row LIMIT ?",
				(rs, i) -> new DatedRow(rs.getInt(1), rs.getObject(2, LocalDate.class)), from, to, limit);
	}

	/**
	 * Replaces the reporting unit's rows for the conference with the staged ones. Loads for the
	 * same (unit, conference) are serialized by an advisory lock so two instances cannot interleave.
	 * @return false, changing nothing, when a version that arrived later already stands
	 * @throws LoadRefusedException when the database refuses the rows; the caller takes them back
	 */
	public boolean replace(Target target, List<HostPlacement> hosts, Coverage coverage) {
		try {
			return place(target, hosts, coverage);
		}
		catch (DataAccessException ex) {
			throw LoadRefusedException.refusalOr(ex);
		}
	}

	private boolean place(Target target, List<HostPlacement> hosts, Coverage coverage) {
		Standing standing = lockAndCheck(target);
		if (standing.elsewhere()) {
			withdraw(target.submissionId());
		}
		if (standing.superseded()) {
			return false;
		}
		remove(target.conferenceCode(), target.reportingUnitCode(), "");
		Totals inserted = this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement insert = connection.prepareStatement("""
					WITH inserted AS (
					INSERT INTO warehouse.participation (conference_code, province_code, district_code,
					    reporting_unit_code, host_unit_code, point_name, point_level, format, session_date,
					    members_attending, others_attending, participants, submission_id, source_row)
					SELECT ?, ?, CASE WHEN s.point_level IN ('central', 'province') THEN NULL
					        WHEN s.host_text IS NULL THEN ? ELSE h.district_code END,
					    ?, coalesce(h.code, ?), s.point_name, s.point_level, s.format, coalesce(s.session_date, ?),
					    s.members, s.others, s.members + s.others, ?, s.source_row
					FROM pg_temp.staging_participation s
					LEFT JOIN unnest(?::text[], ?::text[], ?::text[]) AS h(host_text, code, district_code)
					    ON h.host_text = s.host_text
					RETURNING members_attending, others_attending)
					SELECT count(*), coalesce(sum(members_attending), 0), coalesce(sum(others_attending), 0) FROM inserted
					""")) {
				int i = 0;
				insert.setString(++i, target.conferenceCode());
				insert.setString(++i, target.provinceCode());
				insert.setString(++i, target.districtCode());
				insert.setString(++i, target.reportingUnitCode());
				insert.setString(++i, target.reportingUnitCode());
				insert.setDate(++i, Date.valueOf(target.defaultDate()));
				insert.setLong(++i, target.submissionId());
				insert.setArray(++i, textArray(connection, hosts.stream().map(HostPlacement::text).toList()));
				insert.setArray(++i, textArray(connection, hosts.stream().map(HostPlacement::code).toList()));
				insert.setArray(++i, textArray(connection, hosts.stream().map(HostPlacement::districtCode).toList()));
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					return new Totals(rs.getInt(1), rs.getLong(2), rs.getLong(3));
				}
			}
		});
		recordChange(target, inserted);
		insertCoverage(target, coverage);
		return true;
	}

	/**
	 * The version standing for the unit and conference: what a file that arrived before it is told.
	 * Empty when that version is the file's own bytes (a copy dropped elsewhere, finished first): the
	 * rows that stand are the file's, so it does count.
	 */
	public Optional<StandingVersion> standingVersion(String conferenceCode, String reportingUnitCode,
			long submissionId) {
		return this.jdbc.query("SELECT c.id, c.source_path, (c.received_at, c.id) < (me.received_at, me.id) "
				+ "FROM tonghop.submission c JOIN tonghop.submission me "
				+ "ON me.id = ? WHERE c.is_current AND c.conference_code = ? AND c.unit_code = ? "
				+ "AND c.content_hash <> me.content_hash",
				(rs, i) -> new StandingVersion(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), submissionId,
				conferenceCode, reportingUnitCode).stream().findFirst();
	}

	private void insertCoverage(Target target, Coverage coverage) {
		if (coverage != null) {
			this.jdbc.update("INSERT INTO warehouse.unit_coverage (conference_code, province_code, district_code, "
					+ "reporting_unit_code, members_total, members_studied, coverage_pct, submission_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", target.conferenceCode(), target.provinceCode(),
					target.districtCode(), target.reportingUnitCode(), coverage.membersTotal(),
					coverage.membersStudied(), coverage.percent(), target.submissionId());
		}
	}

	/**
	 * Takes the submission's rows out of the warehouse when it is the version standing there: a
	 * rerun under changed rules or units rejected it, and the warehouse holds only files that pass.
	 * The removal is recorded as a change like any load, and the submission no longer stands: an
	 * earlier version loaded in its place replaced nothing. Nothing happens when it is not standing.
	 */
	public void withdraw(long submissionId) {
		List<Target> standing = this.jdbc.query("SELECT conference_code, unit_code FROM tonghop.submission "
				+ "WHERE id = ? AND is_current", (rs, i) -> new Target(submissionId, rs.getString(1), null, null,
						rs.getString(2), null, true), submissionId);
		if (standing.isEmpty()) {
			return;
		}
		lock(submissionId, standing.get(0).conferenceCode(), standing.get(0).reportingUnitCode());
		remove(standing.get(0).conferenceCode(), standing.get(0).reportingUnitCode(), "");
		recordChange(standing.get(0), Totals.NONE);
		this.jdbc.update("UPDATE tonghop.submission SET is_current = false WHERE id = ?", submissionId);
	}

	/** Serialises loads of one unit for one conference, across instances, until the transaction ends. */
	private void lock(long submissionId, String conferenceCode, String reportingUnitCode) {
		if (trying()) {
			tryLock(submissionId, conferenceCode, reportingUnitCode);
		}
		else {
			this.jdbc.query(UnitLock.AWAIT, rs -> null, conferenceCode, reportingUnitCode);
		}
	}

	/** Whether this thread is in {@link #withoutWaiting}. */
	private boolean trying() {
		return Boolean.TRUE.equals(this.trying.get());
	}

	/** Takes the unit's lock and its standing version's rows, as {@link #withoutWaiting} does. */
	private void tryLock(long submissionId, String conferenceCode, String reportingUnitCode) {
		if (!this.jdbc.queryForObject(TRY_UNIT_AND_STANDING, Boolean.class, conferenceCode, reportingUnitCode,
				conferenceCode, reportingUnitCode)) {
			throw UnitBusyException.held(submissionId, conferenceCode, reportingUnitCode);
		}
	}

	/**
	 * Takes the unit's lock, then tells whether a version that arrived later already stands: two
	 * instances may finish two versions in either order, and the newest arrival must win whatever
	 * the order of the commits. Bytes arrive when they first came for the unit: an old version
	 * dropped again in another folder (a submission of its own there) is no newer than it was, both
	 * for this file and for the version standing (which may be such a copy, finished first). And
	 * whether this file stands for another unit or conference: rerun
	 * under changed aliases, a file can move, and its rows must move with it. One round trip; the
	 * second statement sees what was committed before the lock was granted.
	 * <p>
	 * A file that stands, claimed again by a rerun, holds its unit's lock since the claim, so a file
	 * moving holds two units' locks. Two files swapping units would each wait for the other's: the
	 * locks are taken in the order of (conference, unit), and the file that would take them out of that
	 * order does not wait but lets go, as {@link UnitBusyException}; in {@link #withoutWaiting}, any
	 * file does.
	 * @throws UnitBusyException when this file moves back in that order and the unit's lock is held, or
	 * in {@link #withoutWaiting} when the unit is busy
	 */
	private Standing lockAndCheck(Target target) {
		if (trying()) {
			// Then the lock below is this transaction's already, and granted at once.
			tryLock(target.submissionId(), target.conferenceCode(), target.reportingUnitCode());
		}
		// Only a standing file holds a unit's lock since its claim: a file a scan took skips the round trip.
		else if (target.standing() && this.jdbc.queryForList(LOCK_MOVING_BACK, Boolean.class, target.conferenceCode(),
				target.reportingUnitCode(), target.submissionId(), target.conferenceCode(), target.reportingUnitCode())
			.contains(false)) {
			throw new UnitBusyException(target.submissionId(), target.conferenceCode(), target.reportingUnitCode());
		}
		return this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UnitLock.AWAIT + "; " + """
					SELECT EXISTS (SELECT 1 FROM tonghop.submission c
					               CROSS JOIN LATERAL tonghop.submission_arrival(c.id, c.conference_code, c.unit_code) standing
					               WHERE c.is_current AND c.conference_code = ? AND c.unit_code = ? AND c.id <> me.id
					                 AND (standing.received_at, standing.id) > (arrival.received_at, arrival.id)),
					       me.is_current AND (me.conference_code, me.unit_code) IS DISTINCT FROM (?, ?)
					FROM tonghop.submission me
					CROSS JOIN LATERAL tonghop.submission_arrival(me.id, ?, ?) arrival
					WHERE me.id = ?
					""")) {
				int i = 0;
				// The lock's, the standing version's, the comparison's and this file's arrival's.
				for (int pair = 0; pair < 4; pair++) {
					statement.setString(++i, target.conferenceCode());
					statement.setString(++i, target.reportingUnitCode());
				}
				statement.setLong(++i, target.submissionId());
				statement.execute();
				statement.getMoreResults();
				try (ResultSet rs = statement.getResultSet()) {
					rs.next();
					return new Standing(rs.getBoolean(1), rs.getBoolean(2));
				}
			}
		});
	}

	private record Standing(boolean superseded, boolean elsewhere) {
	}

	/**
	 * Deletes a unit's rows for a conference, keeping them for this transaction to compute the change.
	 * @param before a statement to send first in the same round trip, or ""
	 */
	private void remove(String conferenceCode, String reportingUnitCode, String before) {
		// Four statements, one round trip: the driver sends them together, each with its parameters.
		this.jdbc.update(before + "CREATE TEMP TABLE IF NOT EXISTS replaced_participation (point_name text, host_unit_code text, "
				+ "point_level text, format text, session_date date, members integer, others integer, source_row integer) "
				+ "ON COMMIT DELETE ROWS; DELETE FROM pg_temp.replaced_participation; "
				+ "WITH gone AS (DELETE FROM warehouse.participation WHERE conference_code = ? AND reporting_unit_code = ? "
				+ "RETURNING point_name, host_unit_code, point_level, format, session_date, members_attending, "
				+ "others_attending, source_row) INSERT INTO pg_temp.replaced_participation SELECT * FROM gone; "
				+ "DELETE FROM warehouse.unit_coverage WHERE conference_code = ? AND reporting_unit_code = ?",
				conferenceCode, reportingUnitCode, conferenceCode, reportingUnitCode);
	}

	/**
	 * Records what this load changed against the rows it replaced, set-based: totals before and
	 * after, and every point added, removed or changed (keyed by name, host unit and level).
	 * @param after the unit's figures after the load, as the load counted them: a million rows are
	 * not summed again
	 */
	private void recordChange(Target target, Totals after) {
		// A first load added every point: counted here, and not listed (they are the version's own rows).
		Map<String, Object> change = this.jdbc.queryForMap("""
				INSERT INTO tonghop.submission_change (submission_id, replaced_submission_id, conference_code,
				    reporting_unit_code, points_before, points_after, members_before, members_after, others_before,
				    others_after, participants_before, participants_after, points_added, points_removed, points_changed)
				SELECT ?, (SELECT id FROM tonghop.submission WHERE is_current AND conference_code = ? AND unit_code = ?),
				    ?, ?, b.points, ?, b.members, ?, b.others, ?, b.members + b.others, ?,
				    CASE WHEN b.points = 0 THEN ? ELSE 0 END, 0, 0
				FROM (SELECT count(*) AS points, coalesce(sum(members), 0) AS members, coalesce(sum(others), 0) AS others
				      FROM pg_temp.replaced_participation) b
				RETURNING id, points_before
				""", target.submissionId(), target.conferenceCode(), target.reportingUnitCode(), target.conferenceCode(),
				target.reportingUnitCode(), after.points(), after.members(), after.others(),
				after.members() + after.others(), after.points());
		if (((Number) change.get("points_before")).intValue() == 0) {
			return;
		}
		long changeId = ((Number) change.get("id")).longValue();
		// Each point keeps its place in the list as History reads it (row in the file, then kind): a page is a range.
		this.jdbc.update("""
				WITH bk AS (SELECT *, tonghop.point_key(point_name) AS k FROM pg_temp.replaced_participation),
				b AS (
				    SELECT *, row_number() OVER (PARTITION BY k, host_unit_code, point_level ORDER BY source_row) AS n
				    FROM bk),
				ak AS (
				    SELECT point_name, host_unit_code, point_level, format, session_date, members_attending AS members,
				           others_attending AS others, source_row,
				           tonghop.point_key(point_name) AS k
				    FROM warehouse.participation WHERE conference_code = ? AND reporting_unit_code = ?),
				a AS (SELECT *, row_number() OVER (PARTITION BY k, host_unit_code, point_level ORDER BY source_row) AS n FROM ak),
				d AS (
				    SELECT CASE WHEN b.n IS NULL THEN 'added' WHEN a.n IS NULL THEN 'removed' ELSE 'changed' END AS kind,
				        coalesce(a.point_name, b.point_name) AS point_name, coalesce(a.host_unit_code, b.host_unit_code) AS host_unit_code,
				        coalesce(a.point_level, b.point_level) AS point_level, b.format AS format_before, a.format AS format_after,
				        b.session_date AS date_before, a.session_date AS date_after, b.members AS members_before,
				        a.members AS members_after, b.others AS others_before, a.others AS others_after,
				        b.source_row AS source_row_before, a.source_row AS source_row_after
				    FROM a FULL JOIN b ON a.k = b.k AND a.host_unit_code = b.host_unit_code
				        AND a.point_level = b.point_level AND a.n = b.n
				    WHERE a.n IS NULL OR b.n IS NULL
				       OR (a.format, a.session_date, a.members, a.others) IS DISTINCT FROM (b.format, b.session_date, b.members, b.others))
				INSERT INTO tonghop.submission_change_point (change_id, kind, point_name, host_unit_code, point_level,
				    format_before, format_after, date_before, date_after, members_before, members_after, others_before,
				    others_after, source_row_before, source_row_after, ordinal)
				SELECT ?, d.*, row_number() OVER (ORDER BY coalesce(source_row_after, source_row_before), kind)
				FROM d
				ORDER BY coalesce(source_row_after, source_row_before), kind
				""", target.conferenceCode(), target.reportingUnitCode(), changeId);
		this.jdbc.update("""
				UPDATE tonghop.submission_change c SET
				    points_added = (SELECT count(*) FROM tonghop.submission_change_point WHERE change_id = c.id AND kind = 'added'),
				    points_removed = (SELECT count(*) FROM tonghop.submission_change_point WHERE change_id = c.id AND kind = 'removed'),
				    points_changed = (SELECT count(*) FROM tonghop.submission_change_point WHERE change_id = c.id AND kind = 'changed')
				WHERE c.id = ?
				""", changeId);
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Loading needs a transaction: a rejected file must leave nothing behind");
		}
	}

	private static List<DuplicatePoint> duplicates(PreparedStatement select) throws SQLException {
		List<DuplicatePoint> found = new ArrayList<>();
		try (ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				found.add(new DuplicatePoint(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)));
			}
		}
		return found;
	}

	private static Array textArray(Connection connection, List<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

	/**
	 * A submission standing in the warehouse.
	 * @param path where it was dropped, relative to the drop folder
	 * @param earlier whether it was received before the file asking
	 */
	public record StandingVersion(long id, String path, boolean earlier) {
	}

	/**
	 * Where a submission's rows belong.
	 * @param standing whether the submission stood for its unit when claimed (a rerun's), so that it may
	 * be moving from another unit; one a scan took never does
	 */
	public record Target(long submissionId, String conferenceCode, String provinceCode, String districtCode,
			String reportingUnitCode, LocalDate defaultDate, boolean standing) {
	}

	/** A unit's points and head counts for a conference. */
	record Totals(int points, long members, long others) {

		/** What a withdrawn unit is left with. */
		static final Totals NONE = new Totals(0, 0, 0);

	}

	/** A host unit as written, resolved to its code and district-level unit (null when none). */
	public record HostPlacement(String text, String code, String districtCode) {
	}

	/**
	 * A host unit written in a file, with the first row and the number of rows naming it.
	 * @param text as cleaned, which the rows naming it share and resolving it reads
	 * @param written as its first row writes it, which its problems quote
	 */
	public record HostText(String text, String written, int firstRow, int rows) {
	}

	public record DuplicatePoint(String pointName, int count, String rows, int firstRow) {
	}

	/** A point far above the file's typical one; {@code typical} is the median of participants. */
	public record Outlier(int sourceRow, String pointName, int participants, int typical) {
	}

	/** A row with its date. */
	public record DatedRow(int sourceRow, LocalDate date) {
	}

	/** The unit summary: members total and studied, and the coverage in percent (one decimal), null for 0 members. */
	public record Coverage(int membersTotal, int membersStudied, BigDecimal percent) {
	}

}
