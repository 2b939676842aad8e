package vn.tonghop.schedule;

import java.nio.file.Path;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * One schedule file from jobs/.
 *
 * @param name the file name without ".schedule": the Quartz job and trigger name
 * @param job the batch job it starts
 * @param cron when (Quartz cron: seconds minutes hours day-of-month month day-of-week)
 * @param timeZone the zone the expression is read in
 * @param input the drop folder to scan, or null for the configured one
 * @param file the schedule file, for messages
 * @param inputLine the line of {@code input} in the file, 0 when it is not set
 */
record Schedule(String name, String job, CronExpression cron, TimeZone timeZone, Path input, Path file, int inputLine) {

	/** The folder the schedule scans, absolute. */
	Path folder(Path defaultInput) {
		return (this.input != null ? this.input : defaultInput).toAbsolutePath().normalize();
	}

}
