package vn.tonghop.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcOperations;

import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.units.Resolution.Candidate;
import vn.tonghop.units.UnitNames.Form;
import vn.tonghop.units.UnitNames.Keying;

/**
 * An in-memory snapshot of the unit tree: finds units by code or by any usual form of their name,
 * and walks up the tree, always as the tree stood on a given date.
 */
public final class UnitDirectory {

	private static final int SUGGESTIONS = 3;

	/** Deeper than any real tree; stops a walk up a parent cycle in bad data. */
	private static final int MAX_DEPTH = 16;

	/** In code order, which is the order ambiguous candidates are listed in. */
	private final List<Unit> units;

	private final Map<String, List<Unit>> byCode = new HashMap<>();

	/** The codes of {@link #byCode} by their key without leading zeros: "4" for 004, 04 and 00004. */
	private final Map<String, List<String>> byCodeWithoutZeros = new HashMap<>();

	/** Per keying, units by the key of each bare name they are known by. */
	private final Map<Keying, Map<String, List<Named>>> byName = new EnumMap<>(Keying.class);

	/** The asciiKey of every name and bare name of each unit, compared when suggesting. */
	private final Map<Unit, List<String>> suggestionKeys = new HashMap<>();

	/** Units by their parent's code, in every version: what a unit held on its last day. */
	private final Map<String, List<Unit>> children = new HashMap<>();

	/** The reform's links by old unit's code: which units took its place. */
	private final Map<String, List<Link>> links = new HashMap<>();

