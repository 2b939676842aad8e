package vn.tonghop.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may do what, with the accounts of the test configuration signing in over HTTP Basic. */
@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTests {

	static final RequestPostProcessor ANALYST = httpBasic("analyst", "analyst-secret");

	static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-secret");

	/** Bound to unit 004, Quận Long Biên. */
	static final RequestPostProcessor LONG_BIEN = httpBasic("long-bien", "district-secret");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	void ingestExamples(@Autowired ReferenceFiles reference, @Autowired IngestRunner runner, @TempDir Path work)
			throws Exception {
		IngestedExamples.load(this.jdbc, reference, runner, work);
	}

	@Test
	void anonymousCallersAreAskedToSignIn() throws Exception {
		for (String path : new String[] { "/api/submissions", "/api/conferences", "/dashboard", "/v3/api-docs",
				"/actuator/metrics" }) {
			this.mvc.perform(get(path))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", startsWith("Basic realm=\"tonghop\"")));
		}
		this.mvc.perform(get("/api/submissions").with(httpBasic("analyst", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void everyMappedEndpointAsksAnonymousCallersToSignInAndKeepsDistrictsToTheirOwn(
			@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) throws Exception {
		// given every path and method the application maps (API, dashboard, documentation), and Actuator's
		Map<String, Set<RequestMethod>> endpoints = new TreeMap<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatternValues()
			.forEach(path -> endpoints.computeIfAbsent(path, p -> new TreeSet<>())
				.addAll(info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
						: info.getMethodsCondition().getMethods())));
		for (String path : new String[] { "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/health/db" }) {
			endpoints.put(path, Set.of(RequestMethod.GET));
		}
		assertThat(endpoints).containsKeys("/api/submissions", "/dashboard", "/v3/api-docs", "/api/admin/reruns");
		// the error page is open so that refusals can be written; asked directly it tells nothing
		assertThat(endpoints.remove("/error")).isNotNull();
		assertThat(this.mvc.perform(get("/error")).andReturn().getResponse().getContentAsString())
			.doesNotContain("trace", "exception", "message");

		for (Map.Entry<String, Set<RequestMethod>> endpoint : endpoints.entrySet()) {
			String path = endpoint.getKey().replaceAll("\\{id}", "1").replaceAll("\\{[^}]+}", "x");
			for (RequestMethod method : endpoint.getValue()) {
				// then nobody gets in unsigned
				int anonymous = this.mvc.perform(request(HttpMethod.valueOf(method.name()), path))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(anonymous).as("%s %s unsigned", method, path).isEqualTo(401);
				// and a district gets only its submissions and its uploads
				boolean districts = path.startsWith("/api/submissions");
				int status = this.mvc.perform(request(HttpMethod.valueOf(method.name()), path).with(LONG_BIEN))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(status == 403).as("%s %s for a district: %s", method, path, status).isEqualTo(!districts);
			}
		}
	}

	@Test
	void analystsReadButDoNotAdminister() throws Exception {
		this.mvc.perform(get("/api/conferences").with(ANALYST)).andExpect(status().isOk());
		this.mvc.perform(get("/api/submissions").with(ANALYST)).andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/v3/api-docs").with(ANALYST)).andExpect(status().isOk());
		this.mvc.perform(post("/api/admin/reruns").with(ANALYST)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/anything").with(ANALYST)).andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/metrics").with(ANALYST)).andExpect(status().isForbidden());
	}

	@Test
	void headIsAnsweredAsGetIs() throws Exception {
		// curl -I and link checkers ask with HEAD: the same rights as GET, not a refusal
		this.mvc.perform(head("/api/conferences").with(ANALYST)).andExpect(status().isOk());
		this.mvc.perform(head("/dashboard/NQDH13").with(ANALYST)).andExpect(status().isOk());
		this.mvc.perform(head("/api/submissions").with(LONG_BIEN)).andExpect(status().isOk());
		this.mvc.perform(head("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(head("/api/conferences").with(LONG_BIEN)).andExpect(status().isForbidden());
		this.mvc.perform(head("/api/conferences")).andExpect(status().isUnauthorized());
	}

	@Test
	void aMethodAPathDoesNotTakeIsNotAllowedForWhoMayReadIt() throws Exception {
		// an HTTP client told 403 takes it for a right it lacks: a method the path has not is 405, with what it has
		this.mvc.perform(delete("/api/conferences/NQDH13").with(ANALYST))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", containsString("GET")));
		this.mvc.perform(put("/api/submissions/1").with(ADMIN)).andExpect(status().isMethodNotAllowed());
		this.mvc.perform(patch("/dashboard").with(ANALYST)).andExpect(status().isMethodNotAllowed());
		this.mvc.perform(delete("/api/submissions").with(LONG_BIEN))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", containsString("POST")));
		this.mvc.perform(delete("/api/admin/reruns").with(ADMIN)).andExpect(status().isMethodNotAllowed());
		// and no rule is any weaker: unsigned is asked to sign in, a path outside one's rights is refused,
		// and a method a path takes stays its own rule's
		this.mvc.perform(delete("/api/conferences/NQDH13")).andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/actuator/health")).andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/api/conferences/NQDH13").with(LONG_BIEN)).andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/admin/reruns").with(ANALYST)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/submissions").with(ANALYST)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/conferences").with(ANALYST)).andExpect(status().isMethodNotAllowed());
	}

	@Test
	void administratorsReachTheAdministrationPaths() throws Exception {
		this.mvc.perform(get("/api/conferences").with(ADMIN)).andExpect(status().isOk());
		// No such endpoint: past the access rules, the application answers.
		this.mvc.perform(get("/api/admin/anything").with(ADMIN)).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/metrics").with(ADMIN)).andExpect(status().isOk());
	}

	@Test
	void aDistrictSeesOnlyItsOwnSubmissions() throws Exception {
		// given
		long own = IngestedExamples.submissionId(this.jdbc, "long-bien-nqdh13.xlsx");
		long other = IngestedExamples.submissionId(this.jdbc, "thanh-hoa-tp-nqdh13-ban-nhap.csv");

		// then the listing holds its own submission only, whatever the filter asks
		this.mvc.perform(get("/api/submissions").with(LONG_BIEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[*].fileName").value(contains("long-bien-nqdh13.xlsx")));
		this.mvc.perform(get("/api/submissions").param("unit", "380").with(LONG_BIEN))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/submissions/{id}", own).with(LONG_BIEN)).andExpect(jsonPath("$.unitCode").value("004"));
		this.mvc.perform(get("/api/submissions/{id}/report.json", own).with(LONG_BIEN)).andExpect(status().isOk());

		// and another unit's submission is answered as if it did not exist
		this.mvc.perform(get("/api/submissions/{id}", other).with(LONG_BIEN)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/submissions/{id}/problems", other).with(LONG_BIEN)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/submissions/{id}/report.json", other).with(LONG_BIEN)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/submissions/{id}/workbook", other).with(LONG_BIEN)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/submissions/{id}/changes", other).with(LONG_BIEN)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/submissions/{id}/changes", own).with(LONG_BIEN)).andExpect(status().isOk());
		this.mvc.perform(get("/api/submissions/{id}", other).with(ANALYST)).andExpect(status().isOk());
	}

	@Test
	void aDistrictSeesAFileDroppedInTheFolderOfOneOfItsUnitsTypedInLowerCase() throws Exception {
		// given a file rejected before it named a unit, in input/004-ca/ (the police's 004-CA typed in lower case)
		long dropped = this.jdbc.queryForObject("""
				INSERT INTO tonghop.submission (content_hash, file_name, source_path, folder_unit_code, size_bytes,
				archive_path, state, received_at)
				VALUES ('hash-lower-case-folder', 'cong-an.xlsx', '004-ca/cong-an.xlsx', '004-ca', 1,
				'data/archive/cong-an.xlsx', 'rejected', now()) RETURNING id""", Long.class);
		try {
			// then Long Biên's account sees it, as it sees the folder's unit
			this.mvc.perform(get("/api/submissions/{id}", dropped).with(LONG_BIEN)).andExpect(status().isOk());
		}
		finally {
			this.jdbc.update("DELETE FROM tonghop.submission WHERE id = ?", dropped);
		}
	}

	@Test
	void aDistrictDoesNotReadTheWarehouseSummaries() throws Exception {
		this.mvc.perform(get("/api/conferences").with(LONG_BIEN)).andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard").with(LONG_BIEN)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/anything").with(LONG_BIEN)).andExpect(status().isForbidden());
	}

	@Test
	void aBrowserRequestFromAnotherSiteChangesNothingWithTheCredentialsItResends() throws Exception {
		// a browser resends the Basic credentials of this origin whatever page asks: a page elsewhere
		// posting to the administration endpoints is refused before it is looked at
		this.mvc.perform(post("/api/admin/executions/987654/restart").with(ADMIN).header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/admin/executions/987654/restart").with(ADMIN).header("Sec-Fetch-Site", "same-site"))
			.andExpect(status().isForbidden());
		// a browser too old for Sec-Fetch-Site still names the page's origin
		this.mvc.perform(post("/api/admin/executions/987654/restart").with(ADMIN)
			.header("Origin", "https://evil.example")
			.header("Host", "tonghop.example")).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/admin/executions/987654/restart").with(ADMIN).header("Origin", "null"))
			.andExpect(status().isForbidden());

		// the same request from this origin, or from a script that names none, is served
		this.mvc.perform(post("/api/admin/executions/987654/restart").with(ADMIN).header("Sec-Fetch-Site", "same-origin"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/admin/executions/987654/restart").with(ADMIN)
			.header("Origin", "https://tonghop.example")
			.header("Host", "tonghop.example")).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/admin/executions/987654/restart").with(ADMIN)).andExpect(status().isNotFound());
		// reading from another site is harmless: its page cannot see the answer
		this.mvc.perform(get("/api/conferences").with(ANALYST).header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isOk());
	}

	@Test
	void theHealthStatusIsOpenButItsDetailsAreForAdministrators() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health").with(ANALYST)).andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health").with(ADMIN))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.db.details.database").value("PostgreSQL"));
	}

}
