package vn.tonghop.normalize;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Cells;
import vn.tonghop.sheet.CellKind;

import static org.assertj.core.api.Assertions.assertThat;

class PercentagesTests {

	@Test
	void percentFormattedFractionIsScaledToHundred() {
		Cell cell = new Cell(2, CellKind.NUMBER, "0.75", 0.75, null, true, null);

		assertThat(Percentages.parse(cell)).isEqualTo(new ParsedPercentage(ParsedPercentage.Status.VALUE, new BigDecimal("75")));
	}

	@Test
	void percentFormattedFractionKeepsItsDecimals() {
		Cell cell = new Cell(2, CellKind.NUMBER, "0.855", 0.855, null, true, null);

		assertThat(Percentages.parse(cell).value()).isEqualTo(new BigDecimal("85.5"));
	}

	@Test
	void aFullCoverageAFormulaStoresOffByItsLastBinaryDigitIsTheHundredExcelShows() {
		// given =B5/B4 of 1.0000000000000002, shown 100%
		Cell cell = new Cell(2, CellKind.NUMBER, "1.0000000000000002", 1.0000000000000002, null, true, null);

		// then
		assertThat(Percentages.parse(cell)).isEqualTo(new ParsedPercentage(ParsedPercentage.Status.VALUE, new BigDecimal("100")));
	}

	@Test
	void plainNumberIsAlreadyAPercentage() {
		assertThat(Percentages.parse(Cells.number(2, 75)).value()).isEqualTo(new BigDecimal("75"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "75%|75", "75|75", "75,0|75", "75.0 %|75", "75,5%|75.5", "100%|100", "0|0",
			"' 99,25 % '|99.25" })
	void textForms(String text, String expected) {
		assertThat(Percentages.parse(Cell.text(0, text)))
			.isEqualTo(new ParsedPercentage(ParsedPercentage.Status.VALUE, new BigDecimal(expected)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "101%", "-5%", "150" })
	void outsideZeroToHundredIsOutOfRange(String text) {
		assertThat(Percentages.parse(Cell.text(0, text)).status()).isEqualTo(ParsedPercentage.Status.OUT_OF_RANGE);
	}

	@Test
	void percentFormattedAboveOneIsOutOfRange() {
		Cell cell = new Cell(2, CellKind.NUMBER, "1.2", 1.2, null, true, null);

		assertThat(Percentages.parse(cell).status()).isEqualTo(ParsedPercentage.Status.OUT_OF_RANGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "khoảng 75%", "75%%", "abc", "7 5" })
	void otherTextIsText(String text) {
		assertThat(Percentages.parse(Cell.text(0, text)).status()).isEqualTo(ParsedPercentage.Status.TEXT);
	}

	@Test
	void blankIsBlank() {
		assertThat(Percentages.parse(Cell.text(0, "\u00A0")).status()).isEqualTo(ParsedPercentage.Status.BLANK);
		assertThat(Percentages.parse(null).status()).isEqualTo(ParsedPercentage.Status.BLANK);
	}

}
