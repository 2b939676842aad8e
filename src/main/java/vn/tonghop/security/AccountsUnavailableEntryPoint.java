package vn.tonghop.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * HTTP Basic's challenge (401), except for an account that could not be checked at all, the
 * database failing to read the accounts: that is 503, since a 401 would have the browser ask again
 * for a password that is right, and an administrator asking for the health details take it for wrong.
 */
final class AccountsUnavailableEntryPoint implements AuthenticationEntryPoint {

	private static final Logger log = LoggerFactory.getLogger(AccountsUnavailableEntryPoint.class);

	private final BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();

	AccountsUnavailableEntryPoint(String realm) {
		this.challenge.setRealmName(realm);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof InternalAuthenticationServiceException) {
			log.warn("Accounts cannot be checked, {} answered 503: {}", request.getRequestURI(), failure.getMessage(),
					failure.getCause());
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		this.challenge.commence(request, response, failure);
	}

}
