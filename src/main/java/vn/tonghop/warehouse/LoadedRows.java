package vn.tonghop.warehouse;

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

	private final Target target;

	/** The fields every row shares, escaped once: conference, province, unit, submission. */
	private final String shared;

	private final String defaultDate;

	/** The district and host unit fields of each host placement, escaped once per host. */
	private final Map<HostPlacement, String> placed = new HashMap<>();

	private final String placedUnderUnit;

	private long members;

	private long others;

	LoadedRows(PGConnection connection, Target target) throws SQLException {
		super(connection, "COPY warehouse.participation (conference_code, province_code, reporting_unit_code, "
				+ "submission_id, district_code, host_unit_code, point_name, point_level, format, session_date, "
				+ "members_attending, others_attending, participants, source_row) FROM STDIN");
		this.target = target;
		StringBuilder fields = new StringBuilder();
		escape(fields, target.conferenceCode()).append('\t');
		escape(fields, target.provinceCode()).append('\t');
		escape(fields, target.reportingUnitCode()).append('\t');
		this.shared = fields.append(target.submissionId()).append('\t').toString();
		this.defaultDate = target.defaultDate().toString();
		this.placedUnderUnit = placement(target.districtCode(), target.reportingUnitCode());
	}

	/**
	 * Sends a row.
	 * @param point the checked row
	 * @param host where its host unit was resolved to, or null when it names none (the reporting unit hosts it)
	 */
	public void add(StagedPoint point, HostPlacement host) {
		this.line.setLength(0);
		this.line.append(this.shared)
			.append(host == null ? this.placedUnderUnit
					: this.placed.computeIfAbsent(host, h -> placement(h.districtCode(), h.code())));
		field(point.pointName()).append('\t');
		field(point.level()).append('\t');
		field(point.format()).append('\t');
		this.line.append(point.sessionDate() != null ? point.sessionDate().toString() : this.defaultDate).append('\t');
		this.line.append(point.members()).append('\t').append(point.others()).append('\t')
			.append(point.members() + point.others()).append('\t').append(point.sourceRow()).append('\n');
		send();
		this.members += point.members();
		this.others += point.others();
	}

	/** What the rows sent add up to: the unit's figures after the load, known without a query. */
	Totals totals() {
		return new Totals(count(), this.members, this.others);
	}

	Target target() {
		return this.target;
	}

	private static String placement(String districtCode, String hostUnitCode) {
		StringBuilder fields = new StringBuilder();
		escape(fields, districtCode).append('\t');
		return escape(fields, hostUnitCode).append('\t').toString();
	}

}
