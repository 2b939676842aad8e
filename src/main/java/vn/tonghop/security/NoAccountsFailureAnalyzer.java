package vn.tonghop.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refusal to serve without accounts into Spring Boot's short start-up report, without a stack trace. */
class NoAccountsFailureAnalyzer extends AbstractFailureAnalyzer<SecurityConfiguration.NoAccountsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecurityConfiguration.NoAccountsException cause) {
		return new FailureAnalysis("The service would be open to anyone: no account is configured or stored.",
				"Add an account with 'tonghop accounts add --name NAME --role ADMIN' (it asks for the password), "
						+ "or configure tonghop.security.accounts (see the README, Accounts and roles), then start again.",
				cause);
	}

}
