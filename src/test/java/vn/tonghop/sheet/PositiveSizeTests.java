package vn.tonghop.sheet;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import vn.tonghop.feedback.FeedbackProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class PositiveSizeTests {

	// A size of none or less was taken: max-file-size=-1MB rejected every district's file as too
	// large, annotate-max-size=0B gave every workbook a listing, without a word at start-up.
	@ParameterizedTest
	@ValueSource(strings = { "tonghop.limits.max-file-size=-1MB", "tonghop.limits.max-xml-part-size=0B",
			"tonghop.feedback.annotate-max-size=-5MB" })
	void aSizeOfNoneOrLessStopsStartUpNamingTheProperty(String property, CapturedOutput output) {
		// given
		SpringApplication application = new SpringApplicationBuilder(Sizes.class).web(WebApplicationType.NONE)
			.build();

		// when
		assertThatThrownBy(() -> application.run("--" + property));

		// then the report names the property and what it must be
		assertThat(output).contains(property.substring(0, property.indexOf('=')), "must be above 0 bytes");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ReadLimits.class, FeedbackProperties.class })
	@ImportAutoConfiguration(ValidationAutoConfiguration.class)
	static class Sizes {

	}

}
