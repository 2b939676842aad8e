package vn.tonghop.health;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.tonghop.intake.IntakeProperties;

/** The drop folder: the scanner moves nothing and uploads land nowhere unless it is a writable folder. */
@Component
class InputFolderHealthIndicator implements HealthIndicator {

	private final IntakeProperties intake;

	InputFolderHealthIndicator(IntakeProperties intake) {
		this.intake = intake;
	}

	@Override
	public Health health() {
		Path input = this.intake.input().toAbsolutePath().normalize();
		Health.Builder health = Files.isDirectory(input) && Files.isWritable(input) ? Health.up() : Health.down();
		return health.withDetail("path", input.toString())
			.withDetail("exists", Files.isDirectory(input))
			.withDetail("writable", Files.isWritable(input))
			.build();
	}

}
