package vn.tonghop.api;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ANALYST")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferenceApiTests {

	@Autowired
	MockMvc mvc;

	@BeforeAll
	void ingestExamples(@Autowired JdbcTemplate jdbc, @Autowired ReferenceFiles reference,
			@Autowired IngestRunner runner, @TempDir Path work) throws Exception {
		IngestedExamples.load(jdbc, reference, runner, work);
	}

	@Test
	void conferencesAreListedNewestFirstAndFilteredByStartDate() throws Exception {
		this.mvc.perform(get("/api/conferences"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.items[*].code").value(contains("HNTW8-K13", "NQDH13")))
			.andExpect(jsonPath("$.items[1].startDate").value("2021-03-27"))
			.andExpect(jsonPath("$.items[1].deadline").value("2021-04-10"))
			.andExpect(jsonPath("$.total").value(2));
		this.mvc.perform(get("/api/conferences").param("from", "2021-03-28").param("to", "2023-12-04"))
			.andExpect(jsonPath("$.items[*].code").value(contains("HNTW8-K13")))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/conferences").param("to", "2021-03-26")).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void provincesCarryPointsParticipantsAndCompleteness() throws Exception {
		this.mvc.perform(get("/api/conferences/NQDH13/provinces"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "3"))
			.andExpect(jsonPath("$.items[*].provinceCode").value(contains("01", "20", "38")))
			.andExpect(jsonPath("$.items[0].provinceName").value("Thành phố Hà Nội"))
			.andExpect(jsonPath("$.items[0].points").value(19))
			.andExpect(jsonPath("$.items[0].pointsDistrict").value(3))
			.andExpect(jsonPath("$.items[0].pointsGrassroots").value(16))
			.andExpect(jsonPath("$.items[0].unitsExpected").value(2))
			.andExpect(jsonPath("$.items[0].unitsReported").value(1))
			.andExpect(jsonPath("$.items[2].points").value(0));
		this.mvc.perform(get("/api/conferences/HNTW8-K13/provinces").param("province", "20"))
			.andExpect(jsonPath("$.items[0].participants").value(3113))
			.andExpect(jsonPath("$.items[0].membersTotal").value(4336))
			.andExpect(jsonPath("$.items[0].membersStudied").value(3252))
			.andExpect(jsonPath("$.items[0].coveragePct").value(75.0))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void unitsAreFilteredByProvinceAndUnit() throws Exception {
		this.mvc.perform(get("/api/conferences/HNTW8-K13/units").param("province", "20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].reportingUnitCode").value("20-KCQ"))
			.andExpect(jsonPath("$.items[0].reportingUnitName").value("Đảng bộ Khối các cơ quan tỉnh Lạng Sơn"))
			.andExpect(jsonPath("$.items[0].points").value(64))
			.andExpect(jsonPath("$.items[0].pointsDistrict").value(1))
			.andExpect(jsonPath("$.items[0].pointsGrassroots").value(63))
			.andExpect(jsonPath("$.items[0].participants").value(3113))
			.andExpect(jsonPath("$.items[0].coveragePct").value(75.0))
			.andExpect(jsonPath("$.items[0].unitsExpected").value(1))
			.andExpect(jsonPath("$.items[0].unitsReported").value(1));
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("unit", "004"))
			.andExpect(jsonPath("$.items[0].points").value(19))
			.andExpect(jsonPath("$.items[0].provinceCode").value("01"));
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("province", "20"))
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void aUnitsPageCarriesTheTotalOnAndPastTheLastPage() throws Exception {
		// when NQDH13's one unit with figures is asked for a page at a time
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("size", "1"))
			// then the page counted with its rows says how many there are
			.andExpect(jsonPath("$.items[*].reportingUnitCode").value(contains("004")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(header().string("X-Total-Count", "1"));
		// and a page past the last, with no row to carry the count, says it too
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("size", "1").param("page", "3"))
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(header().string("Link", containsString("page=0>; rel=\"last\"")));
	}

	@Test
	void aFilterLeftEmptyFiltersNothing() throws Exception {
		// when the province and unit filters are sent empty, as a form sends them
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("province", "").param("unit", ""))
			// then every unit is listed, as without them
			.andExpect(jsonPath("$.items[*].reportingUnitCode").value(contains("004")));
		this.mvc.perform(get("/api/conferences/NQDH13/provinces").param("province", ""))
			.andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/api/conferences/NQDH13/completeness").param("province", "").param("unit", ""))
			.andExpect(jsonPath("$.total").value(6));
		// and the report is that of every province
		this.mvc.perform(get("/api/conferences/NQDH13/report.xlsx").param("province", ""))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"tong-hop-NQDH13.xlsx\""));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aUnitIsNamedWhateverTheCaseOfItsLetters() throws Exception {
		// when Lạng Sơn's 20-KCQ is named in lower case, as a folder input/20-kcq/ names it
		this.mvc.perform(get("/api/conferences/HNTW8-K13/units").param("unit", "20-kcq"))
			// then every filter and path finds it
			.andExpect(jsonPath("$.items[*].reportingUnitCode").value(contains("20-KCQ")));
		this.mvc.perform(get("/api/conferences/HNTW8-K13/completeness").param("unit", "20-kcq"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("20-KCQ")));
		this.mvc.perform(get("/api/submissions").param("unit", "20-kcq"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("20-KCQ")));
		this.mvc.perform(get("/api/units/20-kcq/conferences/HNTW8-K13/versions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].version").value(contains(1)));
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"HNTW8-K13\",\"unit\":\"20-kcq\",\"dryRun\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcomes[*].unitCode").value(contains("20-KCQ")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aConferenceIsNamedWhateverTheCaseOfItsLetters() throws Exception {
		// when HNTW8-K13 is named in lower case, as a file's "Mã hội nghị" cell may name it
		this.mvc.perform(get("/api/conferences/hntw8-k13"))
			// then every path and filter finds it
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("HNTW8-K13"));
		this.mvc.perform(get("/api/conferences/hntw8-k13/units"))
			.andExpect(jsonPath("$.items[*].reportingUnitCode").value(contains("20-KCQ")));
		this.mvc.perform(get("/api/conferences/hntw8-k13/provinces"))
			.andExpect(jsonPath("$.items[*].provinceCode").value(hasItem("20")));
		this.mvc.perform(get("/api/conferences/hntw8-k13/completeness").param("unit", "20-KCQ"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("20-KCQ")));
		this.mvc.perform(get("/api/submissions").param("conference", "hntw8-k13"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("20-KCQ")));
		this.mvc.perform(get("/api/units/20-KCQ/conferences/hntw8-k13/versions"))
			.andExpect(jsonPath("$.items[*].version").value(contains(1)));
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"hntw8-k13\",\"dryRun\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcomes[*].unitCode").value(contains("20-KCQ")));
	}

	@Test
	void completenessListsTheMissingReportersOfAProvince() throws Exception {
		this.mvc.perform(get("/api/conferences/NQDH13/completeness").param("province", "01"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("01", "004")))
			.andExpect(jsonPath("$.items[1].reported").value(true))
			.andExpect(jsonPath("$.items[1].onTime").value(false))
			.andExpect(jsonPath("$.items[1].deadline").value("2021-04-10"))
			.andExpect(jsonPath("$.items[1].submittedAt").value(containsString("+07:00")))
			.andExpect(jsonPath("$.items[0].submittedAt").doesNotExist());
		this.mvc.perform(get("/api/conferences/NQDH13/completeness").param("province", "01").param("missing", "true"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("01")))
			.andExpect(jsonPath("$.items[0].unitName").value("Thành phố Hà Nội"))
			.andExpect(jsonPath("$.items[0].reported").value(false));
	}

	@Test
	void pagesCarryTheTotalAndLinksToTheirNeighbours() throws Exception {
		// six units are expected to report on NQDH13: 01, 004, 20, 20-KCQ, 38, 380
		this.mvc.perform(get("/api/conferences/NQDH13/completeness?page=1&size=2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("20", "20-KCQ")))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(header().string("X-Total-Count", "6"))
			.andExpect(header().string("Link", "</api/conferences/NQDH13/completeness?size=2&page=0>; rel=\"first\", "
					+ "</api/conferences/NQDH13/completeness?size=2&page=0>; rel=\"prev\", "
					+ "</api/conferences/NQDH13/completeness?size=2&page=2>; rel=\"next\", "
					+ "</api/conferences/NQDH13/completeness?size=2&page=2>; rel=\"last\""));
		this.mvc.perform(get("/api/conferences/NQDH13/completeness?page=2&size=2"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("38", "380")))
			.andExpect(header().string("Link", "</api/conferences/NQDH13/completeness?size=2&page=0>; rel=\"first\", "
					+ "</api/conferences/NQDH13/completeness?size=2&page=1>; rel=\"prev\", "
					+ "</api/conferences/NQDH13/completeness?size=2&page=2>; rel=\"last\""));
		this.mvc.perform(get("/api/conferences/NQDH13/completeness?size=2&page=5"))
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(header().string("Link", not(containsString("rel=\"next\""))));
	}

	@Test
	void linksKeepAParameterValueHoldingAnEqualsSign() throws Exception {
		// given a query whose value holds a raw '=', as URIs allow
		URI query = URI.create("/api/conferences/NQDH13/units?province=01=x&size=2");

		// then the page is served and its links keep the value as it was sent
		this.mvc.perform(get(query))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(header().string("Link", containsString("</api/conferences/NQDH13/units?province=01=x&size=2&page=0>")));
	}

	@Test
	void aNulCharacterInAParameterIsABadRequestNotAServerError() throws Exception {
		// PostgreSQL text cannot hold U+0000: such a value matches nothing and is refused as a parameter
		for (String path : new String[] { "/api/conferences/NQDH13/units?province={p}", "/api/submissions?unit={p}",
				"/api/conferences/NQDH13/report.xlsx?province={p}" }) {
			this.mvc.perform(get(path, "0\u0000"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("NUL")));
		}
	}

	@Test
	void aDayBeyondTheYearsTheDatabaseHoldsIsABadRequestNotAServerError() throws Exception {
		// given ISO dates Java reads but PostgreSQL cannot hold: a date after 5874897; a day received is
		// compared as a timestamp, which ends in 294276
		for (String[] query : new String[][] { { "/api/conferences?to={d}", "+5874898-01-01" },
				{ "/api/conferences?from={d}", "+5874898-01-01" }, { "/api/submissions?from={d}", "+300000-01-01" },
				{ "/api/submissions?to={d}", "+5874898-01-01" } }) {
			// then the caller is told, as for any refused parameter
			this.mvc.perform(get(query[0], query[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("date")));
		}
	}

	@Test
	void aPageLargerThanTheMaximumIsRefusedWithAProblem() throws Exception {
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("size", "1001"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value("size: must be less than or equal to 1000"));
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("page", "-1").param("size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("page: must be greater than or equal to 0; size: must be greater than or equal to 1"));
		this.mvc.perform(get("/api/conferences/NQDH13/units").param("size", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("size: not a valid value: x"));
	}

	@Test
	void anUnknownConferenceIsANotFoundProblemInEveryFormat() throws Exception {
		this.mvc.perform(get("/api/conferences/NOPE/provinces"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("No conference NOPE."));
		this.mvc.perform(get("/api/conferences/NOPE/units").param("format", "csv"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/conferences/NOPE/completeness").accept("text/csv"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No conference NOPE."));
		this.mvc.perform(get("/api/conferences/NOPE")).andExpect(status().isNotFound());
	}

}
