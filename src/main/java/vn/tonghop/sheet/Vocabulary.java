package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.tonghop.normalize.VietnameseText;

/**
 * The words of submission-format.md, and those clerks write for its columns beyond it: column
 * headers, labels and the rows that end a table. All matching is on {@link VietnameseText#asciiKey}
 * with the spaces removed, so case, diacritics, tone-mark placement, punctuation and spacing do not
 * matter.
 */
public final class Vocabulary {

	private static final Map<String, Field> FIELDS = new HashMap<>();

	private static final Map<String, Label> LABELS = new HashMap<>();

	private static final Map<Field, String> CANONICAL = new EnumMap<>(Field.class);

	private static final Set<String> HEADER_KEYS = new HashSet<>();

	static {
		fields(Field.ROW_NUMBER, "STT", "TT", "Số TT");
		fields(Field.POINT_NAME, "Tên điểm cầu", "Điểm cầu", "Địa điểm");
		fields(Field.LEVEL, "Cấp điểm cầu", "Cấp");
		fields(Field.HOST_UNIT, "Đơn vị chủ trì", "Đơn vị", "Đảng bộ", "Chi bộ");
		fields(Field.FORMAT, "Hình thức", "Hình thức học tập");
		fields(Field.DATE, "Ngày", "Ngày học", "Thời gian");
		fields(Field.MEMBERS, "Số đảng viên tham dự", "Đảng viên", "Số ĐV");
		fields(Field.OTHERS, "Số người khác tham dự", "Quần chúng", "Quần chúng ưu tú", "Đại biểu khác");
		fields(Field.TOTAL, "Tổng số người tham dự", "Tổng số", "Tổng cộng người");
		fields(Field.NOTES, "Ghi chú");
		// Beyond the format's words: a head count with its attendance spelled out, which says no more, and the
		// total's other names.
		alsoRead(Field.MEMBERS, "Đảng viên tham dự", "Tổng số đảng viên tham dự");
		alsoRead(Field.OTHERS, "Quần chúng tham dự", "Số quần chúng tham dự", "Quần chúng ưu tú tham dự",
				"Số quần chúng ưu tú tham dự", "Đại biểu khác tham dự", "Số đại biểu khác", "Số đại biểu khác tham dự",
				"Người khác", "Số người khác", "Người khác tham dự");
		// The columns' usual other names: unread, a required column rejects the file, an optional one falls
		// back to its default on every row.
		alsoRead(Field.ROW_NUMBER, "Số thứ tự");
		alsoRead(Field.POINT_NAME, "Tên địa điểm", "Địa điểm tổ chức", "Nơi tổ chức");
		alsoRead(Field.LEVEL, "Cấp tổ chức");
		alsoRead(Field.HOST_UNIT, "Đơn vị tổ chức", "Đơn vị chủ trì điểm cầu", "Đảng bộ, chi bộ", "Chi bộ, đảng bộ");
		alsoRead(Field.FORMAT, "Hình thức tổ chức", "Hình thức học", "Hình thức tổ chức học tập");
		alsoRead(Field.DATE, "Ngày tổ chức", "Ngày học tập", "Thời gian tổ chức", "Thời gian học tập", "Ngày tháng",
				"Ngày tháng năm");
		alsoRead(Field.TOTAL, "Tổng số tham dự", "Tổng số người", "Tổng số đại biểu", "Tổng số đại biểu tham dự",
				"Tổng cộng", "Tổng");
		labels(Label.REPORTING_UNIT, "Đơn vị báo cáo", "Đơn vị", "Mã đơn vị", "Đảng bộ");
		labels(Label.CONFERENCE, "Hội nghị", "Mã hội nghị", "Nội dung", "Nghị quyết");
		labels(Label.REPORT_DATE, "Ngày báo cáo", "Ngày lập");
		labels(Label.MEMBERS_TOTAL, "Tổng số đảng viên");
		labels(Label.MEMBERS_STUDIED, "Số đảng viên được học tập");
		// "Tỉ" is as common a spelling as "Tỷ": a coverage written so would go unchecked.
		labels(Label.COVERAGE, "Tỷ lệ (%)", "Tỷ lệ", "Tỉ lệ (%)", "Tỉ lệ");
	}

