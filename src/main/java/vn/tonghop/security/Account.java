package vn.tonghop.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One account allowed to use the HTTP API and the dashboard.
 *
 * @param name the user name given with HTTP Basic
 * @param password the encoded password with its encoder's id, e.g. {@code {bcrypt}$2a$10$…}; plain
 * {@code {noop}} passwords are refused
 * @param role what the account may do
 * @param unit the unit a {@link Role#DISTRICT} account is bound to; empty for the other roles
 */
public record Account(
		@NotBlank @Pattern(regexp = "[^:]*", message = "must not hold ':', which HTTP Basic puts between the name and "
				+ "the password") String name,
		@NotNull @Pattern(regexp = "\\{(?!noop\\})[^}]+\\}.+",
				message = "must be an encoded password such as {bcrypt}$2a$10$..., not {noop}") String password,
		@NotNull Role role, String unit) {

	/** Granted to a district account next to its role, so its unit travels with the authentication. */
	static final String UNIT_AUTHORITY_PREFIX = "UNIT_";

	/** Checked when configuration is bound: a configured account that cannot be used stops start-up. */
	@AssertTrue(message = "only role DISTRICT is bound to a unit, and it needs one")
	boolean isRoleAndUnitFitting() {
		return problem() == null;
	}

	/**
	 * A name HTTP Basic cannot carry, so that the account could never sign in: none, or one holding
	 * ':', where Basic ends the name and begins the password.
	 */
	private String nameProblem() {
		if (this.name == null || this.name.isBlank()) {
			return "an account needs a name";
		}
		if (this.name.indexOf(':') >= 0) {
			return "account " + this.name + ": a name cannot hold ':', which HTTP Basic puts between the name and "
					+ "the password, so it could never sign in";
		}
		return null;
	}

	/**
	 * Why the account can never be used, its name first ({@link #nameProblem}), then its role and unit
	 * ({@link #problem}); null when it can.
	 */
	String unusable() {
		String name = nameProblem();
		return (name != null) ? name : problem();
	}

	/** A district account without its unit, or another role with one, cannot be used. */
	String problem() {
		boolean hasUnit = this.unit != null && !this.unit.isBlank();
		if (this.role == Role.DISTRICT && !hasUnit) {
			return "account " + this.name + ": role DISTRICT needs a unit";
		}
		if (this.role != Role.DISTRICT && hasUnit) {
			return "account " + this.name + ": only role DISTRICT is bound to a unit";
		}
		return null;
	}

}
