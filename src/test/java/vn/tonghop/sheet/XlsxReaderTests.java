package vn.tonghop.sheet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxReaderTests {

	@Test
	void numberCellsParseAsDoubleWouldWithoutIt() {
		for (String raw : new String[] { "0", "17", "17.0", "17.00", "17.5", "17.", ".0", "0.0", "007", "999999999999999", "9999999999999999", "1.5", "-3", "1E3",
				" 12 ", "2.0000000000000004", "1e-7" }) {
			// when / then
			assertThat(XlsxReader.parseNumber(raw)).as(raw).isEqualTo(Double.parseDouble(raw.trim()));
		}
	}

	@Test
	void aCellThatIsNoNumberIsRefused() {
		assertThatThrownBy(() -> XlsxReader.parseNumber("12a")).isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> XlsxReader.parseNumber("")).isInstanceOf(NumberFormatException.class);
	}

}
