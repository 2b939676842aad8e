package vn.tonghop.normalize;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The level of a connection point, from the words districts use (submission-format.md, "Levels"). */
public enum PointLevel {

	CENTRAL("central", "Trung ương", "TW"),
	PROVINCE("province", "Tỉnh", "Thành phố trực thuộc TW", "Thành phố trực thuộc Trung ương"),
	DISTRICT("district", "Huyện", "Quận", "Thị xã", "Thành phố thuộc tỉnh", "Tương đương cấp huyện", "Khối"),
	GRASSROOTS("grassroots", "Cơ sở", "Xã", "Phường", "Thị trấn", "Đặc khu", "Đảng bộ cơ sở"),
	CELL("cell", "Chi bộ", "Thôn", "Tổ dân phố", "Phố", "Khu dân cư", "Bản", "Ấp");

	private static final Map<String, PointLevel> BY_KEY = new HashMap<>();

	/**
	 * The prefixes submission-format.md expands where unambiguous, as the first word of a level's key
	 * ("X.", "ĐB cơ sở"); "TP." is left out: a province's city or a district's.
	 */
	private static final Map<String, String> ABBREVIATIONS = Map.of("tx", "thi xa", "tt", "thi tran", "q", "quan", "h",
			"huyen", "p", "phuong", "x", "xa", "db", "dang bo");

	static {
		for (PointLevel level : values()) {
			BY_KEY.put(level.code, level);
			for (String word : level.words) {
				BY_KEY.put(VietnameseText.asciiKey(word), level);
			}
		}
	}

	private final String code;

	private final String[] words;

	PointLevel(String code, String... words) {
		this.code = code;
		this.words = words;
	}

	/** The value stored in warehouse.participation.point_level. */
	public String code() {
		return this.code;
	}

	/** "Cấp huyện", "cap xa", "Phường", "district", "X.", "ĐB cơ sở"... ; empty when the word is not a level. */
	public static Optional<PointLevel> parse(String text) {
		String key = VietnameseText.asciiKey(text);
		if (key.startsWith("cap ")) {
			key = key.substring(4);
		}
		PointLevel level = BY_KEY.get(key);
		if (level == null) {
			int space = key.indexOf(' ');
			String full = ABBREVIATIONS.get((space < 0) ? key : key.substring(0, space));
			level = (full != null) ? BY_KEY.get((space < 0) ? full : full + key.substring(space)) : null;
		}
		return Optional.ofNullable(level);
	}

}