	/** The first characters of the labels' keys, and the longest key (see {@link #labelled(String, String)}). */
	private static final String LABEL_KEY_STARTS = LABELS.keySet()
		.stream()
		.map((key) -> key.substring(0, 1))
		.distinct()
		.collect(Collectors.joining());

	private static final int LONGEST_LABEL_KEY = LABELS.keySet().stream().mapToInt(String::length).max().orElse(0);

	// Labels of the reporting unit that are also words for any organisation, such as the one above it.
	private static final Set<String> ORGANISATION_WORDS = Set.of(key("Đơn vị"), key("Đảng bộ"));

	private static final String[] TOTALS = { "tongcong", "tongso", "cong", "tong" };

	// Words that open the signature and notes block under a table; matched at the start of the key.
	// Signature titles, in the party's spelling and the state's: "T/M", "TM." Ban Thường vụ (on behalf of),
	// "K/T", "KT." Bí thư (signing for), "T/L", "TL." (by order of), "TUQ." (by authority of).
	private static final String[] TABLE_ENDS = { "nguoi lap", "nguoi tong hop", "nguoi bao cao", "xac nhan", "ghi chu",
			"noi nhan", "t m", "tm", "k t", "kt", "t l", "tl", "tuq" };

	// A signer's title alone, when the one who signs does so in person, without "T/M" or "K/T" before it.
	private static final Set<String> SIGNERS = Set.of("bi thu", "pho bi thu", "truong ban", "pho truong ban",
			"chanh van phong", "pho chanh van phong", "thu truong don vi", "thu truong co quan");

	// A note in brackets at a header's end ("(người)", "[người]", "(6=4+5)"), or its column's sum in numbers, "(6)=(4)+(5)".
	private static final Pattern TRAILING_NOTE = Pattern
		.compile("\\s*(?:\\([^()]*\\)|\\[[^\\[\\]]*\\]|\\(\\d{1,2}\\)\\s*=[\\s()\\d+*x-]*)\\s*$");

	// The column's number before a header, as a form's lines are numbered: "1. Tên điểm cầu", "(4) Số ĐV", "a) Cấp".
	private static final Pattern HEADER_NUMBER = Pattern.compile("(?:\\(\\d{1,2}\\)|(?:\\d{1,2}|[a-zđ])[.)])\\s*");

	private static final String OF_WHICH = "trong do ";

	// Names of one column written side by side: "Tên điểm cầu/Địa điểm", "Ngày / Thời gian".
	private static final Pattern ALTERNATIVES = Pattern.compile("\\s*[/,]\\s*");

	// Abbreviations in headers, by their key: "ĐV" and "ĐB" have two readings each, "SL" is "Số lượng".
	private static final Map<String, List<String>> ABBREVIATIONS = Map.of("dv", List.of("dang vien", "don vi"), "db",
			List.of("dai bieu", "dang bo"), "dc", List.of("diem cau"), "qc", List.of("quan chung"), "qcut",
			List.of("quan chung uu tu"), "sl", List.of("so luong"), "ts", List.of("tong so"));

	// A header with more abbreviations of two readings than any is none: a text of many "ĐV" is no header.
	private static final int MAX_READINGS = 8;

	// "Số lượng đảng viên tham dự", "SL quần chúng": a count, as "Số" says.
	private static final String SO_LUONG = "so luong ";

	// "Đảng viên dự", "Số quần chúng tham gia", "… tham gia học tập": as "tham dự" in a head count's header.
	private static final Pattern ATTENDING = Pattern.compile(" (?:tham gia(?: hoc tap)?|(?<!tham )du)$");

	// A note in brackets inside a header, where its cell's line break fell: "Số đảng viên (người) tham dự".
	private static final Pattern INNER_NOTE = Pattern.compile("\\s*(?:\\([^()]*\\)|\\[[^\\[\\]]*\\])\\s*");

	// A note's words, by its key, that make the column's figures another measure: a rate, "(tỷ lệ)", or a
	// plan's figures, "(dự kiến)", "(kế hoạch)", "(đăng ký)", not those who attended.
	private static final Pattern OTHER_MEASURE = Pattern.compile("(?:.* )?(?:t[yi] le|du kien|ke hoach|dang ky)(?: .*)?");

