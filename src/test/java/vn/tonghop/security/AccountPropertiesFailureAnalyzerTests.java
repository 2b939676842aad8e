package vn.tonghop.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class AccountPropertiesFailureAnalyzerTests {

	// The most likely mistake, a password configured as typed, stopped start-up with Spring Boot's
	// report, which prints every refused value: the password went to the console and the log.
	@Test
	void aPasswordConfiguredAsTypedStopsStartUpWithoutBeingPrinted(CapturedOutput output) {
		// given an account configured with its password in plain text
		SpringApplication application = new SpringApplicationBuilder(ConfiguredAccounts.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:postgresql://localhost:1/none")
			.build();

		// when
		assertThatThrownBy(() -> application.run("--tonghop.security.accounts[0].name=admin",
				"--tonghop.security.accounts[0].password=Bí-mật-2026", "--tonghop.security.accounts[0].role=ADMIN"));

		// then the report names the property and why, never its value
		assertThat(output).contains("tonghop.security.accounts[0].password", "must be an encoded password")
			.doesNotContain("Bí-mật-2026");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AccountProperties.class)
	@ImportAutoConfiguration(ValidationAutoConfiguration.class)
	static class ConfiguredAccounts {

	}

}
