package vn.tonghop.intake;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where files come from and where they are kept.
 *
 * @param input the drop folder, scanned recursively
 * @param archive where every taken file is copied before it is processed
 * @param stableFor how long a file's size and modification time must stay unchanged before it is taken
 * @param maxProblems how many problems are kept per file (all are counted)
 */
@Validated
@ConfigurationProperties("tonghop.intake")
public record IntakeProperties(@NotNull @DefaultValue("input") Path input,
		@NotNull @DefaultValue("data/archive") Path archive, @NotNull @DefaultValue("2s") Duration stableFor,
		@Min(1) @DefaultValue("1000") int maxProblems) {
}
