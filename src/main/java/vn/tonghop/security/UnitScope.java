package vn.tonghop.security;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Which units a caller may act for: every unit, or a district account's unit and the units below it. */
@Component
public class UnitScope {

	/** The codes below a unit, in any version of the tree: districts keep seeing what they sent before a reform. */
	private static final String SUBTREE_SQL = """
			WITH RECURSIVE down (code, depth) AS (
			    SELECT CAST(? AS text), 0
			    UNION
			    SELECT u.code, down.depth + 1 FROM down JOIN tonghop.unit u ON u.parent_code = down.code
			    WHERE down.depth < 8)
			SELECT EXISTS (SELECT 1 FROM down WHERE code = ?)
			""";

	private final JdbcTemplate jdbc;

	UnitScope(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The unit a district account is bound to; empty for analysts and administrators. */
	public static Optional<String> districtUnit(Authentication authentication) {
		if (authentication == null) {
			return Optional.empty();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith(Account.UNIT_AUTHORITY_PREFIX))
			.map(authority -> authority.substring(Account.UNIT_AUTHORITY_PREFIX.length()))
			.findFirst();
	}

	/** Whether the caller may act for the unit: always when not bound to a unit. */
	public boolean covers(Authentication authentication, String unit) {
		return districtUnit(authentication).map(own -> Boolean.TRUE
			.equals(this.jdbc.queryForObject(SUBTREE_SQL, Boolean.class, own, unit))).orElse(true);
	}

}
