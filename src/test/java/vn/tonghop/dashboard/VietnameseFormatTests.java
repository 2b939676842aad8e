package vn.tonghop.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseFormatTests {

	private final VietnameseFormat format = new VietnameseFormat();

	@Test
	void countsGroupThousandsWithDots() {
		assertThat(this.format.count(11938L)).isEqualTo("11.938");
		assertThat(this.format.count(1234567L)).isEqualTo("1.234.567");
		assertThat(this.format.count(19L)).isEqualTo("19");
		assertThat(this.format.count(null)).isEqualTo("–");
	}

	@Test
	void percentagesHaveOneDecimalAfterAComma() {
		assertThat(this.format.percent(new BigDecimal("75.0"))).isEqualTo("75,0");
		assertThat(this.format.percent(new BigDecimal("99.95"))).isEqualTo("100,0");
		assertThat(this.format.percent(new BigDecimal("7"))).isEqualTo("7,0");
		assertThat(this.format.percent(null)).isEqualTo("–");
	}

	@Test
	void datesAreDayFirst() {
		assertThat(this.format.date(LocalDate.of(2021, 3, 27))).isEqualTo("27/03/2021");
	}

}
