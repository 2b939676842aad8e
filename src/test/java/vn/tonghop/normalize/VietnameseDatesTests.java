package vn.tonghop.normalize;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Cells;
import vn.tonghop.sheet.CellKind;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseDatesTests {

	private static final ParsedDate MARCH_27 = new ParsedDate(ParsedDate.Status.VALUE, LocalDate.of(2021, 3, 27));

	@Test
	void excelDateCellGivesItsDate() {
		Cell cell = new Cell(5, CellKind.NUMBER, "27/03/2021", 44282, LocalDate.of(2021, 3, 27), false, null);

		assertThat(VietnameseDates.parse(cell)).isEqualTo(MARCH_27);
	}

	@ParameterizedTest
	@ValueSource(strings = { "27/03/2021", "27/3/2021", "27-03-2021", "2021-03-27", " 27/03/2021 ",
			"ngày 27 tháng 3 năm 2021", "Ngày 27 tháng 03 năm 2021", "NGÀY 27 THÁNG 3 NĂM 2021", "ngay 27 thang 3 nam 2021",
			"Long Biên, ngày 27 tháng 3 năm 2021", "Hà Nội, ngày 27 tháng 3 năm 2021." })
	void textForms(String text) {
		assertThat(VietnameseDates.parse(Cell.text(0, text))).isEqualTo(MARCH_27);
	}

	@Test
	void dayAndMonthWithoutLeadingZeros() {
		assertThat(VietnameseDates.parse(Cell.text(0, "1/2/2021")).value()).isEqualTo(LocalDate.of(2021, 2, 1));
	}

	@Test
	void aTimeOfDayWithoutADayIsInvalidInEitherDateSystem() {
		// given 08:00 in a time format: the day before 1 January 1900, or 1 January 1904 in the 1904 system
		Cell in1900 = new Cell(5, CellKind.NUMBER, "08:00", 1d / 3, LocalDate.of(1899, 12, 31), false, null);
		Cell in1904 = new Cell(5, CellKind.NUMBER, "08:00", 1d / 3, LocalDate.of(1904, 1, 1), false, null);

		// then neither is a session's date
		assertThat(VietnameseDates.parse(in1900).status()).isEqualTo(ParsedDate.Status.INVALID);
		assertThat(VietnameseDates.parse(in1904).status()).isEqualTo(ParsedDate.Status.INVALID);
	}

	@Test
	void excelDateCellPastExcelsLastDayIsInvalid() {
		// given a serial of 2,146,000,000 in a date format, a date no database column holds
		Cell cell = new Cell(5, CellKind.NUMBER, "2146000000", 2146000000d, LocalDate.of(1900, 1, 1).plusDays(2146000000L),
				false, null);

		// then
		assertThat(VietnameseDates.parse(cell).status()).isEqualTo(ParsedDate.Status.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "27/03/21", "27-3-21", "ngày 27 tháng 3 năm 21" })
	void twoDigitYearsAreAProblem(String text) {
		assertThat(VietnameseDates.parse(Cell.text(0, text)).status()).isEqualTo(ParsedDate.Status.TWO_DIGIT_YEAR);
	}

	@ParameterizedTest
	@ValueSource(strings = { "31/02/2021", "2021-13-01", "00/01/2021", "ngày 32 tháng 1 năm 2021" })
	void impossibleDatesAreInvalid(String text) {
		assertThat(VietnameseDates.parse(Cell.text(0, text)).status()).isEqualTo(ParsedDate.Status.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "27/03/202", "27/03/20211", "ngày 27 tháng 3 năm 202" })
	void yearsOfNeitherTwoNorFourDigitsAreAProblemOfTheirOwn(String text) {
		// a digit lost or doubled: the day may be right, the year is not written as one
		assertThat(VietnameseDates.parse(Cell.text(0, text)).status()).isEqualTo(ParsedDate.Status.YEAR_DIGITS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "27/03/0021", "0021-03-27", "ngày 27 tháng 3 năm 0021", "27/03/1021" })
	void textDatesBeforeExcelsFirstYearAreInvalid(String text) {
		// given a year no Excel date has, as an Excel date before 1900 is invalid
		assertThat(VietnameseDates.parse(Cell.text(0, text)).status()).isEqualTo(ParsedDate.Status.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "hôm qua", "27.03.2021", "tháng 3 năm 2021", "27/03/2021 08:00" })
	void otherTextIsNotADate(String text) {
		assertThat(VietnameseDates.parse(Cell.text(0, text)).status()).isEqualTo(ParsedDate.Status.NOT_A_DATE);
	}

	@Test
	void numberWithoutDateFormatIsNotADate() {
		assertThat(VietnameseDates.parse(Cells.number(0, 44282)).status()).isEqualTo(ParsedDate.Status.NOT_A_DATE);
	}

	@Test
	void blankIsBlank() {
		assertThat(VietnameseDates.parse(Cell.text(0, " \u00A0\u200B")).status()).isEqualTo(ParsedDate.Status.BLANK);
	}

}
