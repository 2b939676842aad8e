package vn.tonghop.security;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A configured account refused at start-up is reported without the values given: Spring Boot's own
 * report prints each refused value, and a password configured as typed would go to the console and
 * the log. Ahead of Spring Boot's, which would take the failure first.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

	private static final ConfigurationPropertyName ACCOUNTS = ConfigurationPropertyName.of("tonghop.security");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		ValidationErrors errors = cause.getValidationErrors();
		if (!ACCOUNTS.equals(errors.getName()) && !ACCOUNTS.isAncestorOf(errors.getName())) {
			return null;
		}
		StringBuilder description = new StringBuilder("Configured accounts (tonghop.security) are refused:");
		for (ObjectError error : errors) {
			String property = (error instanceof FieldError field) ? errors.getName() + "." + field.getField()
					: errors.getName().toString();
			description.append(String.format("%n    Property: %s%n    Reason: %s", property, error.getDefaultMessage()));
		}
		return new FailureAnalysis(description.toString(),
				"Correct tonghop.security.accounts: an encoded password with its encoder's id, such as "
						+ "{bcrypt}$2a$10$... (htpasswd -bnBC 10 \"\" 'password' | cut -d: -f2), a role, and a unit for "
						+ "DISTRICT only; or add the account with 'tonghop accounts add'. Then start again.",
				cause);
	}

}
