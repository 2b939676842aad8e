package vn.tonghop.api;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/** The OpenAPI description served at /v3/api-docs (springdoc), with the CSV switch documented. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String BASIC = "basic";

	@Bean
	OpenAPI tonghopOpenApi() {
		return new OpenAPI().info(new Info().title("tonghop read API")
			.version("1")
			.description("Consolidated figures of study conferences, completeness and submissions. Listings are "
					+ "paged (page from 0, size 1-" + PageRequest.MAX_SIZE + ", default " + PageRequest.DEFAULT_SIZE
					+ ") with the total in X-Total-Count and neighbours in Link; they are JSON, or CSV with "
					+ "format=csv or Accept: text/csv. Errors are RFC 9457 problem documents. Every call "
					+ "authenticates with HTTP Basic; roles ANALYST, ADMIN and DISTRICT (see the README)."))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	@Bean
	OperationCustomizer csvFormatParameter() {
		return (operation, handler) -> {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
			if (mapping != null && Arrays.asList(mapping.produces()).contains(ApiMediaTypes.CSV)) {
				operation.addParametersItem(new Parameter().in("query")
					.name("format")
					.description("csv for CSV (same as Accept: text/csv); JSON otherwise")
					.schema(new StringSchema()._enum(List.of("json", "csv"))));
			}
			return operation;
		};
	}

}
