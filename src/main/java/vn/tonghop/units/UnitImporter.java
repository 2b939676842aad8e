package vn.tonghop.units;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.units.ImportFile.BadLine;
import vn.tonghop.units.ImportFile.Line;

/**
 * Loads the unit tree from the statistics office's commune list export or from the project's units
 * CSV. A unit row is identified by (code, valid_from); importing the same file again changes
 * nothing.
 */
@Service
public class UnitImporter {

	/**
	 * The last day of the three-level structure: the reform of 1 July 2025 abolished districts,
	 * merged communes and re-coded provinces, so every unit of the pre-reform export ends here.
	 */
	static final LocalDate PRE_REFORM_LAST_DAY = LocalDate.of(2025, 6, 30);

	private static final String OFFICE_SOURCE = "statistics-office";

	private static final String CSV_SOURCE = "units-csv";

	private static final List<String> OFFICE_COLUMNS = List.of("Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH",
			"Phường Xã", "Mã PX", "Cấp");

	private static final List<String> CSV_COLUMNS = List.of("code", "name", "parent_code", "kind", "valid_from",
			"valid_to", "aliases");

	private static final List<String> KINDS = List.of("province", "district", "grassroots", "cell");

	private static final int BATCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	UnitImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws IOException when the file cannot be read or is in neither format
	 */
	@Transactional
	public ImportReport importFile(Path path) throws IOException {
		return importFile(ImportFile.read(path));
	}

	/**
	 * @throws IOException when the file is in neither format
	 */
	@Transactional
	ImportReport importFile(ImportFile file) throws IOException {
		ReferenceLock.hold(this.jdbc);
		Path path = file.path();
		List<String> problems = new ArrayList<>(file.problems());
		Map<Identity, Unit> stored = storedUnits();
		List<Parsed> parsed;
		String source;
		if (file.hasColumns(OFFICE_COLUMNS)) {
			parsed = officeRows(file, problems);
			source = OFFICE_SOURCE;
		}
		else if (file.hasColumns(CSV_COLUMNS)) {
			parsed = csvRows(file, problems);
			source = CSV_SOURCE;
		}
		else {
			throw new IOException(("%s is neither the statistics office's commune list (columns %s) nor the units CSV "
					+ "(columns %s) nor a reform's conversion table (columns %s and %s under a row stating the date)")
				.formatted(path, String.join(", ", OFFICE_COLUMNS), String.join(",", CSV_COLUMNS),
						ConversionTable.NEW_CODE, ConversionTable.OLD_CODE));
		}
		ImportReport report = store(checked(parsed, stored, problems), stored, source, problems);
		return source.equals(OFFICE_SOURCE) ? new ImportReport(report.added(), report.changed(), report.unchanged(),
				report.problems(), notListed(parsed, stored.keySet())) : report;
	}

	/**
	 * The units an earlier commune list gave under a province this one lists that it no longer has:
	 * kept, since files of before name them, but they may have ended, which only the administrator can date.
	 */
	private List<String> notListed(List<Parsed> rows, Set<Identity> before) {
		Set<Identity> listed = new HashSet<>();
		Set<String> provinces = new HashSet<>();
		rows.forEach(row -> {
			listed.add(Identity.of(row.unit()));
			if (row.unit().kind().equals("province")) {
				provinces.add(row.unit().code());
			}
		});
		// The first import, or the same list again, leaves nothing out: no need to read the tree's sources.
		if (listed.containsAll(before)) {
			return List.of();
		}
		Map<String, Unit> office = new HashMap<>();
		this.jdbc.query(UnitTable.SELECT + " WHERE source = ?", row -> {
			Unit unit = UnitTable.unit(row);
			office.put(unit.code(), unit);
		}, OFFICE_SOURCE);
		return office.values()
			.stream()
			.filter(unit -> !listed.contains(Identity.of(unit)) && provinces.contains(provinceCode(unit, office)))
			.sorted(Comparator.comparing(Unit::code))
			.map(unit -> ("%s %s %s%s of an earlier statistics office list is not in this one: kept as it was, valid to %s; "
					+ "if it has ended, give its last day as valid_to in a units CSV").formatted(unit.kind(), unit.code(),
							unit.name(), (unit.parentCode() != null) ? " (under " + unit.parentCode() + ")" : "",
							Objects.toString(unit.validTo(), "today")))
			.toList();
	}

