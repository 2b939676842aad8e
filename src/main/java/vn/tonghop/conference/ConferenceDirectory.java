package vn.tonghop.conference;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcOperations;

import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.units.Closest;

/** An in-memory snapshot of the conferences, found by code or title as files write them. */
public final class ConferenceDirectory {

	private static final int SUGGESTIONS = 3;

	/** Exact keys first; keys without diacritics only when the exact ones find nothing. */
	private static final List<UnaryOperator<String>> KEYS = List.of(VietnameseText::toneKey, VietnameseText::asciiKey);

	private final List<Conference> conferences;

	private final Map<String, Conference> byCode;

	private ConferenceDirectory(List<Conference> conferences) {
		this.conferences = conferences.stream().sorted(Comparator.comparing(Conference::code)).toList();
		this.byCode = conferences.stream()
			.collect(Collectors.toMap(conference -> ConferenceImporter.folded(conference.code()), Function.identity()));
	}

	public static ConferenceDirectory load(JdbcOperations jdbc) {
		return new ConferenceDirectory(jdbc.query(ConferenceTable.SELECT, (row, number) -> ConferenceTable.conference(row)));
	}

	/** The conference with this code, ignoring case and surrounding spaces. */
	public Optional<Conference> byCode(String code) {
		return Optional.ofNullable(this.byCode.get(ConferenceImporter.folded(code)));
	}

	/** Finds a conference by code, else by title ignoring tone-mark placement, else ignoring diacritics. */
	public ConferenceResolution resolve(String codeOrTitle) {
		String input = VietnameseText.clean(codeOrTitle);
		if (input.isEmpty()) {
			return new ConferenceResolution(input, ConferenceResolution.Status.UNKNOWN, null, List.of());
		}
		Optional<Conference> coded = byCode(input);
		if (coded.isPresent()) {
			return new ConferenceResolution(input, ConferenceResolution.Status.RESOLVED, coded.get(), List.of());
		}
		for (UnaryOperator<String> key : KEYS) {
			String title = key.apply(input);
			List<Conference> found = this.conferences.stream()
				.filter(conference -> key.apply(conference.title()).equals(title))
				.toList();
			if (found.size() == 1) {
				return new ConferenceResolution(input, ConferenceResolution.Status.RESOLVED, found.get(0), List.of());
			}
			if (found.size() > 1) {
				return new ConferenceResolution(input, ConferenceResolution.Status.AMBIGUOUS, null, found);
			}
		}
		return new ConferenceResolution(input, ConferenceResolution.Status.UNKNOWN, null, closest(input));
	}

	/**
	 * The conferences whose code and title hold the most of the input's words, nearest by edit
	 * distance among those: a resolution named by its number ("Nghị quyết số 57-NQ/TW", "NQ 68")
	 * is far from every whole title, and edit distance alone suggested the shortest codes.
	 */
	private List<Conference> closest(String input) {
		String key = VietnameseText.asciiKey(input);
		List<String> words = List.of(key.substring(0, Math.min(key.length(), Closest.COMPARED)).split(" "));
		return Closest.to(List.of(key), this.conferences,
				conference -> List.of(VietnameseText.asciiKey(conference.code()),
						VietnameseText.asciiKey(conference.title())),
				this.conferences.size())
			.stream()
			.sorted(Comparator.comparingLong(conference -> missing(words, conference)))
			.limit(SUGGESTIONS)
			.toList();
	}

	private static long missing(List<String> words, Conference conference) {
		Set<String> known = Set.copyOf(List.of((VietnameseText.asciiKey(conference.code()) + " "
				+ VietnameseText.asciiKey(conference.title())).split(" ")));
		return words.stream().filter(word -> !known.contains(word)).count();
	}

}
