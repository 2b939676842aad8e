package vn.tonghop.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.tonghop.intake.IntakeProperties;

/** Free space where every file is archived and where the data lives: DOWN below the threshold. */
@Component
class StorageHealthIndicator implements HealthIndicator {

	private final IntakeProperties intake;

	private final HealthProperties properties;

	StorageHealthIndicator(IntakeProperties intake, HealthProperties properties) {
		this.intake = intake;
		this.properties = properties;
	}

	@Override
	public Health health() {
		long threshold = this.properties.minFreeSpace().toBytes();
		Map<String, Path> folders = Map.of("archive", this.intake.archive(), "data", this.properties.dataFolder());
		Map<String, Object> free = new LinkedHashMap<>();
		boolean enough = true;
		try {
			for (String name : new String[] { "archive", "data" }) {
				long bytes = Files.getFileStore(existing(folders.get(name))).getUsableSpace();
				free.put(name, Map.of("path", folders.get(name).toAbsolutePath().normalize().toString(), "free", bytes));
				enough &= bytes >= threshold;
			}
		}
		catch (IOException ex) {
			return Health.down(ex).withDetails(free).build();
		}
		return (enough ? Health.up() : Health.down()).withDetails(free).withDetail("threshold", threshold).build();
	}

	/** The folder, or its nearest existing parent when it has not been created yet. */
	private static Path existing(Path folder) {
		Path current = folder.toAbsolutePath().normalize();
		while (current.getParent() != null && !Files.exists(current)) {
			current = current.getParent();
		}
		return current;
	}

}
