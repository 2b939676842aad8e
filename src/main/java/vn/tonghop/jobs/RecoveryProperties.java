package vn.tonghop.jobs;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When an execution left running is taken for dead.
 *
 * @param staleAfter an execution started on another host (or by a version that did not record its
 * host) is recovered only when neither it nor any of its steps has been updated for this long;
 * the load step records progress after every file, so a live run is never this quiet; also how
 * long a file left half-written is left alone before it is swept
 * @param interval how often {@code serve} looks again, beside at start-up: an instance that lives on
 * recovers what a process killed meanwhile left, and what it lost itself while its database was gone;
 * both at least a second: none would take every live run for dead, and sweep the files it writes
 */
@Validated
@ConfigurationProperties("tonghop.recovery")
public record RecoveryProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("2h") Duration staleAfter,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration interval) {
}
