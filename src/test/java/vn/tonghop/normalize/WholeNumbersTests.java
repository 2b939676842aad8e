package vn.tonghop.normalize;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Cells;
import vn.tonghop.sheet.CellKind;

import static org.assertj.core.api.Assertions.assertThat;

class WholeNumbersTests {

	@Test
	void excelWholeNumberIsAValue() {
		assertThat(WholeNumbers.parse(Cells.number(3, 11938))).isEqualTo(new ParsedNumber(ParsedNumber.Status.VALUE, 11938));
	}

	@Test
	void excelZeroIsAValueNotBlank() {
		assertThat(WholeNumbers.parse(Cells.number(3, 0))).isEqualTo(new ParsedNumber(ParsedNumber.Status.VALUE, 0));
	}

	@Test
	void excelFractionIsAFraction() {
		assertThat(WholeNumbers.parse(Cells.number(3, 12.5)).status()).isEqualTo(ParsedNumber.Status.FRACTION);
	}

	@Test
	void excelFormulaResultOffByTheLastBinaryDigitIsTheWholeNumberExcelShows() {
		// given =0.1*3*10 and =110*0.7, stored 3.0000000000000004 and 76.99999999999999, shown 3 and 77
		assertThat(WholeNumbers.parse(Cells.number(3, 0.1 * 3 * 10))).isEqualTo(ParsedNumber.of(3));
		assertThat(WholeNumbers.parse(Cells.number(3, 76.99999999999999))).isEqualTo(ParsedNumber.of(77));
		// then a fraction within Excel's 15 digits is still one
		assertThat(WholeNumbers.parse(Cells.number(3, 76.9999999999999)).status()).isEqualTo(ParsedNumber.Status.FRACTION);
	}

	@Test
	void excelNegativeIsNegative() {
		assertThat(WholeNumbers.parse(Cells.number(3, -4)).status()).isEqualTo(ParsedNumber.Status.NEGATIVE);
	}

	@Test
	void blankIsNotReportedRatherThanZero() {
		assertThat(WholeNumbers.parse(null).status()).isEqualTo(ParsedNumber.Status.BLANK);
		assertThat(WholeNumbers.parse(Cell.text(3, " \u00A0 ")).status()).isEqualTo(ParsedNumber.Status.BLANK);
		assertThat(WholeNumbers.parse(new Cell(3, CellKind.BLANK, "", 0, null, false, null)).status())
			.isEqualTo(ParsedNumber.Status.BLANK);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "11938|11938", "11.938|11938", "11,938|11938", "11 938|11938",
			"11\u00A0938|11938", "1.234.567|1234567", "1 234 567|1234567", "' 42 '|42", "0|0", "12,500|12500" })
	void textWithThousandsSeparatorsIsAValue(String text, long expected) {
		assertThat(WholeNumbers.parse(Cell.text(0, text))).isEqualTo(new ParsedNumber(ParsedNumber.Status.VALUE, expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12,5", "12.5", "12.50", "1234,567", "1.234,5", "1,234.56", "0,75" })
	void textWithADecimalPartIsAFraction(String text) {
		assertThat(WholeNumbers.parse(Cell.text(0, text)).status()).isEqualTo(ParsedNumber.Status.FRACTION);
	}

	// A CSV saved from Excel writes numbers as shown: its Number format shows 110 as 110.00 (110,00 in Vietnamese).
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "110.00|110", "110,00|110", "12.0|12", "1.234,00|1234", "1,234.00|1234",
			"1 234,00|1234", "0,00|0" })
	void textWithADecimalPartOfZerosIsTheWholeNumber(String text, long expected) {
		assertThat(WholeNumbers.parse(Cell.text(0, text))).isEqualTo(ParsedNumber.of(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.234.00", "1,234,00", "110.01" })
	void zerosAfterTheThousandsSeparatorOrNotAllZerosAreNoWholeNumber(String text) {
		assertThat(WholeNumbers.parse(Cell.text(0, text)).status()).isEqualTo(ParsedNumber.Status.FRACTION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-5", "- 1.200", "\u22123", "-12,5" })
	void textWithALeadingMinusIsNegative(String text) {
		assertThat(WholeNumbers.parse(Cell.text(0, text)).status()).isEqualTo(ParsedNumber.Status.NEGATIVE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "khoảng 1.700", "abc", "12 người", "1.23.456", "11.938,938.1", "-", "1,234.567.890" })
	void otherTextIsText(String text) {
		assertThat(WholeNumbers.parse(Cell.text(0, text)).status()).isEqualTo(ParsedNumber.Status.TEXT);
	}

	@Test
	void anExcelNumberShownAsADateIsText() {
		// 44319 formatted as a date shows 03/05/2021: not the head count the district sees
		Cell date = new Cell(3, CellKind.NUMBER, "03/05/2021", 44319, LocalDate.of(2021, 5, 3), false, null);

		assertThat(WholeNumbers.parse(date).status()).isEqualTo(ParsedNumber.Status.TEXT);
	}

	@Test
	void booleanAndErrorCellsAreText() {
		assertThat(WholeNumbers.parse(new Cell(0, CellKind.BOOLEAN, "TRUE", 0, null, false, null)).status())
			.isEqualTo(ParsedNumber.Status.TEXT);
		assertThat(WholeNumbers.parse(new Cell(0, CellKind.ERROR, "#DIV/0!", 0, null, false, null)).status())
			.isEqualTo(ParsedNumber.Status.TEXT);
	}

}