	/** The code of the province above an office unit in the office's tree (province, district, commune). */
	private static String provinceCode(Unit unit, Map<String, Unit> office) {
		Unit current = unit;
		for (int depth = 0; current != null && current.parentCode() != null && depth < 3; depth++) {
			current = office.get(current.parentCode());
		}
		return (current != null && current.parentCode() == null) ? current.code() : null;
	}

	/**
	 * Stores units read from another reference file (the reform's conversion table) with the same
	 * checks, in the caller's transaction. Rows that fail a check are added to {@code problems}.
	 */
	ImportReport storeUnits(List<Parsed> rows, String source, List<String> problems) {
		Map<Identity, Unit> stored = storedUnits();
		return store(checked(rows, stored, problems), stored, source, problems);
	}

	private Map<Identity, Unit> storedUnits() {
		Map<Identity, Unit> stored = new HashMap<>();
		this.jdbc.query(UnitTable.SELECT, row -> {
			Unit unit = UnitTable.unit(row);
			stored.put(Identity.of(unit), unit);
		});
		return stored;
	}

	/** Provinces and districts repeat on every commune line; each is taken once. */
	private static List<Parsed> officeRows(ImportFile file, List<String> problems) {
		int provinceName = file.column("Tỉnh Thành Phố");
		int provinceCode = file.column("Mã TP");
		int districtName = file.column("Quận Huyện");
		int districtCode = file.column("Mã QH");
		int communeName = file.column("Phường Xã");
		int communeCode = file.column("Mã PX");
		Map<String, Parsed> provinces = new LinkedHashMap<>();
		Map<String, Parsed> districts = new LinkedHashMap<>();
		List<Parsed> communes = new ArrayList<>();
		for (Line line : file.lines()) {
			try {
				Unit province = officeUnit(officeCode(line.required(provinceCode, "Mã TP"), 2),
						line.required(provinceName, "Tỉnh Thành Phố"), "province", null);
				Unit district = officeUnit(officeCode(line.required(districtCode, "Mã QH"), 3),
						line.required(districtName, "Quận Huyện"), "district", province.code());
				Unit commune = null;
				// Island districts without communes come as one line with the commune columns blank.
				if (!line.field(communeCode).isEmpty() || !line.field(communeName).isEmpty()) {
					commune = officeUnit(officeCode(line.required(communeCode, "Mã PX"), 5),
							line.required(communeName, "Phường Xã"), "grassroots", district.code());
				}
				takeOnce(provinces, new Parsed(line, province));
				takeOnce(districts, new Parsed(line, district));
				if (commune != null) {
					communes.add(new Parsed(line, commune));
				}
			}
			catch (BadLine ex) {
				problems.add(line.problem(ex.getMessage()));
			}
		}
		List<Parsed> rows = new ArrayList<>(provinces.values());
		rows.addAll(districts.values());
		rows.addAll(communes);
		return rows;
	}

	/**
	 * The office's codes have a fixed number of digits; the list opened in Excel and saved again
	 * has them as numbers, 01 as 1, which would be another unit's code or none.
	 */
	private static String officeCode(String code, int digits) {
		if (code.length() >= digits || !code.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return code;
		}
		return "0".repeat(digits - code.length()) + code;
	}

	private static Unit officeUnit(String code, String name, String kind, String parentCode) {
		return new Unit(code, name, kind, parentCode, null, PRE_REFORM_LAST_DAY, List.of());
	}

	private static void takeOnce(Map<String, Parsed> units, Parsed row) throws BadLine {
		Parsed first = units.putIfAbsent(row.unit().code(), row);
		if (first != null && !first.unit().equals(row.unit())) {
			throw new BadLine("%s %s is '%s' under %s here but '%s' under %s on line %d".formatted(row.unit().kind(),
					row.unit().code(), row.unit().name(), row.unit().parentCode(), first.unit().name(),
					first.unit().parentCode(), first.line().number()));
		}
	}