	// Units of time, points and other things than people: units, cells, sessions, classes, conferences.
	private static final String OTHER_THINGS = "(?:gio|phut|tieng|diem(?: cau)?|don vi|chi bo|buoi|cuoc|lop|hoi nghi)";

	// A note that is a unit of time, of points or of other things than people ("Số ĐV (đơn vị)"): a duration
	// or a count of those, not a date or a head count.
	private static final Pattern OTHER_UNIT = Pattern.compile("(?:so )?" + OTHER_THINGS);

	// A header counting other things than people: "Số điểm cầu", "Số lượng buổi", "Tổng số đơn vị".
	private static final Pattern COUNTS_OTHER_THINGS = Pattern
		.compile("(?:so|so luong|sl|tong so|ts) " + OTHER_THINGS + "(?: .*)?");

	// A note saying who were absent or are yet to study: "(vắng mặt)", "(không dự)", "(chưa học tập)".
	private static final Pattern ABSENT = Pattern.compile("(?:.* )?(?:vang|khong|chua)(?: .*)?");

	// A note saying a part of those counted, the women, the men or the probationary members: "(nữ)", "(trong
	// đó nam)", "(dự bị)"; "năm", also a year's word, only alone or after "trong đó".
	private static final Pattern PART = Pattern.compile("(?:.* )?(?:nu|du bi)(?: .*)?|(?:trong do )?nam");

	private static final Set<Field> MEASURED = EnumSet.of(Field.DATE, Field.MEMBERS, Field.OTHERS, Field.TOTAL);

	private static final Set<Field> HEAD_COUNTS = EnumSet.of(Field.MEMBERS, Field.OTHERS, Field.TOTAL);

	// The date part of "<place>, ngày 29 tháng 3 năm 2021"; the numbers may be left blank in templates.
	private static final Pattern DATE_LINE = Pattern.compile("ngay(?: \\d{1,2})? thang(?: \\d{1,2})? nam(?: \\d{1,4})?");

	// The date part of "<place>, ngày 29/3/2021" or "<place>, 29-03-2021": a signature's date in figures.
	private static final Pattern FIGURES_DATE_LINE = Pattern.compile("(?:ngay )?\\d{1,2} \\d{1,2} \\d{4}");

	// A template's date part with the day and month still blank: "ngày ... tháng ... năm 2021".
	private static final Pattern UNDATED_LINE = Pattern.compile("ngay thang nam(?: \\d{1,4})?");

	/** A totals row naming its parts: "Cộng I", "Tổng cộng phần II", "Cộng mục A", "Tổng số (I + II)". */
	private static final Pattern PART_TOTALS = Pattern
		.compile("(?:tong cong|tong so|cong|tong) (?:(?:phan|muc) )?(?:[ivx]{1,4}|[a-z])(?: (?:[ivx]{1,4}|[a-z]))*");

	/**
	 * A totals row naming what it sums: "Tổng cộng toàn quận", "Cộng cả huyện", "Cộng cấp xã", "Cộng các
	 * phường", "Tổng số: 19 điểm cầu", "Tổng số điểm cầu".
	 */
	private static final Pattern SCOPED_TOTALS = Pattern
		.compile("(?:tong cong|tong so|cong|tong) (?:(?:toan|ca|cap|cac) [a-z].*|\\d+ diem cau.*|diem cau(?: \\d+.*)?)");

	/** A totals row naming only the whole it sums: "Toàn quận", "Toàn huyện", "Toàn Đảng bộ". */
	private static final Pattern WHOLE_TOTALS = Pattern
		.compile("toan (?:quan|huyen|tinh|thanh pho|thi xa|dang bo|khoi|xa|phuong|thi tran|don vi)");

	/** A part's totals that may read as a place's name: "Cống Vị", "Cổng A", "Tổng I" as "Cộng VI", "Cộng A". */
	private static final Pattern NAME_LIKE_TOTALS = Pattern.compile("(?:cong|tong)(?: (?:[ivx]{1,4}|[a-z]))+");

	/** "Cộng" as written, which no place's name starts with ("Cống", "Cổng" do). */
	private static final String CONG = VietnameseText.toneKey("Cộng") + " ";

