package vn.tonghop.conference;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
		List<Conference> closest = Closest.to(List.of(VietnameseText.asciiKey(input)), this.conferences,
				conference -> List.of(VietnameseText.asciiKey(conference.code()),
						VietnameseText.asciiKey(conference.title())),
				SUGGESTIONS);
		return new ConferenceResolution(input, ConferenceResolution.Status.UNKNOWN, null, closest);
	}

}
