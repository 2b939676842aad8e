package vn.tonghop.units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import vn.tonghop.normalize.VietnameseText;

/**
 * The forms a unit's name takes, worked on match keys (see {@link Keying}, whose words are separated by single spaces and carry no punctuation, so
 * "Q.Long Biên" arrives as "q long biên"). A name splits into its type word ("Quận") and its bare
 * name ("Long Biên").
 */
final class UnitNames {

	/** The words that open unit names and say what the unit is. */
	private static final List<String> TYPE_WORDS = List.of("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Đảng bộ",
			"Đảng ủy", "Tỉnh", "Quận", "Huyện", "Phường", "Xã");

	/** Words that open an input naming a unit's party organization; the rest names the unit. */
	private static final List<String> PARTY_WORDS = List.of("Đảng bộ", "Đảng ủy", "ĐB");

	/** Leading words naming a committee's standing body, which is not part of the unit's name. */
	private static final List<String> BODY_WORDS = List.of("Ban Thường vụ", "Ban Chấp hành");

	/** Committee forms and what unit they stand for: "Thị ủy X" is the party committee of "Thị xã X". */
	private static final Map<String, String> COMMITTEE_WORDS = orderedMap("Quận ủy", "Quận", "Huyện ủy", "Huyện",
			"Thị ủy", "Thị xã", "Tỉnh ủy", "Tỉnh", "Thành ủy", "Thành phố");

	/**
	 * Abbreviated type words. Keying turns "TP." into the word "tp": a lone letter or pair like this
	 * opens no real name, so it is read as the abbreviation.
	 */
	private static final Map<String, String> ABBREVIATIONS = orderedMap("TP", "Thành phố", "TX", "Thị xã", "TT",
			"Thị trấn", "Q", "Quận", "H", "Huyện", "P", "Phường", "X", "Xã");

	/** Zeros opening a number that follows another word: the zeros of " 01" in "phường 01". */
	private static final Pattern PADDED_NUMBER = Pattern.compile("(?<= )0+(?=\\d+(?: |$))");

	private UnitNames() {
	}

	/** The match keys names are compared on: exact ones first, then ones without diacritics. */
	enum Keying {

		TONE(VietnameseText::toneKey), ASCII(VietnameseText::asciiKey);

		private final UnaryOperator<String> key;

		/** Keyed prefix words, each followed by the space that ends a word; keyed once, not per name. */
		private final Map<String, String> prefixes = new ConcurrentHashMap<>();

		Keying(UnaryOperator<String> key) {
			this.key = key;
		}

		/**
		 * The key, with the leading zeros of a number after a word dropped: lists write Phường 1 as
		 * "Phường 01". A number opening the text keeps them, since it is read as a code first.
		 */
		String apply(String text) {
			String keyed = this.key.apply(text);
			return keyed.indexOf('0') < 0 ? keyed : PADDED_NUMBER.matcher(keyed).replaceAll("");
		}

		private String prefix(String words) {
			return this.prefixes.computeIfAbsent(words, start -> this.key.apply(start) + " ");
		}

	}

	/**
	 * A name split into its type word (as in {@code TYPE_WORDS}, null when it has none) and the key
	 * of its bare name.
	 */
	record Form(String typeWord, String bare) {

		boolean matches(Form input) {
			return this.bare.equals(input.bare) && (input.typeWord == null || input.typeWord.equals(this.typeWord));
		}

	}

	/** How a unit's name or alias is indexed. */
	static Form ofName(String name, Keying key) {
		return split(key.apply(name), key);
	}

	private static Form split(String text, Keying key) {
		for (String typeWord : TYPE_WORDS) {
			String rest = after(text, typeWord, key);
			if (rest != null) {
				return new Form(typeWord, rest);
			}
		}
		return new Form(null, text);
	}

	/**
	 * Whether an input is a committee's word alone ("Quận ủy", "Ban Thường vụ Huyện ủy", "Đảng ủy")
	 * that the committee of a unit of this name goes by: what a unit's own file calls it.
	 */
	static boolean isOwnCommittee(String input, String unitName) {
		Keying key = Keying.ASCII;
		String text = key.apply(input);
		String rest = stripFirst(text, BODY_WORDS, key);
		String word = (rest != null) ? rest : text;
		String typeWord = ofName(unitName, key).typeWord();
		for (Map.Entry<String, String> committee : COMMITTEE_WORDS.entrySet()) {
			if (word.equals(key.apply(committee.getKey()))) {
				return committee.getValue().equals(typeWord);
			}
		}
		return PARTY_WORDS.stream().anyMatch(party -> word.equals(key.apply(party)))
				&& ("Đảng ủy".equals(typeWord) || "Đảng bộ".equals(typeWord));
	}

	/**
	 * A unit's name without the name of its province at its end ("Khối các cơ quan tỉnh Lạng Sơn"
	 * as "Khối các cơ quan tỉnh"), or null when it does not end so.
	 */
	static Form withoutProvince(Form name, String provinceName, Keying key) {
		Form province = ofName(provinceName, key);
		if (province.typeWord() == null) {
			return null;
		}
		String ending = " " + key.apply(province.typeWord()) + " " + province.bare();
		return name.bare().endsWith(ending) && name.bare().length() > ending.length()
				? new Form(name.typeWord(), name.bare().substring(0, name.bare().length() - province.bare().length() - 1))
				: null;
	}

	/**
	 * The readings of an input, most specific first: what its committee, party and type words say,
	 * then the input taken literally as a bare name.
	 */
	static List<Form> readings(String input, Keying key) {
		String text = key.apply(input);
		String rest = stripFirst(text, BODY_WORDS, key);
		List<Form> readings = new ArrayList<>(2);
		readings.add(parse(rest != null ? rest : text, key));
		Form literal = new Form(null, text);
		if (!readings.contains(literal)) {
			readings.add(literal);
		}
		readings.removeIf(form -> form.bare().isEmpty());
		return readings;
	}

	private static Form parse(String text, Keying key) {
		for (Map.Entry<String, String> committee : COMMITTEE_WORDS.entrySet()) {
			String rest = after(text, committee.getKey(), key);
			if (rest != null) {
				// The committee's unit may follow with its type word: "Thành ủy Thành phố Hồ Chí Minh".
				Form typed = typed(rest, key);
				return committee.getValue().equals(typed.typeWord()) ? typed : new Form(committee.getValue(), rest);
			}
		}
		String unit = stripFirst(text, PARTY_WORDS, key);
		return typed((unit != null) ? unit : text, key);
	}

	/** A name split at its type word, written out or abbreviated ("TP. Hà Nội"). */
	private static Form typed(String unit, Keying key) {
		Form typed = split(unit, key);
		if (typed.typeWord() != null) {
			return typed;
		}
		for (Map.Entry<String, String> abbreviation : ABBREVIATIONS.entrySet()) {
			String rest = after(unit, abbreviation.getKey(), key);
			if (rest != null) {
				return new Form(abbreviation.getValue(), rest);
			}
		}
		return typed;
	}

	private static String stripFirst(String text, List<String> prefixes, Keying key) {
		for (String prefix : prefixes) {
			String rest = after(text, prefix, key);
			if (rest != null) {
				return rest;
			}
		}
		return null;
	}

	/** The words after a leading {@code prefix}, or null when the text does not start with it. */
	private static String after(String text, String prefix, Keying key) {
		String start = key.prefix(prefix);
		return text.startsWith(start) ? text.substring(start.length()) : null;
	}

	private static Map<String, String> orderedMap(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