	/** A totals row that may sum one part only: "Cộng", "Cộng II", "Tổng cộng phần B"; not "Tổng cộng", "Tổng số (I + II)". */
	private static final Pattern ONE_PART_TOTALS = Pattern
		.compile("cong|(?:tong cong|tong so|cong|tong) (?:(?:phan|muc) )?(?:[ivx]{1,4}|[a-z])");

	// A form's line number before a label: "1.", "2)", "a.", "b)", "II.".
	private static final Pattern LIST_NUMBER = Pattern.compile("(?:\\d{1,2}|[a-zđ]|[IVX]{1,4})[.)] ?");

	private static final Pattern PART_NUMBER = Pattern.compile("(?:[IVX]{1,4}|[A-Z])[.)]?");

	// The Roman numeral marking a part, alone in a row number cell or before a heading's title.
	private static final Pattern ROMAN_NUMBER = Pattern.compile("([IVX]{1,4})[.)]?");

	private static final Pattern ROMAN_HEADING = Pattern.compile("([IVX]{1,4}) ?(?:[.)/:]|-(?= )) ?\\p{L}.*");

	// "P. Gia Thụy", "X. Hòa Bình", "Q. Long Biên", "H. Gia Lâm" are names with their type word abbreviated.
	private static final Pattern PART_HEADING = Pattern
		.compile("(?![PQHX]\\. ?\\p{L})(?:[IVX]{1,4}|[A-Z]) ?(?:[.)/:]|-(?= )) ?(\\p{L}.*)");

