package vn.tonghop.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.quartz.CronExpression;

import vn.tonghop.intake.FolderNesting;

/**
 * Reads jobs/*.schedule: "key = value" lines, '#' comments (whole lines, or after a value and a
 * space, except after an input folder, whose name may hold one: a cron's own '#', as in "6#3",
 * has none before it). Keys: job (ingest), cron, input (optional), time-zone (optional). Every
 * mistake names the file and the line. Schedules may share a drop folder, not nest one in another.
 */
final class ScheduleFiles {

	static final String SUFFIX = ".schedule";

	private static final Set<String> JOBS = Set.of("ingest");

	// A list: the mistake lists them, and a Set.of's order changes at each start of the JVM.
	private static final List<String> KEYS = List.of("job", "cron", "input", "time-zone");

	private static final Set<String> OPTIONAL = Set.of("input", "time-zone");

	private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*$");

	private ScheduleFiles() {
	}

	/**
	 * @param defaultInput the drop folder of a schedule that names none
	 * @param layoutProblem why a run of a folder would not start, or null (a scan there would take
	 * the archive's files for submissions)
	 */
	static List<Schedule> read(Path directory, String defaultTimeZone, Path defaultInput,
			Function<Path, String> layoutProblem) {
		// Else serve would run no schedule, and take every instance's out of the store they share.
		if (!Files.isDirectory(directory)) {
			throw new ScheduleFileException(directory, 0, "no such folder (tonghop.schedule.directory, relative to the "
					+ "folder serve is started in); start serve in the folder holding it, or set the property");
		}
		List<Schedule> schedules = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(ScheduleFiles::isSchedule).sorted().toList()) {
				schedules.add(parse(file, withoutByteOrderMark(lines(file)), defaultTimeZone));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read schedules in " + directory, ex);
		}
		refuseNestedFolders(schedules, defaultInput);
		// Each firing would be refused; start-up is where a bad schedule is told, with its line.
		for (Schedule schedule : schedules) {
			String problem = (schedule.input() != null) ? layoutProblem.apply(schedule.folder(defaultInput)) : null;
			if (problem != null) {
				throw new ScheduleFileException(schedule.file(), schedule.inputLine(), problem);
			}
		}
		return schedules;
	}

	/**
	 * Hidden files are editors' and file systems' own, never a schedule: the lock emacs keeps while a
	 * schedule is edited (.#ingest.schedule, a link to nowhere), a Mac's resource fork (._ingest.schedule).
	 */
	private static boolean isSchedule(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(SUFFIX) && !name.startsWith(".");
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			// Else start-up stops with the folder only: which of its files, an administrator must guess.
			throw new ScheduleFileException(file, 0, "not UTF-8 text (saved in another encoding?); save it as UTF-8");
		}
		catch (IOException ex) {
			// A file serve's user may not read (saved by root), a link to a share not mounted: likewise.
			throw new ScheduleFileException(file, 0, "cannot be read (" + ex + ")");
		}
	}

	/**
	 * The lines without the byte order mark Windows editors put before "UTF-8 with BOM": its first key
	 * would be unknown, although it reads as one of the known.
	 */
	private static List<String> withoutByteOrderMark(List<String> lines) {
		if (lines.isEmpty() || !lines.get(0).startsWith("\uFEFF")) {
			return lines;
		}
		List<String> without = new ArrayList<>(lines);
		without.set(0, lines.get(0).substring(1));
		return without;
	}

	/**
	 * A schedule of input/380 inside one of input/ would take each file there twice, once for folder
	 * 380 and once for the shared folder, judge it twice and write both answers to the same reports.
	 */
	private static void refuseNestedFolders(List<Schedule> schedules, Path defaultInput) {
		for (Schedule inner : schedules) {
			for (Schedule outer : schedules) {
				Path folder = inner.folder(defaultInput);
				Path around = outer.folder(defaultInput);
				if (FolderNesting.isInside(folder, around)) {
					throw new ScheduleFileException(inner.file(), inner.inputLine(), "input folder " + folder
							+ " is inside " + around + ", the drop folder of " + outer.file() + (outer.input() == null
									? " (tonghop.intake.input)" : "")
							+ ": every file there would be taken by both; schedule the same folder, or folders apart");
				}
			}
		}
	}

	/**
	 * The line with its non-breaking and other Unicode spaces made ordinary ones, as a cron or key
	 * copied from a web page or a document holds them: else "bad cron expression '0 0 2 * * ?'",
	 * which reads as right.
	 */
	private static String ordinarySpaces(String line) {
		StringBuilder ordinary = new StringBuilder(line);
		for (int i = 0; i < ordinary.length(); i++) {
			if (Character.isSpaceChar(ordinary.charAt(i))) {
				ordinary.setCharAt(i, ' ');
			}
		}
		return ordinary.toString();
	}

	static Schedule parse(Path file, List<String> lines, String defaultTimeZone) {
		Settings settings = settings(file, lines);
		Map<String, String> values = settings.values();
		Map<String, Integer> lineOf = settings.lineOf();
		String job = values.get("job");
		if (job == null || !JOBS.contains(job)) {
			throw new ScheduleFileException(file, lineOf.getOrDefault("job", 0), "job must be one of " + JOBS);
		}
		String cron = values.get("cron");
		if (cron == null) {
			throw new ScheduleFileException(file, 0, "no cron expression");
		}
		TimeZone zone;
		try {
			zone = TimeZone.getTimeZone(ZoneId.of(values.getOrDefault("time-zone", defaultTimeZone)));
		}
		catch (DateTimeException ex) {
			throw new ScheduleFileException(file, lineOf.getOrDefault("time-zone", 0), "unknown time zone: " + ex.getMessage());
		}
		CronExpression expression;
		try {
			expression = new CronExpression(cron);
			expression.setTimeZone(zone);
		}
		catch (ParseException ex) {
			throw new ScheduleFileException(file, lineOf.get("cron"), "bad cron expression '" + cron + "': "
					+ ex.getMessage() + " (Quartz cron: seconds minutes hours day-of-month month day-of-week)");
		}
		if (expression.getNextValidTimeAfter(new Date()) == null) {
			throw new ScheduleFileException(file, lineOf.get("cron"), "cron expression '" + cron + "' never fires");
		}
		String name = file.getFileName().toString();
		Path input = values.containsKey("input") ? Path.of(values.get("input")) : null;
		return new Schedule(name.substring(0, name.length() - SUFFIX.length()), job, expression, zone, input, file,
				lineOf.getOrDefault("input", 0));
	}

	/**
	 * The file's "key = value" lines by key, with the line each is on: every key known, set once and
	 * given a value.
	 */
	private static Settings settings(Path file, List<String> lines) {
		Map<String, String> values = new HashMap<>();
		Map<String, Integer> lineOf = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = ordinarySpaces(lines.get(i)).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals < 0) {
				throw new ScheduleFileException(file, i + 1, "expected 'key = value', found '" + line + "'");
			}
			String key = line.substring(0, equals).strip();
			if (!KEYS.contains(key)) {
				throw new ScheduleFileException(file, i + 1, "unknown key '" + key + "' (known: " + KEYS + ")");
			}
			// The last would silently win: a cron added under the old one, say.
			Integer earlier = lineOf.get(key);
			if (earlier != null) {
				throw new ScheduleFileException(file, i + 1, key + " is already set on line " + earlier + "; keep one of them");
			}
			// A folder is named as typed, " #" and all; no other value may hold those.
			String value = (key.equals("input") ? lines.get(i).substring(lines.get(i).indexOf('=') + 1)
					: TRAILING_COMMENT.matcher(line.substring(equals + 1)).replaceFirst("")).strip();
			// An empty input would be the working directory: every spreadsheet under it a submission.
			if (value.isEmpty()) {
				throw new ScheduleFileException(file, i + 1, key + " has no value"
						+ (OPTIONAL.contains(key) ? "; give one, or remove the line for the default" : ""));
			}
			values.put(key, value);
			lineOf.put(key, i + 1);
		}
		return new Settings(values, lineOf);
	}

	private record Settings(Map<String, String> values, Map<String, Integer> lineOf) {
	}

}
