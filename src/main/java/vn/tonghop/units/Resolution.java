package vn.tonghop.units;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a unit code or name written in a file stands for on a date: one unit, or an error listing
 * the units it could mean (ambiguous) or the closest ones (unknown). Never a guess.
 * @param unit the unit when resolved, else null
 * @param candidates every unit the input matches when ambiguous, up to three closest when unknown
 */
public record Resolution(String input, LocalDate on, Status status, Unit unit, List<Candidate> candidates) {

	public Resolution {
		candidates = List.copyOf(candidates);
	}

	public enum Status {

		RESOLVED, UNKNOWN, AMBIGUOUS

	}

	/**
	 * A unit offered in an error, with its parent's name so same-named units can be told apart.
	 * @param parentName null for a province
	 */
	public record Candidate(String code, String name, String parentName) {

		/** Without a word of either language: it goes into the Vietnamese message and the English one alike. */
		@Override
		public String toString() {
			return this.parentName != null ? "%s %s (%s)".formatted(this.code, this.name, this.parentName)
					: this.code + " " + this.name;
		}

	}

	static Resolution resolved(String input, LocalDate on, Unit unit) {
		return new Resolution(input, on, Status.RESOLVED, unit, List.of());
	}

	public boolean isResolved() {
		return this.status == Status.RESOLVED;
	}

	/** What the resolution found, in English, naming the candidates. */
	public String message() {
		String listed = this.candidates.stream().map(Candidate::toString).collect(Collectors.joining("; "));
		return switch (this.status) {
			case RESOLVED -> "'%s' is %s %s".formatted(this.input, this.unit.code(), this.unit.name());
			case AMBIGUOUS -> "'%s' matches %d units on %s: %s".formatted(this.input, this.candidates.size(), this.on,
					listed);
			case UNKNOWN -> this.candidates.isEmpty() ? "'%s' matches no unit on %s".formatted(this.input, this.on)
					: "'%s' matches no unit on %s; closest: %s".formatted(this.input, this.on, listed);
		};
	}

}
