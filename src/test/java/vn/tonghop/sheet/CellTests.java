package vn.tonghop.sheet;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTests {

	@Test
	void aDayIsWrittenAsTheFormatterWritesIt() {
		// given days from year 1 to past 9999, every tenth across the years Excel can hold
		for (LocalDate day = LocalDate.of(1, 1, 1); day.getYear() < 10_100; day = day.plusDays(day.getYear() < 1890 ? 997 : 10)) {
			// when / then
			assertThat(Cell.dayText(day)).as(day.toString()).isEqualTo(XlsxReader.DAY.format(day));
		}
		assertThat(Cell.dayText(LocalDate.of(2026, 2, 9))).isEqualTo("09/02/2026");
	}

}
