package vn.tonghop.schedule;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulePropertiesTests {

	@Test
	void theDefaultTimeZoneIsReadAsAZone() {
		// given / when
		ScheduleProperties properties = bind(Map.of("tonghop.schedule.time-zone", "UTC"));

		// then
		assertThat(properties.timeZone()).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void anUnknownDefaultTimeZoneIsTheSettingsMistakeNotASchedulesFile() {
		// given a zone by its abbreviation, which Java does not know as an id
		Map<String, String> settings = Map.of("tonghop.schedule.time-zone", "ICT");

		// then start-up names the setting, rather than the first schedule file that names no zone
		assertThatThrownBy(() -> bind(settings)).isInstanceOf(BindException.class)
			.hasMessageContaining("tonghop.schedule.time-zone");
	}

	private static ScheduleProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("tonghop.schedule",
				ScheduleProperties.class);
	}

}
