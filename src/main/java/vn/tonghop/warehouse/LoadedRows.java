package vn.tonghop.warehouse;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.postgresql.PGConnection;

import vn.tonghop.warehouse.WarehouseLoader.HostPlacement;
import vn.tonghop.warehouse.WarehouseLoader.Target;
import vn.tonghop.warehouse.WarehouseLoader.Totals;

/**
 * Streams checked rows straight into {@code warehouse.participation} with COPY, for a file whose
 * conference and unit were known before its first row. The rows land after a savepoint, so a file
 * found wrong later is taken out again whole.
 */
public final class LoadedRows extends CopyRows {

	/**
	 * Rows per COPY statement. V11's trigger sums each statement's rows at its end: a million rows in
	 * one statement kept the file waiting half a second after its last row, with the reading thread
	 * done and one core idle; in statements of this many, all but the last sum while rows are still read.
	 */
	static final int STATEMENT_ROWS = 100_000;

	private final Target target;

	/** The fields every row begins with, encoded once: conference, province, unit, submission. */
	private final byte[] shared;

	private final int defaultDate;

	/** The district and host unit fields of each host placement, encoded once per host. */
	private final Map<HostPlacement, byte[]> placed = new HashMap<>();

	/** The same for points above any district, which belong to none, by host unit code. */
	private final Map<String, byte[]> placedAbove = new HashMap<>();

	private final byte[] placedUnderUnit;

	private long members;

	private long others;

	LoadedRows(PGConnection connection, Target target) throws SQLException {
		super(connection, "COPY warehouse.participation (conference_code, province_code, reporting_unit_code, "
				+ "submission_id, district_code, host_unit_code, point_name, point_level, format, session_date, "
				+ "members_attending, others_attending, participants, source_row) FROM STDIN", 14, STATEMENT_ROWS);
		this.target = target;
		byte[] codes = encoded(target.conferenceCode(), target.provinceCode(), target.reportingUnitCode());
		this.shared = ByteBuffer.allocate(codes.length + 12).put(codes).putInt(8).putLong(target.submissionId()).array();
		this.defaultDate = days(target.defaultDate());
		this.placedUnderUnit = encoded(target.districtCode(), target.reportingUnitCode());
	}

	/**
	 * Sends a row.
	 * @param point the checked row
	 * @param host where its host unit was resolved to, or null when it names none (the reporting unit hosts it)
	 */
	public void add(StagedPoint point, HostPlacement host) {
		startRow();
		encodedFields(this.shared);
		if (isAboveDistricts(point.level())) {
			encodedFields(this.placedAbove.computeIfAbsent(host == null ? this.target.reportingUnitCode() : host.code(),
					code -> encoded(null, code)));
		}
		else {
			encodedFields(host == null ? this.placedUnderUnit
					: this.placed.computeIfAbsent(host, h -> encoded(h.districtCode(), h.code())));
		}
		text(point.pointName());
		text(point.level());
		text(point.format());
		int32Field(point.sessionDate() != null ? days(point.sessionDate()) : this.defaultDate);
		int32Field(point.members());
		int32Field(point.others());
		int32Field(point.members() + point.others());
		int32Field(point.sourceRow());
		endRow(point.sourceRow());
		this.members += point.members();
		this.others += point.others();
	}

	/** Provincial and central points belong to no district (warehouse.md), whoever hosts them. */
	private static boolean isAboveDistricts(String level) {
		return "province".equals(level) || "central".equals(level);
	}

	/** What the rows sent add up to: the unit's figures after the load, known without a query. */
	Totals totals() {
		return new Totals(count(), this.members, this.others);
	}

	Target target() {
		return this.target;
	}

}
