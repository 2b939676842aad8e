package vn.tonghop.schedule;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param directory where administrators keep the *.schedule files
 * @param timeZone the zone cron expressions are read in unless a file names another
 */
@Validated
@ConfigurationProperties("tonghop.schedule")
record ScheduleProperties(@NotNull @DefaultValue("jobs") Path directory,
		@NotNull @DefaultValue("Asia/Ho_Chi_Minh") String timeZone) {
}
