package vn.tonghop.sheet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateFormatsTests {

	@ParameterizedTest
	@ValueSource(strings = { "h:mm", "hh:mm:ss", "h:mm AM/PM", "[h]:mm", "[$-42A]h:mm", "[Red]hh:mm", "mm:ss",
			"\"lúc \"h\" giờ \"mm" })
	void aTimeFormatShowsATimeOfDayAlone(String format) {
		assertThat(DateFormats.isTimeOnly(format)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dd/mm/yyyy", "dd/mm/yyyy hh:mm", "m/d/yy h:mm", "\"ngày \"dd\" tháng \"mm\" năm \"yyyy",
			"[$-42A]dd/mm/yyyy", "mmm-yy" })
	void aFormatWithADayOrAYearShowsADate(String format) {
		assertThat(DateFormats.isTimeOnly(format)).isFalse();
	}

}