	// A row numbering the columns under a header: "1 2 3", "(1) (2) (3)", "A B 1 2", "(6)=(4)+(5)".
	private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?(\\d{1,2}|[A-Z])\\)?(?:\\s*=[\\s()\\d+*x-]*)?");

	private Vocabulary() {
	}

	/** The header the format asks for, to name a field in messages. */
	public static String canonical(Field field) {
		return CANONICAL.get(field);
	}

	/**
	 * The column a header text names; notes in brackets may be left off, a unit and the column's number
	 * or sum alike, at its end ("Số ĐV (người)", "Tổng số (người) (6=4+5)") or inside it where its
	 * cell's line break fell ("Số đảng viên (người) tham dự").
	 */
	static Field field(String header) {
		if (header.indexOf('%') >= 0 || hasNote(header, OTHER_MEASURE)) {
			return null;
		}
		Field field = FIELDS.get(key(header));
		if (field == null) {
			String shorter = VietnameseText.clean(header);
			String less = TRAILING_NOTE.matcher(shorter).replaceFirst("");
			while (less.length() < shorter.length()) {
				shorter = less;
				less = TRAILING_NOTE.matcher(shorter).replaceFirst("");
			}
			field = shorter.isEmpty() ? null : FIELDS.get(key(shorter));
			if (field == null && !shorter.isEmpty()) {
				field = read(shorter);
			}
		}
		if ((HEAD_COUNTS.contains(field) && hasNote(header, PART)) || (field == Field.TOTAL && namesAHeadCount(header))) {
			return null;
		}
		return (MEASURED.contains(field) && (hasNote(header, OTHER_UNIT) || hasNote(header, ABSENT))) ? null : field;
	}

	/** Whether a note in brackets of a header names one head count: "Tổng số (quần chúng)" is the others' total. */
	private static boolean namesAHeadCount(String header) {
		Matcher note = INNER_NOTE.matcher(header);
		while (note.find()) {
			String text = note.group().strip();
			Field named = FIELDS.get(key(text.substring(1, text.length() - 1)));
			if (named == Field.MEMBERS || named == Field.OTHERS) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a header says its figures are a plan's or a rate ("Kế hoạch", "Dự kiến", "Tỷ lệ (%)"), not
	 * those attending: the title of a group over head counts that are no columns.
	 */
	static boolean saysOtherMeasure(String header) {
		return header.indexOf('%') >= 0 || OTHER_MEASURE.matcher(VietnameseText.asciiKey(header)).matches();
	}

	/** Whether a header counts other things than people ("Số điểm cầu", "Số buổi"), which a total under it sums. */
	static boolean countsOtherThings(String header) {
		return COUNTS_OTHER_THINGS.matcher(VietnameseText.asciiKey(header)).matches();
	}

	/**
	 * Whether a note in brackets of a header, by its key, is of these words. A note saying another measure
	 * ("Số ĐV tham dự (tỷ lệ)", "(dự kiến)"), as a "%" does, another unit ("Thời gian (giờ)") or those
	 * absent ("Đảng viên (vắng)"), left off, would have a rate, a plan's figures, a duration or the absent
	 * loaded as the column's.
	 */
	private static boolean hasNote(String header, Pattern words) {
		if (header.indexOf('(') < 0 && header.indexOf('[') < 0) {
			return false;
		}
		Matcher note = INNER_NOTE.matcher(header);
		while (note.find()) {
			if (words.matcher(VietnameseText.asciiKey(note.group())).matches()) {
				return true;
			}
		}
		return false;
	}

	/** The column a header names as clerks write it beyond the format's words, its trailing notes left off. */
	private static Field read(String header) {
		Matcher numbered = HEADER_NUMBER.matcher(header);
		String plain = numbered.lookingAt() ? header.substring(numbered.end()) : header;
		if (plain.indexOf('(') >= 0 || plain.indexOf('[') >= 0) {
			plain = INNER_NOTE.matcher(plain).replaceAll(" ");
		}
		Field field = named(plain);
		return (field == null && (plain.indexOf('/') >= 0 || plain.indexOf(',') >= 0)) ? alternatives(plain) : field;
	}

	private static Field named(String text) {
		String key = VietnameseText.asciiKey(text);
		// "Trong đó: Đảng viên" beside the total attending: of which, the members.
		String words = key.startsWith(OF_WHICH) ? key.substring(OF_WHICH.length()) : key;
		Field field = FIELDS.get(attending(words).replace(" ", ""));
		return (field == null && words.indexOf(' ') > 0) ? spelledOut(words) : field;
	}

	/** The column each of a header's names names ("Tên điểm cầu/Địa điểm"), or null when they differ. */
	private static Field alternatives(String header) {
		Field field = null;
		for (String name : ALTERNATIVES.split(header)) {
			Field named = named(name);
			if (named == null || (field != null && named != field)) {
				return null;
			}
			field = named;
		}
		return field;
	}

	/**
	 * The column a header of several words names with its abbreviations spelled out ("Số ĐV tham dự",
	 * "SL quần chúng dự", "Tên ĐC"), or null: also when the readings of one with two ("ĐV": đảng viên or
	 * đơn vị) name different columns. Alone, an abbreviation names none ("ĐV", "ĐC": địa chỉ too).
	 */
	private static Field spelledOut(String words) {
		Field field = null;
		for (String reading : readings(words)) {
			Field named = spelled(reading);
			if (named != null && field != null && named != field) {
				return null;
			}
			field = (named != null) ? named : field;
		}
		return field;
	}

	/**
	 * The columns a header naming none would name with its abbreviations read each way ("ĐV": đảng viên,
	 * the members, or đơn vị, the host unit; "ĐC": điểm cầu), to tell a district what it may have meant.
	 */
	static Set<Field> abbreviationReadings(String header) {
		String words = VietnameseText.asciiKey(header);
		List<String> readings = readings(words);
		Set<Field> fields = EnumSet.noneOf(Field.class);
		if (!readings.equals(List.of(words))) {
			for (String reading : readings) {
				Field named = spelled(reading);
				if (named != null) {
					fields.add(named);
				}
			}
		}
		return fields;
	}

	/** A header's words with each abbreviation spelled out every way it reads; none when they are too many. */
	private static List<String> readings(String words) {
		List<String> readings = List.of("");
		for (String word : words.split(" ")) {
			List<String> spelled = ABBREVIATIONS.getOrDefault(word, List.of(word));
			List<String> longer = new ArrayList<>(readings.size() * spelled.size());
			for (String reading : readings) {
				for (String each : spelled) {
					longer.add(reading.isEmpty() ? each : reading + " " + each);
				}
			}
			if (longer.size() > MAX_READINGS) {
				return List.of();
			}
			readings = longer;
		}
		return readings;
	}

	/** The column a header's words, its abbreviations spelled out, name: "Số lượng" a count, as "Số". */
	private static Field spelled(String reading) {
		String counted = reading.startsWith(SO_LUONG) ? "so " + reading.substring(SO_LUONG.length()) : reading;
		return FIELDS.get(attending(counted).replace(" ", ""));
	}

	/**
	 * Whether a header says its count is of those attending ("Số đảng viên tham dự", "Đảng viên dự"), not
	 * of a unit's members, some of whom may not attend.
	 */
	static boolean saysAttending(String header) {
		return attending(VietnameseText.asciiKey(header)).contains("tham du");
	}

	/** A key with the other words for attending at its end, "dự", "tham gia (học tập)", made "tham dự". */
	private static String attending(String words) {
		return ATTENDING.matcher(words).replaceFirst(" tham du");
	}

	/**
	 * Whether a text, by its {@link VietnameseText#asciiKey}, is a header of a column the format knows
	 * as the format, or a clerk in the other names it is read by, writes it: asked of every data row, so
	 * without making a key of its own.
	 */
	static boolean isHeaderKey(String asciiKey) {
		return HEADER_KEYS.contains(asciiKey);
	}

	/** The label a text is, exactly ("Đơn vị báo cáo", "Tỷ lệ (%)"), or null. */
	static Label label(String text) {
		return LABELS.get(key(text));
	}

	/**
	 * The label a cell's text is, alone or before a colon ("Đơn vị báo cáo: Quận ủy Long Biên"), also
	 * numbered as a form's lines are ("1. Đơn vị báo cáo:", "b) Hội nghị:"), or null.
	 */
	static Label labelled(String text) {
		return mayBeLabelled(text) ? LABELS.get(labelKey(text)) : null;
	}

	/**
	 * Whether a text may be a label at all: ASCII digits, spaces and punctuation alone (a phone number,
	 * a code) make no label's key, and are told without making one.
	 */
	static boolean mayBeLabelled(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				return true;
			}
		}
		return false;
	}

	/** {@link #labelled}, given the text's {@link VietnameseText#asciiKey}: asked of every row of a table. */
	static Label labelled(String text, String asciiKey) {
		if (text.indexOf(':') >= 0) {
			return LABELS.get(labelKey(text));
		}
		// Without a line number the key itself must be a label's: its first letter and its length rule out most rows' first text.
		if (text.indexOf('.') < 0 && text.indexOf(')') < 0 && !mayBeLabelKey(asciiKey)) {
			return null;
		}
		return LABELS.get(labelKey(text, asciiKey.replace(" ", "")));
	}

	/** Whether an ascii key, its spaces left out, starts as a label's key does and is no longer than the longest. */
	private static boolean mayBeLabelKey(String asciiKey) {
		int length = 0;
		char first = 0;
		for (int i = 0; i < asciiKey.length(); i++) {
			char c = asciiKey.charAt(i);
			if (c != ' ') {
				first = (length == 0) ? c : first;
				length++;
			}
		}
		return length > 0 && length <= LONGEST_LABEL_KEY && LABEL_KEY_STARTS.indexOf(first) >= 0;
	}

	/**
	 * Whether a unit's label, as {@link #labelled} reads it, is a word for any party organisation
	 * ("Đảng bộ", "Đơn vị") rather than the reporting unit's own label ("Đơn vị báo cáo", "Mã đơn vị").
	 */
	static boolean isOrganisationWord(String labelText) {
		return ORGANISATION_WORDS.contains(labelKey(labelText));
	}

	/** The key of a text alone or before a colon, a form's line number left off when the rest is a label. */
	private static String labelKey(String text) {
		int colon = text.indexOf(':');
		String before = (colon >= 0) ? text.substring(0, colon) : text;
		return labelKey(before, key(before));
	}

	/** @param key the {@link #key} of {@code before} */
	private static String labelKey(String before, String key) {
		// A line number ends in '.' or ')', which cleaning neither adds nor takes away.
		if (LABELS.containsKey(key) || (before.indexOf('.') < 0 && before.indexOf(')') < 0)) {
			return key;
		}
		Matcher numbered = LIST_NUMBER.matcher(VietnameseText.clean(before));
		return numbered.lookingAt() ? key(numbered.replaceFirst("")) : key;
	}

	/** Whether a text, given by its {@link VietnameseText#asciiKey}, names the totals row ("Tổng cộng"). */
	static boolean isTotalsKey(String asciiKey) {
		// Checked on every row's first text: the pattern only for texts that start like a totals row.
		if ((asciiKey.startsWith("tong ") || asciiKey.startsWith("cong ")) && isNamedTotalsKey(asciiKey)) {
			return true;
		}
		if (asciiKey.startsWith("toan ") && WHOLE_TOTALS.matcher(asciiKey).matches()) {
			return true;
		}
		// "t o n g c o n g" is the longest key that could match.
		if (asciiKey.length() > 2 * TOTALS[0].length() - 1) {
			return false;
		}
		String key = asciiKey.replace(" ", "");
		for (String totals : TOTALS) {
			if (key.equals(totals)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a totals text names a part or what it sums ("Cộng I", "Tổng số (I + II)", "Cộng toàn huyện"). */
	static boolean isNamedTotalsKey(String asciiKey) {
		return PART_TOTALS.matcher(asciiKey).matches() || SCOPED_TOTALS.matcher(asciiKey).matches();
	}

	/**
	 * Whether a totals text may be a point's name too ("Cống Vị", "Cổng A", "Tổng I" read as "Cộng VI",
	 * "Cộng A", "Tổng I"), so that a row with a point's level and members is a point. No other totals
	 * text is a name: "Tổng cộng toàn quận", "Tổng cộng phần II" and "Cộng II" written so are the totals
	 * row whatever the level column holds, which a level merged down the whole column fills.
	 * @param asciiKey the text's {@link VietnameseText#asciiKey}, which the caller has already made
	 */
	static boolean mayBeAPointsName(String text, String asciiKey) {
		return NAME_LIKE_TOTALS.matcher(asciiKey).matches() && !VietnameseText.toneKey(text).startsWith(CONG);
	}

	/**
	 * Whether a totals row's text may close one part rather than the whole table: a plain "Cộng" or
	 * one part's marker ("Cộng II"). "Tổng cộng", "Tổng số" and "Tổng số (I + II)" sum all rows.
	 */
	public static boolean mayTotalOnePart(String text) {
		return text != null && ONE_PART_TOTALS.matcher(VietnameseText.asciiKey(text)).matches();
	}

	/**
	 * Whether a row's first text marks the start of a part of the table: a Roman numeral or a
	 * capital letter, alone ("II", "A.") or before a name ("I. Cấp huyện", "B- Khối xã").
	 * @param text the cell's text as written, since the case of the marker counts
	 * @param alone whether the text is a row number cell's, which holds nothing but the marker
	 */
	static boolean isPartMarker(String text, boolean alone) {
		return (alone ? PART_NUMBER : PART_HEADING).matcher(VietnameseText.clean(text)).matches();
	}

	/**
	 * The Roman numeral that marks a part ("II" of "II. Các phường", or of a row number "II."), or null.
	 * @param alone whether the text is a row number cell's, which holds nothing but the marker
	 */
	static String romanMarker(String text, boolean alone) {
		Matcher matcher = (alone ? ROMAN_NUMBER : ROMAN_HEADING).matcher(VietnameseText.clean(text));
		return matcher.matches() ? matcher.group(1) : null;
	}

	/** The title after a part's marker ("Cấp huyện" of "I. Cấp huyện"), or null when the text has no marker. */
	static String partTitle(String text) {
		// Most names are settled by their first two characters, without the pattern.
		if (text.length() < 3 || text.charAt(0) < 'A' || text.charAt(0) > 'Z' || Character.isLowerCase(text.charAt(1))) {
			return null;
		}
		Matcher matcher = PART_HEADING.matcher(VietnameseText.clean(text));
		return matcher.matches() ? matcher.group(1) : null;
	}

	/**
	 * Whether a row starting with this text closes the table (signatures, notes, a place-date line).
	 * @param asciiKey the text's {@link VietnameseText#asciiKey}, which the caller has already made
	 */
	static boolean endsTable(String text, String asciiKey) {
		for (String end : TABLE_ENDS) {
			if (startsWithWords(asciiKey, end)) {
				return true;
			}
		}
		if (SIGNERS.contains(asciiKey)) {
			return true;
		}
		// Cleaning never makes a '(' or a comma, so most rows are settled without it.
		if (startsWithWords(asciiKey, "ky") && VietnameseText.clean(text).startsWith("(")) {
			return true;
		}
		return text.indexOf(',') >= 0 && (isPlaceDate(text) || isPlaceFiguresDate(text));
	}

	/** "Long Biên, ngày 29/3/2021": a place, a comma, then the date in figures; a table's end, not a report date. */
	private static boolean isPlaceFiguresDate(String text) {
		String clean = VietnameseText.clean(text);
		int comma = clean.lastIndexOf(',');
		return comma > 0 && !VietnameseText.asciiKey(clean.substring(0, comma)).isEmpty()
				&& FIGURES_DATE_LINE.matcher(VietnameseText.asciiKey(clean.substring(comma + 1))).matches();
	}

	/** Whether a text holds a date in words ("ngày 27 tháng 3 năm 2021"), as a place-date line does. */
	static boolean holdsDateInWords(String text) {
		return DATE_LINE.matcher(VietnameseText.asciiKey(text)).find();
	}

	/** Whether a key starts with these whole words. */
	private static boolean startsWithWords(String key, String words) {
		return key.startsWith(words) && (key.length() == words.length() || key.charAt(words.length()) == ' ');
	}

	/** "Long Biên, ngày 29 tháng 3 năm 2021": a place, a comma, then the date in words. */
	static boolean isPlaceDate(String text) {
		String clean = VietnameseText.clean(text);
		int comma = clean.lastIndexOf(',');
		return comma > 0 && !VietnameseText.asciiKey(clean.substring(0, comma)).isEmpty()
				&& DATE_LINE.matcher(VietnameseText.asciiKey(clean.substring(comma + 1))).matches();
	}

	/**
	 * Whether a place-date line gives a date: one whose day and month were left blank, as a template
	 * has it, gives none, as a report date label left blank gives none.
	 */
	static boolean isDatedPlaceDate(String text) {
		if (!isPlaceDate(text)) {
			return false;
		}
		String clean = VietnameseText.clean(text);
		return !UNDATED_LINE.matcher(VietnameseText.asciiKey(clean.substring(clean.lastIndexOf(',') + 1))).matches();
	}

	/** Whether a row only numbers the columns, with numbers or letters increasing left to right. */
	static boolean isNumberingRow(SheetRow row) {
		if (row.cells().size() < 3) {
			return false;
		}
		int last = Integer.MIN_VALUE;
		int lastColumn = -2;
		for (Cell cell : row.cells()) {
			int number = columnNumber(cell);
			// A number merged over two columns reads in both.
			boolean mergedCopy = number == last && cell.column() == lastColumn + 1;
			if (number == Integer.MIN_VALUE || (number <= last && !mergedCopy)) {
				return false;
			}
			last = number;
			lastColumn = cell.column();
		}
		return true;
	}

	// Letters come before digits ("A", "B", "1", "2"), so they count from -100.
	private static int columnNumber(Cell cell) {
		if (cell.kind() == CellKind.NUMBER) {
			double number = cell.number();
			return (number == Math.rint(number) && number >= 0 && number < 100) ? (int) number : Integer.MIN_VALUE;
		}
		Matcher matcher = COLUMN_NUMBER.matcher(VietnameseText.clean(cell.text()));
		if (cell.kind() != CellKind.TEXT || !matcher.matches()) {
			return Integer.MIN_VALUE;
		}
		String number = matcher.group(1);
		return Character.isDigit(number.charAt(0)) ? Integer.parseInt(number) : number.charAt(0) - 'A' - 100;
	}

	private static String key(String text) {
		return VietnameseText.asciiKey(text).replace(" ", "");
	}

	private static void fields(Field field, String... names) {
		CANONICAL.put(field, names[0]);
		alsoRead(field, names);
	}

	private static void alsoRead(Field field, String... names) {
		for (String name : names) {
			FIELDS.put(key(name), field);
			HEADER_KEYS.add(VietnameseText.asciiKey(name));
		}
	}

	private static void labels(Label label, String... names) {
		for (String name : names) {
			LABELS.put(key(name), label);
		}
	}

}
