package vn.tonghop.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks accounts up for HTTP Basic: the role as ROLE_x and, for districts, the unit as UNIT_code. */
@Component
class AccountDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String name) {
		Account account = this.accounts.find(name)
			// One stored without a name before names were checked is none: User refuses an empty name.
			.filter(found -> found.unusable() == null)
			.orElseThrow(() -> new UsernameNotFoundException("No account " + name));
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
		if (account.role() == Role.DISTRICT) {
			// As the tree writes the code: a configured unit may be typed in another case, and the scope follows the tree.
			authorities.add(new SimpleGrantedAuthority(
					Account.UNIT_AUTHORITY_PREFIX + this.accounts.signInUnitCode(account.unit()).orElse(account.unit())));
		}
		return User.withUsername(account.name()).password(account.password()).authorities(authorities).build();
	}

}
