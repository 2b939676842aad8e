package vn.tonghop.health;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the health endpoint checks beyond the database.
 *
 * @param minFreeSpace below this much free space on the archive's or the data folder's disk, health is DOWN
 * @param dataFolder the data folder whose disk is watched (the embedded database's data lives below it)
 */
@Validated
@ConfigurationProperties("tonghop.health")
public record HealthProperties(@NotNull @DefaultValue("1GB") DataSize minFreeSpace,
		@NotNull @DefaultValue("data") Path dataFolder) {
}
