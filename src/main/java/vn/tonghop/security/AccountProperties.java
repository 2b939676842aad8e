package vn.tonghop.security;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts from configuration, next to those in the table {@code tonghop.account}.
 *
 * @param accounts name, encoded password, role and (for districts) unit of each account
 */
@Validated
@ConfigurationProperties("tonghop.security")
record AccountProperties(@DefaultValue List<@Valid Account> accounts) {
}
