package vn.tonghop.conference;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.units.ImportFile;
import vn.tonghop.units.ImportFile.BadLine;
import vn.tonghop.units.ReferenceLock;
import vn.tonghop.units.ImportFile.Line;
import vn.tonghop.units.ImportReport;

/**
 * Loads conferences from the project's CSV ({@code code,title,start_date,end_date,deadline,scope}).
 * A conference is identified by its code; importing the same file again changes nothing.
 */
@Service
public class ConferenceImporter {

	private static final List<String> COLUMNS = List.of("code", "title", "start_date", "end_date", "deadline", "scope");

	private static final String ALL_PROVINCES = "all";

	private static final int BATCH_SIZE = 500;

	/**
	 * What the dashboard and the API, which name a conference in their paths, cannot carry there: the
	 * server and its firewall refuse these encoded (%2F, %5C, %25, %3B) with 400.
	 */
	private static final String NOT_IN_A_PATH = "/\\%;";

	private final JdbcTemplate jdbc;

	ConferenceImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws IOException when the file cannot be read or lacks the conference columns
	 */
	@Transactional
	public ImportReport importFile(Path path) throws IOException {
		ImportFile file = ImportFile.read(path);
		if (!file.hasColumns(COLUMNS)) {
			throw new IOException("%s is not a conferences CSV (columns %s)".formatted(path, String.join(",", COLUMNS)));
		}
		ReferenceLock.hold(this.jdbc);
		List<String> problems = new ArrayList<>(file.problems());
		// Codes are looked up ignoring case, so two codes differing only in case would be one.
		Map<String, Conference> stored = new HashMap<>();
		this.jdbc.query(ConferenceTable.SELECT, row -> {
			Conference conference = ConferenceTable.conference(row);
			stored.put(folded(conference.code()), conference);
		});
		Map<String, Line> seen = new HashMap<>();
		List<Conference> inserts = new ArrayList<>();
		List<Conference> updates = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Map<Line, Conference> imported = new LinkedHashMap<>();
		int unchanged = 0;
		for (Line line : file.lines()) {
			// Excel saves a row left empty as separators alone: an empty line, which the reader passes over.
			if (line.fields().stream().allMatch(VietnameseText::isBlank)) {
				continue;
			}
			try {
				Conference conference = parse(file, line);
				noteUnknownProvinces(conference, line, notes);
				Line first = seen.putIfAbsent(folded(conference.code()), line);
				if (first != null) {
					throw new BadLine("code %s is already on line %d".formatted(conference.code(), first.number()));
				}
				Conference before = stored.get(folded(conference.code()));
				if (before == null) {
					inserts.add(conference);
				}
				else if (!before.code().equals(conference.code())) {
					throw new BadLine("code %s differs from the stored %s only in case".formatted(conference.code(),
							before.code()));
				}
				else if (before.equals(conference)) {
					unchanged++;
				}
				else {
					noteMovedDates(before, conference, line, notes);
					noteNarrowedScope(conference, line, notes);
					updates.add(conference);
				}
				imported.put(line, conference);
			}
			catch (BadLine ex) {
				problems.add(line.problem(ex.getMessage()));
			}
		}
		noteSharedTitles(stored, imported, notes);
		write("""
				INSERT INTO tonghop.conference (title, start_date, end_date, deadline, scope, code)
				VALUES (?, ?, ?, ?, ?, ?)""", inserts);
		write("""
				UPDATE tonghop.conference SET title = ?, start_date = ?, end_date = ?, deadline = ?, scope = ?,
				updated_at = now() WHERE code = ?""", updates);
		return new ImportReport(inserts.size(), updates.size(), unchanged, problems, notes);
	}

	/**
	 * A scope code that is no province on the conference's first day expects no unit at all, so a
	 * typo would quietly drop a province from completeness. The line is still imported: the units
	 * may be imported after the conference, and completeness reads them when it is queried.
	 */
	private void noteUnknownProvinces(Conference conference, Line line, List<String> notes) {
		if (conference.scope().isEmpty()) {
			return;
		}
		List<String> unknown = this.jdbc.queryForList("""
				SELECT code FROM unnest(?::text[]) WITH ORDINALITY AS scope (code, position)
				WHERE NOT EXISTS (SELECT 1 FROM tonghop.unit u
				                  WHERE u.kind = 'province' AND u.code = scope.code
				                    AND (u.valid_from IS NULL OR u.valid_from <= ?)
				                    AND (u.valid_to IS NULL OR u.valid_to >= ?))
				ORDER BY position""", String.class, conference.scope().toArray(String[]::new), conference.startDate(),
				conference.startDate());
		if (!unknown.isEmpty()) {
			boolean one = unknown.size() == 1;
			notes.add(line.problem(("imported, but scope %s %s no province on %s in the unit tree: "
					+ "no unit of %s is expected until %s imported").formatted(String.join("|", unknown),
							one ? "is" : "are", conference.startDate(), one ? "it" : "them", one ? "it is" : "they are")));
		}
	}

