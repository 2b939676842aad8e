package vn.tonghop.jobs;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class RecoveryPropertiesTests {

	// A stale-after of none (or less) took every running execution of another host for dead and swept
	// the files live processes were writing; an interval of none stopped serve with an
	// IllegalArgumentException naming no property.
	@ParameterizedTest
	@CsvSource({ "stale-after, 0s", "stale-after, -1h", "interval, 0s", "interval, -1m" })
	void aDurationOfNoneOrLessStopsStartUpNamingTheProperty(String name, String value, CapturedOutput output) {
		// given a recovery duration that is not above zero
		SpringApplication application = new SpringApplicationBuilder(Recovery.class).web(WebApplicationType.NONE)
			.build();

		// when
		assertThatThrownBy(() -> application.run("--tonghop.recovery." + name + "=" + value));

		// then the report names the property and what it must be
		assertThat(output).contains("tonghop.recovery.", "must be longer than or equal to 1 second");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RecoveryProperties.class)
	@ImportAutoConfiguration(ValidationAutoConfiguration.class)
	static class Recovery {

	}

}
