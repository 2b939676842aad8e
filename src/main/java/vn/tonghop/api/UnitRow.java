package vn.tonghop.api;

import java.math.BigDecimal;

/**
 * A reporting unit's consolidated figures for a conference (view {@code warehouse.participation_by_unit}).
 *
 * @param districtCode null for provincial units and after the two-level structure of 1 July 2025
 * @param membersTotal null when the unit reported no unit summary
 * @param unitsExpected 1 when completeness expects the unit for the conference, else 0
 * @param unitsReported 1 when completeness counts the unit as reported, else 0
 */
public record UnitRow(String conferenceCode, String provinceCode, String provinceName, String districtCode,
		String reportingUnitCode, String reportingUnitName, long points, long pointsCentral, long pointsProvince,
		long pointsDistrict, long pointsGrassroots, long pointsCell, long participants, long membersAttending,
		long othersAttending, Long membersTotal, Long membersStudied, BigDecimal coveragePct,
		long unitsExpected, long unitsReported) {
}