	/**
	 * Files taken for a conference were placed on the unit tree of its first day, undated sessions
	 * dated that day and checked against its dates; moving the dates changes none of that until a
	 * rerun. The deadline, scope and title are read when queried.
	 */
	private void noteMovedDates(Conference before, Conference after, Line line, List<String> notes) {
		if (before.startDate().equals(after.startDate()) && before.endDate().equals(after.endDate())) {
			return;
		}
		Integer taken = this.jdbc.queryForObject("""
				SELECT count(*) FROM tonghop.submission WHERE conference_code = ? AND state <> 'pending'""",
				Integer.class, before.code());
		if (taken != null && taken > 0) {
			notes.add(line.problem(("imported, but %s's dates moved from %s – %s to %s – %s after %d %s taken for "
					+ "it: its units, session dates and checks are those of the former dates until rerun --conference %s")
				.formatted(after.code(), before.startDate(), before.endDate(), after.startDate(), after.endDate(), taken,
						taken == 1 ? "file was" : "files were", after.code())));
		}
	}

	/**
	 * A file naming its conference by a title two conferences share matches both and is rejected:
	 * a code renamed in the file leaves the conference of the former code, with the same title.
	 */
	private static void noteSharedTitles(Map<String, Conference> stored, Map<Line, Conference> imported,
			List<String> notes) {
		Map<String, Conference> after = new HashMap<>(stored);
		imported.values().forEach(conference -> after.put(folded(conference.code()), conference));
		imported.forEach((line, conference) -> {
			String title = VietnameseText.toneKey(conference.title());
			List<String> sharing = after.values()
				.stream()
				.filter(other -> !folded(other.code()).equals(folded(conference.code()))
						&& VietnameseText.toneKey(other.title()).equals(title))
				.map(Conference::code)
				.sorted()
				.toList();
			if (!sharing.isEmpty()) {
				notes.add(line.problem(("imported, but its title is also that of %s: a file naming the conference by "
						+ "this title matches %s and is rejected (conference-ambiguous) until one title differs; files "
						+ "write the code").formatted(String.join(", ", sharing), sharing.size() == 1 ? "both" : "all")));
			}
		});
	}

	/** Figures loaded for provinces a narrowed scope leaves out stay until a rerun rejects their files. */
	private void noteNarrowedScope(Conference conference, Line line, List<String> notes) {
		if (conference.scope().isEmpty()) {
			return;
		}
		List<String> outside = this.jdbc.queryForList("""
				SELECT DISTINCT province_code FROM warehouse.participation
				WHERE conference_code = ? AND NOT (upper(province_code) = ANY (?::text[]))
				ORDER BY province_code""", String.class, conference.code(),
				conference.scope().stream().map(code -> code.toUpperCase(Locale.ROOT)).toArray(String[]::new));
		if (!outside.isEmpty()) {
			notes.add(line.problem(("imported, but the warehouse holds %s's figures of %s, outside its new scope: they "
					+ "stay until rerun --conference %s rejects their files (conference-out-of-scope)").formatted(
							conference.code(), String.join(", ", outside), conference.code())));
		}
	}

	private static Conference parse(ImportFile file, Line line) throws BadLine {
		String code = line.required(file.column("code"), "code");
		for (char refused : NOT_IN_A_PATH.toCharArray()) {
			if (code.indexOf(refused) >= 0) {
				throw new BadLine(("code %s holds '%c', which the web addresses of the dashboard and the API cannot "
						+ "carry: write the code without it").formatted(code, refused));
			}
		}
		String title = line.required(file.column("title"), "title");
		LocalDate start = required(line.date(file.column("start_date"), "start_date"), "start_date");
		LocalDate end = required(line.date(file.column("end_date"), "end_date"), "end_date");
		LocalDate deadline = required(line.date(file.column("deadline"), "deadline"), "deadline");
		if (start.isAfter(end)) {
			throw new BadLine("start_date %s is after end_date %s".formatted(start, end));
		}
		// Reports are of the conference: with a deadline before it, every unit would count as late.
		if (deadline.isBefore(start)) {
			throw new BadLine("deadline %s is before start_date %s".formatted(deadline, start));
		}
		String scope = line.required(file.column("scope"), "scope");
		List<String> provinces = scope.equalsIgnoreCase(ALL_PROVINCES) ? List.of()
				: Arrays.stream(scope.split("\\|")).map(String::trim)
					.filter(province -> !province.isEmpty())
					.distinct()
					.toList();
		if (provinces.isEmpty() && !scope.equalsIgnoreCase(ALL_PROVINCES)) {
			throw new BadLine("scope '%s' is neither 'all' nor province codes separated by |".formatted(scope));
		}
		return new Conference(code, title, start, end, deadline, provinces);
	}

	private static LocalDate required(LocalDate date, String column) throws BadLine {
		if (date == null) {
			throw new BadLine(column + " is missing");
		}
		return date;
	}

	private void write(String sql, List<Conference> conferences) {
		this.jdbc.batchUpdate(sql, conferences, BATCH_SIZE, (statement, conference) -> {
			statement.setString(1, conference.title());
			statement.setObject(2, conference.startDate(), Types.DATE);
			statement.setObject(3, conference.endDate(), Types.DATE);
			statement.setObject(4, conference.deadline(), Types.DATE);
			// Null, not an empty array, is how the table says "every province".
			statement.setArray(5, conference.scope().isEmpty() ? null
					: statement.getConnection().createArrayOf("text", conference.scope().toArray()));
			statement.setString(6, conference.code());
		});
	}

	static String folded(String code) {
		return code.trim().toLowerCase(Locale.ROOT);
	}

}
