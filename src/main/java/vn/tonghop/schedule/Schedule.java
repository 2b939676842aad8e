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
 */
record Schedule(String name, String job, CronExpression cron, TimeZone timeZone, Path input) {
}
