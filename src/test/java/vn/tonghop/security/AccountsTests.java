package vn.tonghop.security;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AccountsTests {

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void noStoredAccounts() {
		this.jdbc.update("DELETE FROM tonghop.account");
		this.jdbc.update("DELETE FROM tonghop.unit WHERE code = '004'");
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, kind, parent_code, source) "
				+ "VALUES ('004', 'Quận Long Biên', 'district', '01', 'test')");
	}

	@Test
	void aStoredAccountHiddenByAConfiguredOneIsListedAsSuch() {
		// given an account stored before one of its name was configured (the test configuration's analyst)
		this.jdbc.update("INSERT INTO tonghop.account (name, password_hash, role) VALUES ('analyst', '{bcrypt}x', 'ADMIN')");

		// when
		List<Accounts.Listed> listed = this.accounts.listing();

		// then the stored one is not taken for the configured one: it is the table's, and never signs in
		assertThat(listed).filteredOn((entry) -> entry.account().name().equals("analyst"))
			.extracting((entry) -> entry.account().role() + " " + entry.origin())
			.containsExactly("ANALYST configuration", "ADMIN database, hidden by configuration");
	}

	@Test
	void aStoredPasswordIsABcryptHashAndSignsIn(@Autowired PasswordEncoder encoder) throws Exception {
		// when
		this.accounts.save("clerk", "mật khẩu dài", Role.ANALYST, null);

		// then only the hash is stored, with its encoder's id
		String stored = this.jdbc.queryForObject("SELECT password_hash FROM tonghop.account WHERE name = 'clerk'",
				String.class);
		assertThat(stored).startsWith("{bcrypt}$2a$10$").doesNotContain("mật khẩu");
		assertThat(encoder.matches("mật khẩu dài", stored)).isTrue();
		this.mvc.perform(get("/api/conferences").with(httpBasic("clerk", "mật khẩu dài"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/conferences").with(httpBasic("clerk", "mật khẩu"))).andExpect(status().isUnauthorized());
	}

	@Test
	void savingAgainReplacesThePasswordAndRole() throws Exception {
		this.accounts.save("clerk", "first-password", Role.ANALYST, null);
		this.accounts.save("clerk", "second-password", Role.DISTRICT, "004");

		assertThat(this.accounts.find("clerk")).get().extracting(Account::role, Account::unit)
			.containsExactly(Role.DISTRICT, "004");
		this.mvc.perform(get("/api/submissions").with(httpBasic("clerk", "second-password"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/conferences").with(httpBasic("clerk", "second-password")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/submissions").with(httpBasic("clerk", "first-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void rolesAndUnitsMustFit() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.accounts.save("d", "password", Role.DISTRICT, null))
			.withMessage("account d: role DISTRICT needs a unit");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.accounts.save("a", "password", Role.ADMIN, "004"))
			.withMessage("account a: only role DISTRICT is bound to a unit");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.accounts.save("d", "password", Role.DISTRICT, "999"))
			.withMessage("no unit 999");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.accounts.save("admin", "password", Role.ADMIN, null))
			.withMessage("account admin is configured in tonghop.security.accounts");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.account", Long.class)).isZero();
	}

	@Test
	void aNameHttpBasicCannotCarryIsRefused(@Autowired PasswordEncoder encoder) throws Exception {
		// when an account is added without a name, or with a ':', which Basic puts between name and password
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.accounts.save("", "password", Role.ANALYST, null))
			.withMessage("an account needs a name");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.accounts.save("nguyen:van", "password", Role.ANALYST, null))
			.withMessage("account nguyen:van: a name cannot hold ':', which HTTP Basic puts between the name and "
					+ "the password, so it could never sign in");

		// then nothing is stored
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.account", Long.class)).isZero();

		// and one stored without a name before is no account: signing in with no name is refused, not a failure
		this.jdbc.update("INSERT INTO tonghop.account (name, password_hash, role) VALUES ('', ?, 'ANALYST')",
				encoder.encode("password"));
		this.mvc.perform(get("/api/conferences").with(httpBasic("", "password"))).andExpect(status().isUnauthorized());
	}

	@Test
	void aUnitCodeInAnotherCaseIsStoredAsTheTreeWritesIt() throws Exception {
		// given a unit whose code has letters
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, kind, parent_code, source) "
				+ "SELECT '20-KCQ', 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', 'district', NULL, 'test' "
				+ "WHERE NOT EXISTS (SELECT 1 FROM tonghop.unit WHERE code = '20-KCQ')");

		// when it is typed in lower case, as the API takes it
		this.accounts.save("khoi", "password", Role.DISTRICT, "20-kcq");

		// then the account is bound to the unit as the tree writes it, so that its scope finds the unit
		assertThat(this.accounts.find("khoi")).get().extracting(Account::unit).isEqualTo("20-KCQ");
	}

	@Test
	void configuredAccountsComeFirstAndStoredOnesAfter() {
		this.accounts.save("clerk", "password", Role.ANALYST, null);

		assertThat(this.accounts.all()).extracting(Account::name).containsExactly("analyst", "admin", "long-bien", "clerk");
	}

	@Test
	void configuredAccountsMustBeEncodedAndFit() {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

		assertThat(validator.validate(new Account("a", "{noop}secret", Role.ADMIN, null))).hasSize(1);
		assertThat(validator.validate(new Account("a", "secret", Role.ADMIN, null))).hasSize(1);
		assertThat(validator.validate(new Account("a", "{bcrypt}$2a$04$abc", Role.ADMIN, null))).isEmpty();
		assertThat(validator.validate(new Account("a:b", "{bcrypt}$2a$04$abc", Role.ADMIN, null))).hasSize(1);
		assertThat(validator.validate(new Account("d", "{bcrypt}$2a$04$abc", Role.DISTRICT, null)))
			.extracting(violation -> violation.getPropertyPath().toString())
			.containsExactly("roleAndUnitFitting");
		assertThat(validator.validate(new Account("d", "{bcrypt}$2a$04$abc", Role.DISTRICT, "004"))).isEmpty();
	}

	@Test
	void aConfiguredDistrictAccountWhoseUnitNoTreeHoldsIsSaidAtStartUp(@Autowired PasswordEncoder encoder,
			CapturedOutput output) {
		// given a district account configured with a mistyped unit
		Accounts configured = new Accounts(
				new AccountProperties(List.of(new Account("ghost", "{bcrypt}$2a$04$abc", Role.DISTRICT, "0004"))), this.jdbc,
				encoder);

		// when the service is ready
		new SecurityConfiguration().configuredUnitsKnown(configured).onApplicationEvent(null);

		// then a warning names the account and says what to do, rather than serve an account that sees nothing unsaid
		assertThat(output.getOut()).contains("configured district account(s) ghost (0004)", "tonghop.security.accounts",
				"units import");
	}

	@Test
	void aConfiguredDistrictAccountsUnitInAnotherCaseIsTheUnitAsTheTreeWritesIt(@Autowired PasswordEncoder encoder,
			CapturedOutput output) {
		// given a district account configured with its unit in lower case
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, kind, parent_code, source) "
				+ "SELECT '20-KCQ', 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', 'district', NULL, 'test' "
				+ "WHERE NOT EXISTS (SELECT 1 FROM tonghop.unit WHERE code = '20-KCQ')");
		Accounts configured = new Accounts(
				new AccountProperties(List.of(new Account("khoi", "{bcrypt}$2a$04$abc", Role.DISTRICT, "20-kcq"))), this.jdbc,
				encoder);

		// when it signs in
		var user = new AccountDetailsService(configured).loadUserByUsername("khoi");

		// then it acts for 20-KCQ, whose folder and submissions are written so, and nothing is said of it
		new SecurityConfiguration().configuredUnitsKnown(configured).onApplicationEvent(null);
		assertThat(output.getOut()).doesNotContain("khoi (20-kcq)");
		assertThat(user.getAuthorities()).extracting(Object::toString).contains("UNIT_20-KCQ");
	}

	@Test
	void withoutAnyAccountTheServiceRefusesToStart(@Autowired PasswordEncoder encoder) {
		// given no configured account and none stored
		Accounts none = new Accounts(new AccountProperties(List.of()), this.jdbc, encoder);

		// then
		assertThatExceptionOfType(SecurityConfiguration.NoAccountsException.class)
			.isThrownBy(() -> new SecurityConfiguration().accountsRequired(none).afterSingletonsInstantiated())
			.withMessageContaining("tonghop accounts add --name NAME --role ADMIN");

		// and one stored account is enough
		none.save("first-admin", "password", Role.ADMIN, null);
		new SecurityConfiguration().accountsRequired(none).afterSingletonsInstantiated();
		assertThat(none.all()).extracting(Account::name).containsExactly("first-admin");
	}

}
