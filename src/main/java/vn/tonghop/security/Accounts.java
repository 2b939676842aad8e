package vn.tonghop.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.tonghop.database.PromptConnections;
import vn.tonghop.units.UnitDirectory;

/**
 * Every account: those in configuration first, then those in {@code tonghop.account}. A name in
 * configuration hides the same name in the table.
 */
@Component
public class Accounts {

	private static final String STORED = "SELECT name, password_hash, role, unit_code FROM tonghop.account";

	private static final RowMapper<Account> ACCOUNT = (rs, i) -> new Account(rs.getString(1), rs.getString(2),
			Role.valueOf(rs.getString(3)), rs.getString(4));

	/**
	 * How long signing in waits for the database, for a connection and as long for its answer: not the
	 * pool's 30 s, so that with the database down a request is answered 503 within seconds.
	 */
	static final Duration SIGN_IN_WAIT = Duration.ofSeconds(5);

	private final AccountProperties properties;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate signIn;

	private final PasswordEncoder encoder;

	Accounts(AccountProperties properties, JdbcTemplate jdbc, PasswordEncoder encoder) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.signIn = new JdbcTemplate(new PromptConnections(jdbc.getDataSource(), SIGN_IN_WAIT));
		this.signIn.setQueryTimeout((int) SIGN_IN_WAIT.toSeconds());
	}

	/** The account signing in by this name; waits {@link #SIGN_IN_WAIT} at most for the database. */
	Optional<Account> find(String name) {
		return this.properties.accounts()
			.stream()
			.filter(account -> account.name().equals(name))
			.findFirst()
			.or(() -> this.signIn.query(STORED + " WHERE name = ?", ACCOUNT, name).stream().findFirst());
	}

	/** Configured accounts, then stored ones, each by name. */
	List<Account> all() {
		List<Account> all = new ArrayList<>(this.properties.accounts());
		all.addAll(this.jdbc.query(STORED + " ORDER BY name", ACCOUNT));
		return all;
	}

	/**
	 * Every account with where it comes from, configured ones first: a stored one whose name is also
	 * configured is listed as hidden, since it never signs in.
	 */
	public List<Listed> listing() {
		List<Listed> listing = new ArrayList<>();
		for (Account account : all()) {
			boolean configured = listing.size() < this.properties.accounts().size();
			listing.add(new Listed(account, configured ? "configuration"
					: isConfigured(account.name()) ? "database, hidden by configuration" : "database"));
		}
		return listing;
	}

	/** An account as {@code accounts list} shows it, and where it comes from. */
	public record Listed(Account account, String origin) {
	}

	boolean isConfigured(String name) {
		return this.properties.accounts().stream().anyMatch(account -> account.name().equals(name));
	}

	/**
	 * Stores the account with its password hashed; an existing stored account of that name is replaced.
	 * @throws IllegalArgumentException when the role and unit do not fit or the unit is unknown
	 */
	public Account save(String name, CharSequence password, Role role, String unit) {
		Account account = new Account(name, this.encoder.encode(password), role, unit);
		String problem = account.unusable();
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		if (isConfigured(name)) {
			throw new IllegalArgumentException("account " + name + " is configured in tonghop.security.accounts");
		}
		// Bound to the code as the tree writes it: the scope follows the tree by that code.
		String unitCode = unit != null ? unitCode(unit).orElseThrow(() -> new IllegalArgumentException("no unit " + unit))
				: null;
		this.jdbc.update("""
				INSERT INTO tonghop.account (name, password_hash, role, unit_code) VALUES (?, ?, ?, ?)
				ON CONFLICT (name) DO UPDATE
				SET password_hash = excluded.password_hash, role = excluded.role, unit_code = excluded.unit_code,
				    updated_at = now()
				""", name, account.password(), role.name(), unitCode);
		return new Account(name, account.password(), role, unitCode);
	}

	/**
	 * The configured district accounts whose unit no version of the tree holds, each as "name (unit)":
	 * they could sign in but never act for their unit.
	 */
	List<String> configuredWithUnknownUnit() {
		return this.properties.accounts()
			.stream()
			.filter(account -> account.role() == Role.DISTRICT && account.problem() == null
					&& unitCode(account.unit()).isEmpty())
			.map(account -> account.name() + " (" + account.unit() + ")")
			.toList();
	}

	/** The unit's code as the tree writes it, in any version, whatever the case of its letters. */
	Optional<String> unitCode(String sent) {
		return UnitDirectory.storedCode(this.jdbc, sent);
	}

	/** {@link #unitCode}, for an account signing in: waits {@link #SIGN_IN_WAIT} at most for the database. */
	Optional<String> signInUnitCode(String sent) {
		return UnitDirectory.storedCode(this.signIn, sent);
	}

}