	private static List<Parsed> csvRows(ImportFile file, List<String> problems) {
		int code = file.column("code");
		int name = file.column("name");
		int parentCode = file.column("parent_code");
		int kind = file.column("kind");
		int validFrom = file.column("valid_from");
		int validTo = file.column("valid_to");
		int aliases = file.column("aliases");
		List<Parsed> rows = new ArrayList<>();
		for (Line line : file.lines()) {
			try {
				String unitKind = line.required(kind, "kind").toLowerCase(Locale.ROOT);
				if (!KINDS.contains(unitKind)) {
					throw new BadLine("kind '%s' is not one of %s".formatted(line.field(kind), String.join(", ", KINDS)));
				}
				String parent = line.field(parentCode);
				if (unitKind.equals("province") != parent.isEmpty()) {
					throw new BadLine(parent.isEmpty() ? "parent_code is missing" : "a province has no parent_code");
				}
				LocalDate from = line.date(validFrom, "valid_from");
				LocalDate to = line.date(validTo, "valid_to");
				if (from != null && to != null && from.isAfter(to)) {
					throw new BadLine("valid_from %s is after valid_to %s".formatted(from, to));
				}
				List<String> otherNames = Arrays.stream(line.field(aliases).split("\\|"))
					.map(VietnameseText::clean)
					.filter(alias -> !alias.isEmpty())
					.distinct()
					.toList();
				rows.add(new Parsed(line, new Unit(line.required(code, "code"), line.required(name, "name"),
						unitKind, parent.isEmpty() ? null : parent, from, to, otherNames)));
			}
			catch (BadLine ex) {
				problems.add(line.problem(ex.getMessage()));
			}
		}
		return rows;
	}

	private static List<Parsed> checked(List<Parsed> rows, Map<Identity, Unit> stored, List<String> problems) {
		return withoutCycles(consistent(spelledAsTheTree(rows, stored), stored, problems), stored, problems);
	}

	/**
	 * Codes and parent codes as the tree, else the first line, writes them: codes match whatever the
	 * case of their letters everywhere else, so "lb-ca" is that LB-CA, not a second unit beside it.
	 */
	private static List<Parsed> spelledAsTheTree(List<Parsed> rows, Map<Identity, Unit> stored) {
		Map<String, String> spelling = new HashMap<>();
		stored.keySet().forEach(identity -> spelling.putIfAbsent(codeKey(identity.code()), identity.code()));
		rows.forEach(row -> spelling.putIfAbsent(codeKey(row.unit().code()), row.unit().code()));
		return rows.stream().map(row -> {
			Unit unit = row.unit();
			String code = spelling.get(codeKey(unit.code()));
			String parent = (unit.parentCode() != null)
					? spelling.getOrDefault(codeKey(unit.parentCode()), unit.parentCode()) : null;
			return code.equals(unit.code()) && Objects.equals(parent, unit.parentCode()) ? row : new Parsed(row.line(),
					new Unit(code, unit.name(), unit.kind(), parent, unit.validFrom(), unit.validTo(), unit.aliases()));
		}).toList();
	}

	private static String codeKey(String code) {
		return code.toUpperCase(Locale.ROOT);
	}

