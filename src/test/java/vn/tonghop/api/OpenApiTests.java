package vn.tonghop.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ANALYST")
class OpenApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiEndpointIsDescribed() throws Exception {
		// given every path the application maps under /api
		Set<String> mapped = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(info -> info.getPathPatternsCondition().getPatternValues().stream())
			.filter(path -> path.startsWith("/api/"))
			.collect(Collectors.toSet());

		// when
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// then
		assertThat(mapped).hasSize(16);
		Set<String> described = JsonPath.<Map<String, Object>>read(document, "$.paths").keySet();
		assertThat(described).containsExactlyInAnyOrderElementsOf(mapped);
		assertThat(JsonPath.<String>read(document, "$.openapi")).startsWith("3.1.");
		assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.basic.scheme")).isEqualTo("basic");
		assertThat(JsonPath.<List<String>>read(document, "$.security[*].basic")).hasSize(1);
		assertThat(this.mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("/api/conferences/{code}/provinces:");
	}

	@Test
	void listingsDocumentTheirCsvSwitchAndPageEnvelope() throws Exception {
		// when
		String document = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

		// then
		String provinces = "$.paths['/api/conferences/{code}/provinces'].get";
		assertThat(JsonPath.<List<String>>read(document, provinces + ".parameters[*].name"))
			.containsExactly("code", "province", "page", "size", "format");
		assertThat(JsonPath.<Map<String, Object>>read(document, provinces + ".responses['200'].content"))
			.containsOnlyKeys("application/json", "text/csv");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.PageProvinceRow.properties"))
			.containsOnlyKeys("items", "page", "size", "total");
		assertThat(JsonPath.<List<String>>read(document,
				"$.paths['/api/submissions/{id}'].get.parameters[*].name")).containsExactly("id");
	}

	@Test
	void theUploadIsDescribedWithTheStatusItAnswers() throws Exception {
		// when
		String document = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

		// then the upload's answer is 202 Accepted with its receipt, as it is sent, not 200
		String upload = "$.paths['/api/submissions'].post.responses";
		assertThat(JsonPath.<Map<String, Object>>read(document, upload)).containsOnlyKeys("202");
		assertThat(JsonPath.<String>read(document, upload + "['202'].content['application/json'].schema['$ref']"))
			.endsWith("/UploadReceipt");
	}

	@Test
	void aSubmissionsWorkbookIsDescribedOncePerType() throws Exception {
		// when
		String document = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

		// then each type it may be served as is listed once, whatever the case of its letters
		Map<String, Object> content = JsonPath.read(document,
				"$.paths['/api/submissions/{id}/workbook'].get.responses['200'].content");
		assertThat(content.keySet().stream().map(type -> type.toLowerCase(Locale.ROOT))).doesNotHaveDuplicates()
			.hasSize(4);
	}

}
