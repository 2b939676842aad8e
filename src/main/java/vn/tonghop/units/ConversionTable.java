package vn.tonghop.units;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.units.ImportFile.BadLine;
import vn.tonghop.units.ImportFile.Line;
import vn.tonghop.units.UnitImporter.Parsed;

/**
 * The official old→new conversion table of a reform, as the statistics office exports it: a group
 * header row stating the reform date ("Đơn vị hành chính từ ngày 01/7/2025"), a column header row,
 * a section row per new province ("THÀNH PHỐ HÀ NỘI  "), then one line per old commune merged into
 * a new commune, with codes inside the text of the province and district columns
 * ("Quận Ba Đình (001)"). Text is cleaned as read (NFC, spacing, apostrophes, line breaks).
 * @param firstDay the first day of the new structure; the old units' last day is the day before
 * @param units the new provinces and communes, valid from {@code firstDay}
 * @param skipped lines not imported and why
 * @param notes lines imported in a particular way or contradicting an earlier line, kept as written
 */
record ConversionTable(LocalDate firstDay, List<Parsed> units, List<Link> links, List<String> skipped,
		List<String> notes) {

	static final String NEW_PROVINCE = "Tỉnh, thành phố";

	static final String NEW_NAME = "Tên Xã mới";

	static final String NEW_CODE = "Mã Xã mới";

	static final String OLD_NAME = "Tên Xã cũ";

	static final String OLD_CODE = "Mã Xã cũ";

	static final String NOTE = "Ghi chú";

	static final String OLD_DISTRICT = "Quận/huyện";

	static final String OLD_PROVINCE = "Tỉnh cũ";

	private static final List<String> COLUMNS = List.of(NEW_PROVINCE, NEW_NAME, NEW_CODE, OLD_NAME, OLD_CODE, NOTE,
			OLD_DISTRICT, OLD_PROVINCE);

	private static final List<String> KEY_COLUMNS = List.of(NEW_CODE, OLD_CODE);

	/** "từ ngày 01/7/2025" once folded to ASCII words. */
	private static final Pattern FIRST_DAY = Pattern.compile("\\btu ngay (\\d{1,2}) (\\d{1,2}) (\\d{4})\\b");

	private static final Pattern CODE_IN_TEXT = Pattern.compile("^(.*?)\\s*\\((\\d+)\\)$");

	private static final Pattern CODE = Pattern.compile("\\d+");

	ConversionTable {
		units = List.copyOf(units);
		links = List.copyOf(links);
		skipped = List.copyOf(skipped);
		notes = List.copyOf(notes);
	}

	LocalDate oldLastDay() {
		return this.firstDay.minusDays(1);
	}

	/** Whether the file has the table's key columns in its first or second row. */
	static boolean recognizes(ImportFile file) {
		return hasColumns(file.header(), KEY_COLUMNS)
				|| (!file.lines().isEmpty() && hasColumns(cleaned(file.lines().get(0)), KEY_COLUMNS));
	}

	/**
	 * @throws IOException when the table lacks a column or the group header row stating its date
	 */
	static ConversionTable read(ImportFile file) throws IOException {
		if (file.lines().isEmpty() || !hasColumns(cleaned(file.lines().get(0)), KEY_COLUMNS)) {
			throw new IOException("%s: the conversion table needs its group header row stating the reform date "
					+ "('Đơn vị hành chính từ ngày dd/mm/yyyy') above the column header row".formatted(file.path()));
		}
		Line columnRow = file.lines().get(0);
		List<String> columns = cleaned(columnRow);
		List<String> missing = COLUMNS.stream().filter(name -> indexOf(columns, name) < 0).toList();
		if (!missing.isEmpty()) {
			throw new IOException("%s: the conversion table lacks the columns %s".formatted(file.path(),
					String.join(", ", missing)));
		}
		LocalDate firstDay = firstDay(file);
		Reader reader = new Reader(firstDay, columns);
		reader.skipped.add("line 1: group header row (new structure from %s)".formatted(firstDay));
		reader.skipped.add(columnRow.problem("column header row"));
		reader.skipped.addAll(file.problems());
		file.lines().stream().skip(1).forEach(reader::read);
		List<Parsed> units = new ArrayList<>(reader.provinces.values());
		units.addAll(reader.communes.values());
		return new ConversionTable(firstDay, units, new ArrayList<>(reader.links.values()), reader.skipped,
				reader.notes);
	}

	private static LocalDate firstDay(ImportFile file) throws IOException {
		Matcher date = FIRST_DAY.matcher(VietnameseText.asciiKey(String.join(" ", file.header())));
		if (!date.find()) {
			throw new IOException("%s: the group header row states no date ('từ ngày dd/mm/yyyy'): %s"
				.formatted(file.path(), String.join(" ", file.header()).trim()));
		}
		try {
			return LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
					Integer.parseInt(date.group(1)));
		}
		catch (DateTimeException ex) {
			throw new IOException("%s: the group header row states no valid date: %s".formatted(file.path(),
					date.group()), ex);
		}
	}

	private static List<String> cleaned(Line line) {
		return line.fields().stream().map(VietnameseText::clean).toList();
	}

	private static boolean hasColumns(List<String> row, List<String> names) {
		return names.stream().allMatch(name -> indexOf(row, name) >= 0);
	}

	private static int indexOf(List<String> row, String name) {
		String key = VietnameseText.asciiKey(name);
		for (int i = 0; i < row.size(); i++) {
			if (VietnameseText.asciiKey(row.get(i)).equals(key)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * One link: an old unit merged, wholly or partly, into a new commune. The old unit is a commune,
	 * or a district itself where the table names no old commune (island districts without communes,
	 * and land the district administered directly).
	 * @param oldKind grassroots or district
	 * @param wholePopulation the note says the new commune took the old unit's whole population
	 */
	record Link(String oldCode, String newCode, String oldKind, String oldName, String oldDistrictCode,
			String oldProvinceCode, String newProvinceCode, Share share, boolean wholePopulation, String note) {
	}

	/** How much of the old unit went into the new commune, as the note says. */
	enum Share {

		WHOLE, PARTIAL;

		String sql() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Share ofSql(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/** A name and the code written after it in brackets. */
	private record Coded(String name, String code) {
	}

	/** What an earlier line said, and which line. */
	private record Seen(long line, String value) {
	}

	/** Reads the data lines in order, remembering what earlier lines said to catch contradictions. */
	private static final class Reader {

		private final LocalDate firstDay;

		private final int newProvince;

		private final int newName;

		private final int newCode;

		private final int oldName;

		private final int oldCode;

		private final int note;

		private final int oldDistrict;

		private final int oldProvince;

		private final Map<String, Parsed> provinces = new LinkedHashMap<>();

		private final Map<String, Parsed> communes = new LinkedHashMap<>();

		private final Map<List<String>, Link> links = new LinkedHashMap<>();

		private final Map<List<String>, Long> linkLines = new HashMap<>();

		private final Map<String, Seen> oldNames = new HashMap<>();

		private final Map<String, Seen> districtProvinces = new HashMap<>();

		private final List<String> skipped = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		Reader(LocalDate firstDay, List<String> columns) {
			this.firstDay = firstDay;
			this.newProvince = indexOf(columns, NEW_PROVINCE);
			this.newName = indexOf(columns, NEW_NAME);
			this.newCode = indexOf(columns, NEW_CODE);
			this.oldName = indexOf(columns, OLD_NAME);
			this.oldCode = indexOf(columns, OLD_CODE);
			this.note = indexOf(columns, NOTE);
			this.oldDistrict = indexOf(columns, OLD_DISTRICT);
			this.oldProvince = indexOf(columns, OLD_PROVINCE);
		}

		void read(Line line) {
			List<String> fields = cleaned(line);
			long filled = fields.stream().filter(field -> !field.isEmpty()).count();
			if (filled == 0) {
				this.skipped.add(line.problem("blank row"));
				return;
			}
			if (filled == 1 && !fields.get(0).isEmpty()) {
				this.skipped.add(line.problem("province section row '%s'".formatted(fields.get(0))));
				return;
			}
			try {
				link(line);
			}
			catch (BadLine ex) {
				this.skipped.add(line.problem(ex.getMessage()));
			}
		}

		private void link(Line line) throws BadLine {
			Coded province = coded(line, this.newProvince, NEW_PROVINCE);
			String communeName = line.required(this.newName, NEW_NAME);
			String communeCode = code(line, this.newCode, NEW_CODE);
			Coded district = coded(line, this.oldDistrict, OLD_DISTRICT);
			Coded formerProvince = coded(line, this.oldProvince, OLD_PROVINCE);
			String noteText = line.field(this.note);
			String noteKey = VietnameseText.asciiKey(noteText);
			Share share = noteKey.contains("mot phan") ? Share.PARTIAL : Share.WHOLE;
			boolean wholePopulation = noteKey.contains("toan bo dan so");
			String name = line.field(this.oldName);
			Link link;
			String how = null;
			if (!line.field(this.oldCode).isEmpty()) {
				link = new Link(code(line, this.oldCode, OLD_CODE), communeCode, "grassroots",
						line.required(this.oldName, OLD_NAME), district.code(), formerProvince.code(), province.code(),
						share, wholePopulation, noteText);
			}
			else if (name.isEmpty()) {
				link = new Link(district.code(), communeCode, "district", district.name(), district.code(),
						formerProvince.code(), province.code(), share, wholePopulation, noteText);
				how = "no old commune: district %s %s itself is linked to %s".formatted(district.code(),
						district.name(), communeCode);
			}
			else {
				link = new Link(district.code(), communeCode, "district", name, district.code(), formerProvince.code(),
						province.code(), Share.PARTIAL, wholePopulation, noteText);
				how = "'%s' has no code: linked as part of district %s %s".formatted(name, district.code(),
						district.name());
			}
			List<String> identity = List.of(link.oldCode(), link.newCode());
			Long first = this.linkLines.get(identity);
			if (first != null) {
				throw new BadLine("the link %s → %s is already on line %d".formatted(link.oldCode(), link.newCode(),
						first));
			}
			Unit newProvinceUnit = new Unit(province.code(), province.name(), "province", null, this.firstDay, null,
					List.of());
			Unit commune = new Unit(communeCode, communeName, "grassroots", province.code(), this.firstDay, null,
					List.of());
			Parsed earlierCommune = this.communes.get(communeCode);
			if (earlierCommune != null && !Objects.equals(earlierCommune.unit().parentCode(), province.code())) {
				throw new BadLine("new commune %s is under province %s here but under %s on line %d".formatted(
						communeCode, province.code(), earlierCommune.unit().parentCode(), earlierCommune.line().number()));
			}
			if (how != null) {
				this.notes.add(line.problem(how));
			}
			takeOnce(this.provinces, new Parsed(line, newProvinceUnit), "new province");
			takeOnce(this.communes, new Parsed(line, commune), "new commune");
			if (link.oldKind().equals("grassroots")) {
				sameAsBefore(this.oldNames, link.oldCode(), link.oldName(), line,
						"old commune %s is '%s' here but '%s' on line %d; kept as written");
			}
			sameAsBefore(this.districtProvinces, district.code(), formerProvince.code(), line,
					"district %s is under old province %s here but %s on line %d; kept as written");
			this.links.put(identity, link);
			this.linkLines.put(identity, line.number());
		}

		/** The first line's name stands; a later name that differs beyond tone-mark placement is noted. */
		private void takeOnce(Map<String, Parsed> units, Parsed row, String what) {
			Parsed first = units.putIfAbsent(row.unit().code(), row);
			if (first != null && !sameName(first.unit().name(), row.unit().name())) {
				this.notes.add(row.line().problem("%s %s is '%s' here but '%s' on line %d; the first is kept".formatted(
						what, row.unit().code(), row.unit().name(), first.unit().name(), first.line().number())));
			}
		}

		private void sameAsBefore(Map<String, Seen> seen, String key, String value, Line line, String message) {
			Seen first = seen.putIfAbsent(key, new Seen(line.number(), value));
			if (first != null && !sameName(first.value(), value)) {
				this.notes.add(line.problem(message.formatted(key, value, first.value(), first.line())));
			}
		}

		private static boolean sameName(String a, String b) {
			return a.equals(b) || VietnameseText.toneKey(a).equals(VietnameseText.toneKey(b));
		}

		private static Coded coded(Line line, int index, String column) throws BadLine {
			String value = line.required(index, column);
			Matcher matcher = CODE_IN_TEXT.matcher(value);
			if (!matcher.matches() || matcher.group(1).isEmpty()) {
				throw new BadLine("%s '%s' is not a name followed by its code in brackets, e.g. 'Quận Ba Đình (001)'"
					.formatted(column, value));
			}
			return new Coded(matcher.group(1), matcher.group(2));
		}

		private static String code(Line line, int index, String column) throws BadLine {
			String value = line.required(index, column);
			if (!CODE.matcher(value).matches()) {
				throw new BadLine("%s '%s' is not a code (digits only)".formatted(column, value));
			}
			return value;
		}

	}

}