	/**
	 * Drops rows that would leave the tree inconsistent: a second row for the same identity, a code or
	 * parent code that lost its leading zeros, a period overlapping another period of the same code (a
	 * code must name one unit on any day; of two such rows in the file the later one is dropped), or a
	 * parent code no unit has.
	 */
	private static List<Parsed> consistent(List<Parsed> rows, Map<Identity, Unit> stored, List<String> problems) {
		Map<Identity, Parsed> unique = new LinkedHashMap<>();
		for (Parsed row : rows) {
			Parsed first = unique.putIfAbsent(Identity.of(row.unit()), row);
			if (first != null) {
				problems.add(row.line().problem("%s valid from %s is already on line %d".formatted(row.unit().code(),
						Objects.toString(row.unit().validFrom(), "the start"), first.line().number())));
			}
		}
		Set<String> codes = new HashSet<>();
		Map<String, List<Unit>> periods = new HashMap<>();
		stored.forEach((identity, unit) -> {
			codes.add(identity.code());
			if (!unique.containsKey(identity)) {
				periods.computeIfAbsent(identity.code(), code -> new ArrayList<>()).add(unit);
			}
		});
		Set<String> storedCodes = new HashSet<>(codes);
		unique.keySet().forEach(identity -> codes.add(identity.code()));
		Map<String, List<Unit>> padded = new HashMap<>();
		Stream.concat(stored.values().stream(), unique.values().stream().map(Parsed::unit))
			.filter(unit -> unit.code().matches("0+\\d+"))
			.forEach(unit -> padded.computeIfAbsent(number(unit.code()), number -> new ArrayList<>()).add(unit));
		Map<String, List<String>> lost = new HashMap<>();
		unique.values().stream().map(Parsed::unit).filter(unit -> !storedCodes.contains(unit.code())).forEach(unit -> {
			List<String> withZeros = withZeros(unit.code(), padded, other -> other.kind().equals(unit.kind()));
			if (!withZeros.isEmpty()) {
				lost.put(unit.code(), withZeros);
			}
		});
		List<Parsed> accepted = new ArrayList<>();
		for (Parsed row : unique.values()) {
			Unit unit = row.unit();
			List<Unit> others = periods.computeIfAbsent(unit.code(), code -> new ArrayList<>());
			Optional<Unit> overlapping = others.stream().filter(other -> overlap(unit, other)).findFirst();
			List<String> coded = lost.getOrDefault(unit.code(), List.of());
			List<String> parented = (unit.parentCode() == null || !codes.contains(unit.parentCode()))
					? withZeros(Objects.toString(unit.parentCode(), ""), padded, other -> true)
					: lost.getOrDefault(unit.parentCode(), List.of());
			if (!coded.isEmpty() || !parented.isEmpty()) {
				problems.add(row.line().problem(coded.isEmpty() ? zerosLost("parent_code", unit.parentCode(), parented)
						: zerosLost("code", unit.code(), coded)));
			}
			else if (overlapping.isPresent()) {
				problems.add(row.line().problem("%s %s overlaps %s %s".formatted(unit.code(), period(unit),
						overlapping.get().name(), period(overlapping.get()))));
			}
			else if (unit.parentCode() != null && !codes.contains(unit.parentCode())) {
				problems.add(row.line().problem("parent_code %s is not a known unit".formatted(unit.parentCode())));
			}
			else {
				accepted.add(row);
				others.add(unit);
			}
		}
		return accepted;
	}

	/**
	 * The codes of the units {@code kept} among those padded by their number that a code of digits alone
	 * stands for with its leading zeros: a spreadsheet keeps 004 typed without a text format as 4, which
	 * would be a second district beside 004, or a parent that is none. Codes of other widths are other
	 * kinds' (province 19, district 019, commune 00019).
	 */
	private static List<String> withZeros(String code, Map<String, List<Unit>> padded, Predicate<Unit> kept) {
		if (!code.matches("[1-9]\\d*")) {
			return List.of();
		}
		return padded.getOrDefault(code, List.of())
			.stream()
			.filter(kept)
			.map(Unit::code)
			.distinct()
			.sorted(Comparator.comparing(String::length))
			.toList();
	}

	private static String number(String digits) {
		return digits.replaceFirst("^0+(?=\\d)", "");
	}

	private static String zerosLost(String column, String code, List<String> padded) {
		String codes = String.join(" or ", padded);
		return ("%s %s is not a unit's code, but %s is: a spreadsheet drops the leading zeros of a code typed as a number; "
				+ "write %s (the column formatted as text)").formatted(column, code, codes, codes);
	}

