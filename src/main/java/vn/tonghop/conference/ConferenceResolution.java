package vn.tonghop.conference;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a conference code or title written in a file stands for: one conference, or an error
 * listing the conferences with that title (ambiguous) or the closest ones (unknown).
 * @param conference the conference when resolved, else null
 * @param candidates every match when ambiguous, up to three closest when unknown
 */
public record ConferenceResolution(String input, Status status, Conference conference, List<Conference> candidates) {

	public ConferenceResolution {
		candidates = List.copyOf(candidates);
	}

	public enum Status {

		RESOLVED, UNKNOWN, AMBIGUOUS

	}

	public boolean isResolved() {
		return this.status == Status.RESOLVED;
	}

	/** What the resolution found, in English, naming the candidates by code and title. */
	public String message() {
		String listed = this.candidates.stream()
			.map(candidate -> candidate.code() + " " + candidate.title())
			.collect(Collectors.joining("; "));
		return switch (this.status) {
			case RESOLVED -> "'%s' is %s %s".formatted(this.input, this.conference.code(), this.conference.title());
			case AMBIGUOUS -> "'%s' matches %d conferences: %s".formatted(this.input, this.candidates.size(), listed);
			case UNKNOWN -> this.candidates.isEmpty() ? "'%s' matches no conference".formatted(this.input)
					: "'%s' matches no conference; closest: %s".formatted(this.input, listed);
		};
	}

}
