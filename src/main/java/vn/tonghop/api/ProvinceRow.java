package vn.tonghop.api;

import java.math.BigDecimal;

/**
 * A province's consolidated figures for a conference (view {@code warehouse.participation_by_province}).
 *
 * @param membersTotal null when no unit of the province reported a unit summary
 * @param coveragePct members studied ÷ members total in percent, one decimal; null like membersTotal
 */
public record ProvinceRow(String conferenceCode, String provinceCode, String provinceName, long points,
		long pointsCentral, long pointsProvince, long pointsDistrict, long pointsGrassroots, long pointsCell,
		long participants, long membersAttending, long othersAttending, Long membersTotal, Long membersStudied,
		BigDecimal coveragePct, long unitsExpected, long unitsReported) {
}
