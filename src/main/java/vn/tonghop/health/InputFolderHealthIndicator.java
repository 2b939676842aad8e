package vn.tonghop.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.schedule.ScheduleRegistrar;

/**
 * The drop folders: the scanner moves nothing and uploads land nowhere unless each is a writable
 * folder. The configured one takes the uploads; a schedule may scan a folder of its own (a share),
 * which is checked too.
 */
@Component
class InputFolderHealthIndicator implements HealthIndicator {

	private final IntakeProperties intake;

	/** Absent where the scheduler does not start (one-shot commands, most tests). */
	private final ObjectProvider<ScheduleRegistrar> schedules;

	InputFolderHealthIndicator(IntakeProperties intake, ObjectProvider<ScheduleRegistrar> schedules) {
		this.intake = intake;
		this.schedules = schedules;
	}

	@Override
	public Health health() {
		Path input = this.intake.input().toAbsolutePath().normalize();
		boolean usable = usable(input);
		Map<String, Object> scheduled = new LinkedHashMap<>();
		ScheduleRegistrar registrar = this.schedules.getIfAvailable();
		if (registrar != null) {
			for (Map.Entry<String, Path> schedule : registrar.dropFolders().entrySet()) {
				Path folder = schedule.getValue();
				if (!folder.equals(input)) {
					usable &= usable(folder);
					scheduled.put(schedule.getKey(), Map.of("path", folder.toString(), "exists", Files.isDirectory(folder),
							"writable", Files.isWritable(folder)));
				}
			}
		}
		Health.Builder health = (usable ? Health.up() : Health.down()).withDetail("path", input.toString())
			.withDetail("exists", Files.isDirectory(input))
			.withDetail("writable", Files.isWritable(input));
		if (!scheduled.isEmpty()) {
			health.withDetail("schedules", scheduled);
		}
		return health.build();
	}

	private static boolean usable(Path folder) {
		return Files.isDirectory(folder) && Files.isWritable(folder);
	}

}