	/**
	 * Drops rows whose parent leads back to them on the first day they are valid: such a unit would be
	 * in no province (every walk up the tree stops at a depth limit instead). All rows of a cycle go.
	 */
	private static List<Parsed> withoutCycles(List<Parsed> rows, Map<Identity, Unit> stored, List<String> problems) {
		Map<String, List<Unit>> versions = new HashMap<>();
		stored.forEach((identity, unit) -> versions.computeIfAbsent(identity.code(), code -> new ArrayList<>()).add(unit));
		for (Parsed row : rows) {
			List<Unit> others = versions.computeIfAbsent(row.unit().code(), code -> new ArrayList<>());
			others.removeIf(unit -> Identity.of(unit).equals(Identity.of(row.unit())));
			others.add(row.unit());
		}
		List<Parsed> accepted = new ArrayList<>();
		for (Parsed row : rows) {
			Unit unit = row.unit();
			LocalDate day = (unit.validFrom() != null) ? unit.validFrom() : LocalDate.MIN;
			List<String> path = new ArrayList<>(List.of(unit.code()));
			String code = unit.parentCode();
			while (code != null && !code.equals(unit.code()) && path.size() <= versions.size()) {
				path.add(code);
				code = versions.getOrDefault(code, List.of()).stream()
					.filter(version -> version.validOn(day))
					.findFirst()
					.map(Unit::parentCode)
					.orElse(null);
			}
			if (unit.code().equals(code)) {
				path.add(code);
				problems.add(row.line().problem("parent_code %s leads back to %s (%s): the unit would be in no province"
					.formatted(unit.parentCode(), unit.code(), String.join(" → ", path))));
			}
			else {
				accepted.add(row);
			}
		}
		return accepted;
	}

	private static boolean overlap(Unit a, Unit b) {
		return (a.validTo() == null || b.validFrom() == null || !a.validTo().isBefore(b.validFrom()))
				&& (b.validTo() == null || a.validFrom() == null || !b.validTo().isBefore(a.validFrom()));
	}

	private static String period(Unit unit) {
		return "(%s to %s)".formatted(dateOrOpen(unit.validFrom()), dateOrOpen(unit.validTo()));
	}

	private static String dateOrOpen(LocalDate date) {
		return date != null ? date.toString() : "open";
	}

	private ImportReport store(List<Parsed> rows, Map<Identity, Unit> stored, String source, List<String> problems) {
		List<Unit> inserts = new ArrayList<>();
		List<Unit> updates = new ArrayList<>();
		int unchanged = 0;
		for (Parsed row : rows) {
			Unit unit = row.unit();
			Unit before = stored.get(Identity.of(unit));
			if (before == null) {
				inserts.add(unit);
				continue;
			}
			if (!source.equals(CSV_SOURCE)) {
				// The office's files (commune list, conversion table) carry no aliases; those of the units CSV stay,
				// and a name a newer list changed stays one too: files of before name the unit so.
				List<String> aliases = new ArrayList<>(before.aliases());
				if (!unit.name().equals(before.name()) && !aliases.contains(before.name())) {
					aliases.add(before.name());
				}
				unit = new Unit(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.validFrom(),
						unit.validTo(), aliases);
			}
			if (unit.equals(before)) {
				unchanged++;
			}
			else {
				updates.add(unit);
			}
		}
		batch("""
				INSERT INTO tonghop.unit (name, kind, parent_code, valid_to, aliases, source, code, valid_from)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts, source);
		// The condition is the unique index's expression, so each update is an index lookup.
		batch("""
				UPDATE tonghop.unit SET name = ?, kind = ?, parent_code = ?, valid_to = ?, aliases = ?, source = ?,
				updated_at = now() WHERE code = ? AND coalesce(valid_from, '-infinity') = coalesce(?::date, '-infinity')""",
				updates, source);
		return new ImportReport(inserts.size(), updates.size(), unchanged, problems);
	}

	private void batch(String sql, List<Unit> units, String source) {
		this.jdbc.batchUpdate(sql, units, BATCH_SIZE, (statement, unit) -> {
			statement.setString(1, unit.name());
			statement.setString(2, unit.kind());
			statement.setString(3, unit.parentCode());
			statement.setObject(4, unit.validTo(), Types.DATE);
			statement.setArray(5, statement.getConnection().createArrayOf("text", unit.aliases().toArray()));
			statement.setString(6, source);
			statement.setString(7, unit.code());
			statement.setObject(8, unit.validFrom(), Types.DATE);
		});
	}

	private record Identity(String code, LocalDate validFrom) {

		static Identity of(Unit unit) {
			return new Identity(unit.code(), unit.validFrom());
		}

	}

	/** A unit and the line it was read from, for messages. */
	record Parsed(Line line, Unit unit) {
	}

}
