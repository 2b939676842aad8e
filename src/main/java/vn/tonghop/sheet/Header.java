package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import vn.tonghop.normalize.PointLevel;
import vn.tonghop.normalize.VietnameseText;

/**
 * A table header: which column holds which field, read from one row or from two rows whose top row
 * groups or vertically merges the cells of the bottom one.
 *
 * @param row the last header row as Excel shows it
 * @param columns the 0-based column of each field found
 * @param unknown the header cells that name no field, or a field already found further left
 * @param repeats the columns headed again with a head count's field further left: in their own words
 * ("Số đảng viên tham dự (cập nhật)"), or by that field's header merged or copied over them; a
 * sub-column its group alone names ("Trong đó: nữ" under "Số đảng viên tham dự") is none
 * @param texts each column's header as written (a two-row header's two texts together), to quote it
 * @param ambiguous the first header cell naming no column that would name it with its abbreviations read
 * one way ("ĐV": đảng viên or đơn vị), by that column
 */
record Header(int row, Map<Field, Integer> columns, List<HeaderCell> unknown, Map<Integer, Field> repeats,
		Map<Integer, String> texts, Map<Field, HeaderCell> ambiguous) {

	static final List<Field> REQUIRED = List.of(Field.POINT_NAME, Field.LEVEL, Field.MEMBERS);

	private static final Set<Field> FIGURES = EnumSet.of(Field.MEMBERS, Field.OTHERS, Field.TOTAL);

	// The groups of which no part is the whole: a head count's, and the level's ticked under levels.
	private static final Set<Field> SPLIT_HAS_NONE = EnumSet.of(Field.MEMBERS, Field.OTHERS, Field.TOTAL, Field.LEVEL);

	// A sub-column that counts what its group names: "Số đảng viên tham dự" over "Số lượng" and "Tỷ lệ (%)".
	private static final Set<String> COUNTS = Set.of("so luong", "sl", "so nguoi");

	static Header of(SheetRow row) {
		Builder header = new Builder(row.number());
		for (Cell cell : row.cells()) {
			if (isText(cell)) {
				String text = VietnameseText.clean(cell.text());
				header.add(Vocabulary.field(text), true, new HeaderCell(row.number(), cell.column(), cell.text()), text,
						text);
			}
		}
		return header.build();
	}

	/**
	 * Reads a two-row header. Merged cells hold their text only in their first cell, so a top text
	 * spans to the right over empty top cells as long as the bottom row has texts below them (a
	 * group such as "Số người tham dự" over "Đảng viên", "Quần chúng", "Tổng số").
	 */
	static Header of(SheetRow top, SheetRow bottom) {
		Map<Integer, String> writtenTops = written(top);
		Map<Integer, String> writtenBottoms = written(bottom);
		Map<Integer, String> tops = cleaned(writtenTops);
		Map<Integer, String> bottoms = cleaned(writtenBottoms);
		TreeSet<Integer> columns = new TreeSet<>(tops.keySet());
		columns.addAll(bottoms.keySet());
		Map<Integer, String> uppers = new TreeMap<>();
		// The top texts as written, spanning as the cleaned ones do: what a report on a column quotes.
		Map<Integer, String> writtenUppers = new TreeMap<>();
		String group = null;
		String writtenGroup = null;
		int previous = -2;
		for (int column : columns) {
			String upper = tops.get(column);
			String lower = bottoms.get(column);
			String writtenUpper = writtenTops.get(column);
			if (upper != null) {
				group = (lower != null) ? upper : null;
				writtenGroup = writtenUpper;
			}
			else if (lower != null && group != null && column == previous + 1) {
				upper = group;
				writtenUpper = writtenGroup;
			}
			else {
				group = null;
			}
			previous = column;
			uppers.put(column, upper);
			writtenUppers.put(column, writtenUpper);
		}
		Map<Integer, Group> groups = groups(uppers, bottoms);
		Builder header = new Builder(bottom.number());
		for (int column : columns) {
			String upper = uppers.get(column);
			String lower = bottoms.get(column);
			String writtenUpper = writtenUppers.get(column);
			String writtenLower = writtenBottoms.get(column);
			// A text merged down over both rows reads in both: it is one header, not two.
			boolean one = upper == null || upper.equals(lower);
			String text = one ? lower : (lower == null) ? upper : upper + " " + lower;
			String written = one ? writtenLower : (lower == null) ? writtenUpper : writtenUpper + " " + writtenLower;
			boolean othersTotal = isOthersTotal(upper, lower);
			Field named = othersTotal ? null : named(upper, lower);
			Group under = groups.get(column);
			Field field = (named != null || upper == null || othersTotal || isLevelTick(upper, lower)) ? named
					: Vocabulary.field(upper);
			// A head count's group split into sub-columns none of which is its total ("Nam" and "Nữ" under "Số
			// đảng viên tham dự") has no column holding its figure: the first would load a part of it as the
			// whole; a level's so split ("Cấp huyện và tương đương", "Xã, phường, thị trấn") is ticked. Another
			// group's first sub-column is its own ("Điểm cầu" over "Tên" and "Địa chỉ"). And a sub-column beside
			// one naming the group's column ("Giờ" beside "Ngày" under "Thời gian", "Dự kiến" beside "Tham dự"
			// under "Đảng viên") is another figure: the group's column is that one.
			boolean split = under != null && SPLIT_HAS_NONE.contains(field) && under.unnamed() > 1;
			if (named == null && (split || (under != null && under.named().contains(field)))) {
				field = null;
			}
			// A text merged down shows in the top cell, where a report on it must point.
			boolean below = lower != null && !lower.equals(upper);
			header.add(field, named != null, new HeaderCell(below ? bottom.number() : top.number(), column, written), text,
					(lower != null) ? lower : upper);
		}
		return header.build();
	}

	/**
	 * The columns of a group (side by side under the same text): how many have a text of their own that
	 * names no field, and the fields the others' texts name.
	 */
	private record Group(int unnamed, Set<Field> named) {
	}

	/** For each column under a group's text, its group. */
	private static Map<Integer, Group> groups(Map<Integer, String> uppers, Map<Integer, String> bottoms) {
		Map<Integer, Group> groups = new TreeMap<>();
		List<Integer> run = new ArrayList<>();
		int count = 0;
		Set<Field> fields = EnumSet.noneOf(Field.class);
		for (Map.Entry<Integer, String> cell : uppers.entrySet()) {
			int column = cell.getKey();
			String upper = cell.getValue();
			String lower = bottoms.get(column);
			boolean under = upper != null && lower != null && !upper.equals(lower);
			boolean sameRun = under && !run.isEmpty() && run.get(run.size() - 1) == column - 1
					&& upper.equals(uppers.get(column - 1));
			if (!sameRun) {
				Group group = new Group(count, fields);
				run.forEach((each) -> groups.put(each, group));
				run.clear();
				count = 0;
				fields = EnumSet.noneOf(Field.class);
			}
			if (under) {
				run.add(column);
				Field named = isOthersTotal(upper, lower) ? null : named(upper, lower);
				if (named == null) {
					count++;
				}
				else {
					fields.add(named);
				}
			}
		}
		Group group = new Group(count, fields);
		run.forEach((each) -> groups.put(each, group));
		return groups;
	}

	/**
	 * The field a column's own texts name, or null when only the group above it may: a top text alone
	 * heads its column, a bottom text names it, alone or with the top one. Not for a total of others
	 * ({@link #isOthersTotal}), which names none: the callers ask that first.
	 */
	private static Field named(String upper, String lower) {
		Field group = (upper != null) ? Vocabulary.field(upper) : null;
		if (lower == null) {
			return group;
		}
		// Under a plan's or a rate's group ("Kế hoạch", "Tỷ lệ (%)") a head count is not those attending.
		if (upper != null && Vocabulary.saysOtherMeasure(upper)) {
			return null;
		}
		// "Tổng số" under "Số đảng viên tham dự" ("Đảng viên dự") is that column's total, not the total
		// attending; under "Đảng viên" it may count the members, attending or not: a total of others.
		String key = VietnameseText.asciiKey(lower);
		if (group != null && (Vocabulary.isTotalsKey(key) || COUNTS.contains(key)) && Vocabulary.saysAttending(upper)) {
			return group;
		}
		Field field = Vocabulary.field(lower);
		return (field == null && upper != null) ? Vocabulary.field(upper + " " + lower) : field;
	}

	/**
	 * Whether a column is the total or the count of what its group names when that is not those attending: a
	 * head count's that does not say attendance ("Tổng số" under "Đảng viên" or "Số đảng viên", the members
	 * attending or not),
	 * another column's ("Tổng" under "Điểm cầu" or "Thời gian") or other things than people ("Tổng số" under
	 * "Số điểm cầu"). It is neither the total attending nor its group's column.
	 */
	private static boolean isOthersTotal(String upper, String lower) {
		if (upper == null || lower == null || upper.equals(lower)) {
			return false;
		}
		String key = VietnameseText.asciiKey(lower);
		if (!Vocabulary.isTotalsKey(key) && !COUNTS.contains(key)) {
			return false;
		}
		Field group = Vocabulary.field(upper);
		if (group != null) {
			return group != Field.TOTAL && !Vocabulary.saysAttending(upper);
		}
		// "Số đảng viên" names no column, but is a head count's, the unit's members or those attending.
		Field attending = Vocabulary.field(upper + " tham dự");
		return Vocabulary.countsOtherThings(upper) || attending == Field.MEMBERS || attending == Field.OTHERS;
	}

	/**
	 * Whether a column under the level's header is one level's ("Cấp điểm cầu" over "Huyện" and "Xã", a
	 * point's level ticked in one of them): no such column holds the level as written. Sub-columns named
	 * in other words ("Cấp huyện và tương đương", "Xã, phường, thị trấn") are a split group; a single cell
	 * listing levels ("Tỉnh/Huyện/Xã") says what the column holds.
	 */
	private static boolean isLevelTick(String upper, String lower) {
		return lower != null && Vocabulary.field(upper) == Field.LEVEL && PointLevel.parse(lower).isPresent();
	}

	/**
	 * Whether {@code bottom} is the second row of a header whose first row is {@code top}, rather
	 * than a first data row: each of its texts is its top cell's merged down, or stands under a
	 * group the top row spans over several columns (merged across, or over blank cells), or under a
	 * blank top cell, or is a unit in parentheses ("(người)") its top cell's field takes. A data row
	 * has a point's name or level under a header of one column.
	 */
	static boolean continues(SheetRow top, SheetRow bottom) {
		Map<Integer, String> tops = texts(top);
		Map<Integer, String> bottoms = texts(bottom);
		for (Map.Entry<Integer, String> cell : bottoms.entrySet()) {
			int column = cell.getKey();
			String above = tops.get(column);
			boolean spans = above != null && (above.equals(tops.get(column - 1)) || above.equals(tops.get(column + 1))
					|| (tops.get(column + 1) == null && bottoms.containsKey(column + 1)));
			if (above != null && !above.equals(cell.getValue()) && !spans && !isUnitOf(above, cell.getValue())) {
				return false;
			}
		}
		return true;
	}

	/** Whether {@code text} is a unit in parentheses the header {@code above} names its field with. */
	private static boolean isUnitOf(String above, String text) {
		Field field = Vocabulary.field(above);
		return field != null && text.startsWith("(") && text.endsWith(")") && field == Vocabulary.field(above + " " + text);
	}

	boolean isComplete() {
		return this.columns.keySet().containsAll(REQUIRED);
	}

	List<Field> missing() {
		return REQUIRED.stream().filter((field) -> !this.columns.containsKey(field)).toList();
	}

	/** The row's header texts, cleaned: as they are matched. */
	private static Map<Integer, String> texts(SheetRow row) {
		return cleaned(written(row));
	}

	private static Map<Integer, String> cleaned(Map<Integer, String> written) {
		Map<Integer, String> texts = new TreeMap<>(written);
		texts.replaceAll((column, text) -> VietnameseText.clean(text));
		return texts;
	}

	/** The row's header texts as written: as a report quotes them. */
	private static Map<Integer, String> written(SheetRow row) {
		Map<Integer, String> texts = new TreeMap<>();
		for (Cell cell : row.cells()) {
			if (isText(cell)) {
				texts.put(cell.column(), cell.text());
			}
		}
		return texts;
	}

	private static boolean isText(Cell cell) {
		return cell.kind() == CellKind.TEXT && !cell.isBlank();
	}

	private static final class Builder {

		private final int row;

		private final Map<Field, Integer> columns = new EnumMap<>(Field.class);

		private final List<HeaderCell> unknown = new ArrayList<>();

		private final Map<Integer, Field> repeats = new TreeMap<>();

		private final Map<Integer, String> texts = new TreeMap<>();

		private final Map<Field, HeaderCell> ambiguous = new EnumMap<>(Field.class);

		private HeaderCell previous;

		/** The previous cell's text, cleaned. */
		private String previousText;

		/** The field the previous cell, or the text it copies, named. */
		private Field previousField;

		Builder(int row) {
			this.row = row;
		}

		/**
		 * @param named whether the cell's own texts name the field, rather than its group's
		 * @param cell the cell, its text as written
		 * @param text its text cleaned, as it is matched
		 * @param own the cell's own text cleaned, without its group's
		 */
		void add(Field field, boolean named, HeaderCell cell, String text, String own) {
			this.texts.put(cell.column(), cell.text());
			if (field == null) {
				Vocabulary.abbreviationReadings(own).forEach((meant) -> this.ambiguous.putIfAbsent(meant, cell));
			}
			HeaderCell left = this.previous;
			String leftText = this.previousText;
			this.previous = cell;
			this.previousText = text;
			if (left != null && left.column() == cell.column() - 1 && leftText.equals(text)) {
				// A header merged across columns reads in each of them; its first column holds it. Copied
				// over a column of its own, a head count's header makes two: figures there tell.
				if (FIGURES.contains(this.previousField)) {
					this.repeats.put(cell.column(), this.previousField);
				}
				return;
			}
			this.previousField = field;
			if (field != null && !this.columns.containsKey(field)) {
				this.columns.put(field, cell.column());
			}
			else {
				this.unknown.add(cell);
				if (named && FIGURES.contains(field)) {
					this.repeats.put(cell.column(), field);
				}
			}
		}

		Header build() {
			return new Header(this.row, Collections.unmodifiableMap(this.columns), List.copyOf(this.unknown),
					Collections.unmodifiableMap(this.repeats), Collections.unmodifiableMap(this.texts),
					Collections.unmodifiableMap(this.ambiguous));
		}

	}

}
