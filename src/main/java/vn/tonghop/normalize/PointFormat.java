package vn.tonghop.normalize;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** How a point took part: live online (the default), in person, or from a recording. */
public enum PointFormat {

	ONLINE("online", "Trực tuyến"),
	IN_PERSON("in_person", "Trực tiếp"),
	RECORDED("recorded", "Ghi hình", "Xem lại", "Ghi hình / Xem lại");

	private static final Map<String, PointFormat> BY_KEY = new HashMap<>();

	static {
		for (PointFormat format : values()) {
			BY_KEY.put(format.code, format);
			for (String word : format.words) {
				BY_KEY.put(VietnameseText.asciiKey(word), format);
			}
		}
	}

	private final String code;

	private final String[] words;

	PointFormat(String code, String... words) {
		this.code = code;
		this.words = words;
	}

	/** The value stored in warehouse.participation.format. */
	public String code() {
		return this.code;
	}

	public static Optional<PointFormat> parse(String text) {
		return Optional.ofNullable(BY_KEY.get(VietnameseText.asciiKey(text)));
	}

}
