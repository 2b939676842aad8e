package vn.tonghop.status;

import java.math.BigDecimal;

/** One line of warehouse.participation_by_unit, as the command line shows it. */
public record Figures(String conferenceCode, String provinceName, String reportingUnitCode, String reportingUnitName,
		long points, long pointsCentral, long pointsProvince, long pointsDistrict, long pointsGrassroots,
		long pointsCell, long participants, Long membersTotal, Long membersStudied, BigDecimal coveragePct) {
}