	private UnitDirectory(List<Unit> units, List<Link> links) {
		this.units = units.stream()
			.sorted(Comparator.comparing(Unit::code)
				.thenComparing(Unit::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
		this.units.forEach(unit -> this.byCode.computeIfAbsent(codeKey(unit.code()), code -> new ArrayList<>()).add(unit));
		this.byCode.keySet()
			.forEach(code -> this.byCodeWithoutZeros.computeIfAbsent(withoutLeadingZeros(code), key -> new ArrayList<>())
				.add(code));
		this.units.stream()
			.filter(unit -> unit.parentCode() != null)
			.forEach(unit -> this.children.computeIfAbsent(codeKey(unit.parentCode()), code -> new ArrayList<>()).add(unit));
		links.forEach(link -> this.links.computeIfAbsent(codeKey(link.oldCode()), code -> new ArrayList<>()).add(link));
		for (Keying key : Keying.values()) {
			this.byName.put(key, new HashMap<>());
		}
		for (Unit unit : this.units) {
			List<String> keys = new ArrayList<>();
			String province = provinceName(unit);
			for (String name : names(unit)) {
				for (Keying key : Keying.values()) {
					Form form = UnitNames.ofName(name, key);
					index(key, unit, form);
					// Within its province "Đảng ủy Khối các cơ quan tỉnh" is written without the province's name.
					Form local = (province != null) ? UnitNames.withoutProvince(form, province, key) : null;
					if (local != null) {
						index(key, unit, local);
					}
					if (key == Keying.ASCII) {
						keys.add(key.apply(name));
						keys.add(form.bare());
					}
				}
			}
			this.suggestionKeys.put(unit, keys);
		}
	}

	private void index(Keying key, Unit unit, Form form) {
		this.byName.get(key).computeIfAbsent(form.bare(), bare -> new ArrayList<>()).add(new Named(unit, form));
	}

	/** The name of the province above the unit, as the tree stood while the unit was valid; null for a province. */
	private String provinceName(Unit unit) {
		LocalDate day = (unit.validTo() != null) ? unit.validTo()
				: (unit.validFrom() != null) ? unit.validFrom() : LocalDate.MAX;
		return province(unit, day).filter(province -> province != unit).map(Unit::name).orElse(null);
	}

	public static UnitDirectory load(JdbcOperations jdbc) {
		return new UnitDirectory(jdbc.query(UnitTable.SELECT, (row, number) -> UnitTable.unit(row)),
				jdbc.query("SELECT old_code, old_valid_to, new_code FROM tonghop.unit_conversion",
						(row, number) -> new Link(row.getString(1), row.getObject(2, LocalDate.class), row.getString(3))));
	}

	/**
	 * The unit's code as the tree writes it, in any version, whatever the case of its letters
	 * ("20-kcq" is 20-KCQ), as a folder's name and a cell's are read; empty when no unit has it. For a
	 * code typed to a command, a path or an account, without loading the whole tree.
	 */
	public static Optional<String> storedCode(JdbcOperations jdbc, String sent) {
		return jdbc
			.queryForList("SELECT code FROM tonghop.unit WHERE upper(code) = upper(?) ORDER BY code = ? DESC, code LIMIT 1",
					String.class, sent, sent)
			.stream()
			.findFirst();
	}

	/** The unit with this code on that day, whatever the case of its letters ("004-ca" is 004-CA). */
	public Optional<Unit> byCode(String code, LocalDate on) {
		return this.byCode.getOrDefault(codeKey(code), List.of()).stream().filter(unit -> unit.validOn(on)).findFirst();
	}

	/** The latest version of the unit with this code, whatever the day; empty for a code never used. */
	public Optional<Unit> latestByCode(String code) {
		List<Unit> versions = this.byCode.getOrDefault(codeKey(code), List.of());
		return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
	}

	/**
	 * The units whose code the given one is but for its leading zeros, whatever the case of its letters
	 * ("4" and "0004" for 004, "4-ca" for 004-CA), shortest code first (04, 004, 00004): those valid on the day, else the latest
	 * version of each; empty for a code that is a unit's as it is, or is none's but for zeros either.
	 * A folder so named was most likely meant for that unit, typed by hand or turned into a number.
	 */
	public List<Unit> differingInLeadingZeros(String code, LocalDate on) {
		String key = codeKey(code);
		if (this.byCode.containsKey(key)) {
			return List.of();
		}
		List<String> codes = this.byCodeWithoutZeros.getOrDefault(withoutLeadingZeros(key), List.of())
			.stream()
			.sorted(Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder()))
			.toList();
		List<Unit> valid = codes.stream().flatMap(other -> byCode(other, on).stream()).toList();
		return !valid.isEmpty() ? valid : codes.stream().flatMap(other -> latestByCode(other).stream()).toList();
	}

	private static String withoutLeadingZeros(String code) {
		return code.replaceFirst("^0+(?=.)", "");
	}

	/**
	 * Finds the unit a file names: by code, else by name in any usual form ("Quận ủy Long Biên",
	 * "Đảng bộ quận Long Biên", "Q. Long Biên", "Long Biên"), matching tone-mark placement loosely,
	 * then, only when that finds nothing, ignoring diacritics.
	 * @param withinCode when not null, only this unit and the units under it on that day; this
	 * unit's committee written alone ("Quận ủy") is then this unit
	 */
	public Resolution resolve(String codeOrName, LocalDate on, String withinCode) {
		Objects.requireNonNull(on, "on");
		String input = VietnameseText.clean(codeOrName);
		if (input.isEmpty()) {
			return new Resolution(Resolution.Status.UNKNOWN, null, List.of());
		}
		Optional<Unit> coded = byCode(input, on).filter(unit -> inScope(unit, withinCode, on));
		if (coded.isPresent()) {
			return Resolution.resolved(coded.get());
		}
		// Within a unit, its committee written alone ("Quận ủy" in Long Biên's file) is that unit.
		Optional<Unit> own = (withinCode != null)
				? byCode(withinCode, on).filter(unit -> UnitNames.isOwnCommittee(input, unit.name())) : Optional.empty();
		if (own.isPresent()) {
			return Resolution.resolved(own.get());
		}
		Set<Unit> found = new LinkedHashSet<>(named(input, unit -> unit.validOn(on) && inScope(unit, withinCode, on)));
		if (found.size() == 1) {
			return Resolution.resolved(found.iterator().next());
		}
		if (found.size() > 1) {
			return new Resolution(Resolution.Status.AMBIGUOUS, null, candidates(found.stream(), on));
		}
		Optional<Unit> ended = ended(input, on);
		if (ended.isPresent()) {
			return new Resolution(Resolution.Status.ENDED, null,
					candidates(successors(ended.get(), on).stream().filter(unit -> inScope(unit, withinCode, on)), on),
					ended.get());
		}
		List<String> inputs = Stream.concat(Stream.of(Keying.ASCII.apply(input)),
				UnitNames.readings(input, Keying.ASCII).stream().map(Form::bare)).toList();
		List<Unit> inScope = this.units.stream()
			.filter(unit -> unit.validOn(on) && inScope(unit, withinCode, on))
			.toList();
		List<Unit> padded = padded(input, inScope);
		List<Unit> closest = Closest.to(inputs, inScope, this.suggestionKeys::get, SUGGESTIONS);
		return new Resolution(Resolution.Status.UNKNOWN, null,
				candidates(Stream.concat(padded.stream(), closest.stream()).distinct().limit(Math.max(SUGGESTIONS,
						padded.size())), on));
	}

	/**
	 * The one unit the input names by code or name that ended before the day (a district after the
	 * reform of 1 July 2025), its latest version; empty when none does, or several units do.
	 */
	private Optional<Unit> ended(String input, LocalDate on) {
		List<Unit> coded = this.byCode.getOrDefault(codeKey(input), List.of())
			.stream()
			.filter(unit -> endedBefore(unit, on))
			.toList();
		if (!coded.isEmpty()) {
			return Optional.of(coded.get(coded.size() - 1));
		}
		Map<String, Unit> found = new HashMap<>();
		named(input, unit -> endedBefore(unit, on)).forEach(unit -> found.merge(unit.code(), unit,
				(one, other) -> one.validTo().isAfter(other.validTo()) ? one : other));
		return (found.size() == 1) ? found.values().stream().findFirst() : Optional.empty();
	}

	/**
	 * The units {@code keep} accepts among those the input names, from the first of its readings (by
	 * keying, then reading) that names any; empty when none does.
	 */
	private List<Unit> named(String input, Predicate<Unit> keep) {
		for (Keying key : Keying.values()) {
			for (Form reading : UnitNames.readings(input, key)) {
				List<Unit> found = new ArrayList<>();
				for (Named named : this.byName.get(key).getOrDefault(reading.bare(), List.of())) {
					if (named.form().matches(reading) && keep.test(named.unit())) {
						found.add(named.unit());
					}
				}
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		return List.of();
	}

	private static boolean endedBefore(Unit unit, LocalDate on) {
		return unit.validTo() != null && unit.validTo().isBefore(on);
	}

	/**
	 * The units valid on the day that the reform's links name for an ended unit, or for a unit it held
	 * on its last day (a district's communes), and the unit its code names on the day, in code order;
	 * for a province, their provinces.
	 */
	private List<Unit> successors(Unit ended, LocalDate on) {
		LocalDate last = ended.validTo();
		Set<Unit> next = new LinkedHashSet<>();
		Set<String> seen = new HashSet<>();
		List<Unit> held = new ArrayList<>(List.of(ended));
		while (!held.isEmpty()) {
			Unit old = held.remove(held.size() - 1);
			if (!seen.add(codeKey(old.code()))) {
				continue;
			}
			this.links.getOrDefault(codeKey(old.code()), List.of())
				.stream()
				.filter(link -> link.oldValidTo().equals(old.validTo()))
				.forEach(link -> byCode(link.newCode(), on).ifPresent(next::add));
			this.children.getOrDefault(codeKey(old.code()), List.of())
				.stream()
				.filter(unit -> unit.validOn(last))
				.forEach(held::add);
		}
		// A unit renamed under its code (a period of its own from the reform) took its own place; no link says so.
		byCode(ended.code(), on).ifPresent(next::add);
		Stream<Unit> units = ended.kind().equals("province")
				? next.stream().map(unit -> province(unit, on).orElse(null)).filter(Objects::nonNull) : next.stream();
		return units.distinct().sorted(Comparator.comparing(Unit::code)).toList();
	}

	/**
	 * The units whose code is the number written with leading zeros: a spreadsheet keeps 004 typed
	 * without a text format as the number 4. Offered first, never taken: 4 may be 04, 004 or 00004.
	 */
	private static List<Unit> padded(String input, List<Unit> units) {
		if (!input.matches("\\d+")) {
			return List.of();
		}
		String number = input.replaceFirst("^0+(?=\\d)", "");
		return units.stream()
			.filter(unit -> unit.code().length() > input.length() && unit.code().matches("0+\\d+")
					&& unit.code().replaceFirst("^0+(?=\\d)", "").equals(number))
			.toList();
	}

	/** The province the unit belongs to on that day; the unit itself when it is a province. */
	public Optional<Unit> province(Unit unit, LocalDate on) {
		return ancestor(unit, on, "province");
	}

	/**
	 * The district-level unit the unit belongs to on that day: the nearest ancestor of kind
	 * district, or the unit itself when it is one; empty for provinces and for units directly under
	 * a province.
	 */
	public Optional<Unit> district(Unit unit, LocalDate on) {
		return ancestor(unit, on, "district");
	}

	/**
	 * Where the unit's way up to its province breaks on that day: the code of the first parent that is
	 * no unit then (a tree line outliving its parent's); empty when it reaches a province.
	 */
	public Optional<String> missingParent(Unit unit, LocalDate on) {
		Unit current = unit;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current.kind().equals("province")) {
				return Optional.empty();
			}
			Optional<Unit> parent = parent(current, on);
			if (parent.isEmpty()) {
				return Optional.ofNullable(current.parentCode());
			}
			current = parent.get();
		}
		return Optional.empty();
	}

	/** Whether the unit is the unit with {@code ancestorCode} or under it on that day. */
	public boolean isWithin(Unit unit, String ancestorCode, LocalDate on) {
		Unit current = unit;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current.code().equals(ancestorCode)) {
				return true;
			}
			current = parent(current, on).orElse(null);
		}
		return false;
	}

	private Optional<Unit> ancestor(Unit unit, LocalDate on, String kind) {
		Unit current = unit;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current.kind().equals(kind)) {
				return Optional.of(current);
			}
			if (current.kind().equals("province")) {
				return Optional.empty();
			}
			current = parent(current, on).orElse(null);
		}
		return Optional.empty();
	}

	private Optional<Unit> parent(Unit unit, LocalDate on) {
		return unit.parentCode() != null ? byCode(unit.parentCode(), on) : Optional.empty();
	}

	private boolean inScope(Unit unit, String withinCode, LocalDate on) {
		return withinCode == null || isWithin(unit, withinCode, on);
	}

	private List<Candidate> candidates(Stream<Unit> units, LocalDate on) {
		return units
			.map(unit -> new Candidate(unit.code(), unit.name(), parent(unit, on).map(Unit::name).orElse(null)))
			.toList();
	}

	/** Codes are told apart by their characters, not their case: a folder or a cell may be typed either way. */
	private static String codeKey(String code) {
		return code.trim().toUpperCase(Locale.ROOT);
	}

	private static List<String> names(Unit unit) {
		List<String> names = new ArrayList<>(unit.aliases());
		names.add(0, unit.name());
		return names;
	}

	/** A link of the reform's conversion table: the old unit's code and last day, the new unit's code. */
	private record Link(String oldCode, LocalDate oldValidTo, String newCode) {
	}

	/** One name a unit is known by, split into type word and bare name. */
	private record Named(Unit unit, Form form) {
	}

}
