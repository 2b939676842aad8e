package vn.tonghop.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who may do what over HTTP. HTTP Basic everywhere, no session: the API is called by scripts and
 * the dashboard only reads, so browsers simply resend the credentials they were asked for once.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String ANALYST = Role.ANALYST.name();

	private static final String ADMIN = Role.ADMIN.name();

	private static final String DISTRICT = Role.DISTRICT.name();

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<HandlerMapping> mappings) {
		RequestMatcher notAllowed = new MethodNotAllowed(mappings);
		http.authorizeHttpRequests(requests -> requests
			// Load balancers ask for the status only; details are for administrators (management.endpoint.health).
			.requestMatchers(reading("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"))
			.permitAll()
			.requestMatchers("/actuator/**", "/api/admin/**")
			.hasRole(ADMIN)
			.requestMatchers(HttpMethod.POST, "/api/submissions")
			.hasAnyRole(ADMIN, DISTRICT)
			// Districts read their own submissions; the controller narrows what they see to their subtree.
			.requestMatchers(reading(notAllowed, "/api/submissions", "/api/submissions/**"))
			.hasAnyRole(ANALYST, ADMIN, DISTRICT)
			.requestMatchers("/css/**", "/error")
			.permitAll()
			.requestMatchers(reading(notAllowed, "/**"))
			.hasAnyRole(ANALYST, ADMIN)
			.anyRequest()
			.denyAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(new AccountsUnavailableEntryPoint("tonghop")))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No session, so no token to check: a browser's cross-site request is told by its headers instead.
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class);
		return http.build();
	}

	/** GET and HEAD of these paths: HEAD is GET without the body (curl -I, link checkers), with the same rights. */
	private static RequestMatcher reading(String... patterns) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String pattern : patterns) {
			matchers.add(paths.matcher(HttpMethod.GET, pattern));
			matchers.add(paths.matcher(HttpMethod.HEAD, pattern));
		}
		return new OrRequestMatcher(matchers);
	}

	/**
	 * GET and HEAD of these paths, and any method none of their handlers takes: for who may read a
	 * path, such a request is answered 405 (with {@code Allow}) rather than refused.
	 */
	private static RequestMatcher reading(RequestMatcher notAllowed, String... patterns) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> anyMethod = new ArrayList<>();
		for (String pattern : patterns) {
			anyMethod.add(paths.matcher(pattern));
		}
		return new OrRequestMatcher(reading(patterns), new AndRequestMatcher(new OrRequestMatcher(anyMethod), notAllowed));
	}

	/**
	 * The service is never open to the world: without any account it refuses to start, before the
	 * web server listens, and says how to add one.
	 */
	@Bean
	@ConditionalOnWebApplication
	SmartInitializingSingleton accountsRequired(Accounts accounts) {
		return () -> {
			if (accounts.all().stream().noneMatch(account -> account.unusable() == null)) {
				throw new NoAccountsException();
			}
		};
	}

	/**
	 * A district account configured with a unit no version of the tree holds (mistyped, or the tree
	 * not imported yet) is said at start-up: it would sign in and never see or upload anything.
	 * Checked once the reference files are imported, which happens after the beans are ready; a
	 * warning, not a refusal, since {@code units import} can still bring the unit while serving.
	 */
	@Bean
	@ConditionalOnWebApplication
	ApplicationListener<ApplicationReadyEvent> configuredUnitsKnown(Accounts accounts) {
		return event -> {
			List<String> unknown = accounts.configuredWithUnknownUnit();
			if (!unknown.isEmpty()) {
				log.warn("No unit of the tree has the code of configured district account(s) {}: they can sign in but "
						+ "neither see nor upload anything. Correct tonghop.security.accounts[i].unit (the code as the "
						+ "units file writes it, in any case) and restart, or import the unit with 'tonghop units import "
						+ "FILE'.", String.join(", ", unknown));
			}
		};
	}

	/** Start-up stops: nobody could sign in. */
	static class NoAccountsException extends IllegalStateException {

		NoAccountsException() {
			super("No account can sign in: add one with 'tonghop accounts add --name NAME --role ADMIN' "
					+ "or configure tonghop.security.accounts, then start again.");
		}

	}

}
