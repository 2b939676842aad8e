package vn.tonghop.api;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ANALYST")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionApiTests {

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
	void submissionsAreFilteredByStateConferenceUnitAndProvince() throws Exception {
		this.mvc.perform(get("/api/submissions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].fileName").value(containsInAnyOrder("long-bien-nqdh13.xlsx",
					"lang-son-khoi-cqt-hntw8.xls", "thanh-hoa-tp-nqdh13-ban-nhap.csv")));
		this.mvc.perform(get("/api/submissions").param("state", "rejected"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].fileName").value("thanh-hoa-tp-nqdh13-ban-nhap.csv"))
			.andExpect(jsonPath("$.items[0].sourcePath").value("380/thanh-hoa-tp-nqdh13-ban-nhap.csv"))
			.andExpect(jsonPath("$.items[0].unitCode").value("380"))
			.andExpect(jsonPath("$.items[0].unitName").value("Thành phố Thanh Hóa"))
			.andExpect(jsonPath("$.items[0].provinceCode").value("38"))
			.andExpect(jsonPath("$.items[0].current").value(false))
			.andExpect(jsonPath("$.items[0].rowsLoaded").value(0))
			.andExpect(jsonPath("$.items[0].errors").value(1))
			.andExpect(jsonPath("$.items[0].warnings").value(0))
			.andExpect(jsonPath("$.items[0].firstProblem").value(startsWith("thanh-hoa-tp-nqdh13-ban-nhap!F8: Totals row")));
		this.mvc.perform(get("/api/submissions").param("conference", "NQDH13").param("state", "accepted"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("004")));
		this.mvc.perform(get("/api/submissions").param("province", "20"))
			.andExpect(jsonPath("$.items[*].unitCode").value(contains("20-KCQ")))
			.andExpect(jsonPath("$.items[0].rowsLoaded").value(64))
			.andExpect(jsonPath("$.items[0].current").value(true));
		this.mvc.perform(get("/api/submissions").param("unit", "004").param("current", "true"))
			.andExpect(jsonPath("$.items[*].provinceCode").value(contains("01")));
	}

	@Test
	void aFilterLeftEmptyFiltersNothing() throws Exception {
		// when a form or a script sends its text filters empty, as it sends an empty date
		this.mvc.perform(get("/api/submissions").param("conference", "")
			.param("province", "")
			.param("unit", "")
			.param("state", "")
			.param("from", ""))
			// then they are left out, not a search for a blank code
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3));
	}

	@Test
	void submissionsAreFilteredByTheDayTheyWereReceived() throws Exception {
		// given the day the examples were received, Vietnam time: read, not today's, which is the next
		// day already when they were ingested just before midnight (17:00 UTC)
		LocalDate received = this.jdbc.queryForObject("SELECT max(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date "
				+ "FROM tonghop.submission", LocalDate.class);

		// then
		this.mvc.perform(get("/api/submissions").param("from", received.toString()).param("to", received.toString()))
			.andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/api/submissions").param("to", received.minusDays(1).toString()))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/submissions").param("from", received.plusDays(1).toString()))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void theDayASubmissionWasReceivedIsVietnamsDayNotUtcs() throws Exception {
		// given Long Biên's file received at 01:30 on 27 March 2026 in Vietnam, when UTC still reads the 26th
		long id = IngestedExamples.submissionId(this.jdbc, "long-bien-nqdh13.xlsx");
		OffsetDateTime received = this.jdbc.queryForObject("SELECT received_at FROM tonghop.submission WHERE id = ?",
				OffsetDateTime.class, id);
		this.jdbc.update("UPDATE tonghop.submission SET received_at = TIMESTAMPTZ '2026-03-26 18:30:00+00' WHERE id = ?", id);
		try {
			// then it was received on the 27th, not on the 26th
			this.mvc.perform(get("/api/submissions").param("from", "2026-03-27").param("to", "2026-03-27"))
				.andExpect(jsonPath("$.items[*].fileName").value(contains("long-bien-nqdh13.xlsx")));
			this.mvc.perform(get("/api/submissions").param("from", "2026-03-26").param("to", "2026-03-26"))
				.andExpect(jsonPath("$.total").value(0));
		}
		finally {
			this.jdbc.update("UPDATE tonghop.submission SET received_at = ? WHERE id = ?", received, id);
		}
	}

	@Test
	void aSubmissionComesWithItsProblemsAndLinks() throws Exception {
		// given
		long id = IngestedExamples.submissionId(this.jdbc, "thanh-hoa-tp-nqdh13-ban-nhap.csv");

		// then the submission's fields are at the top level, next to its problems
		this.mvc.perform(get("/api/submissions/{id}", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.state").value("rejected"))
			.andExpect(jsonPath("$.conferenceCode").value("NQDH13"))
			.andExpect(jsonPath("$.links.self").value("/api/submissions/" + id))
			.andExpect(jsonPath("$.links.problems").value("/api/submissions/" + id + "/problems"))
			.andExpect(jsonPath("$.problems[0].seq").value(1))
			.andExpect(jsonPath("$.problems[0].code").value("totals-row-mismatch"))
			.andExpect(jsonPath("$.problems[0].severity").value("error"))
			.andExpect(jsonPath("$.problems[0].row").value(8))
			.andExpect(jsonPath("$.problems[0].messageVi").isNotEmpty())
			.andExpect(jsonPath("$.problems.length()").value(1));
		this.mvc.perform(get("/api/submissions/{id}/problems", id))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].code").value("totals-row-mismatch"));
	}

	@Test
	void aSubmissionServesWhatTheDistrictReceived() throws Exception {
		// given the rejected CSV
		long id = IngestedExamples.submissionId(this.jdbc, "thanh-hoa-tp-nqdh13-ban-nhap.csv");

		// then its links lead to the JSON report and to the listing workbook made for a CSV
		this.mvc.perform(get("/api/submissions/{id}", id))
			.andExpect(jsonPath("$.links.report").value("/api/submissions/" + id + "/report.json"))
			.andExpect(jsonPath("$.links.workbook").value("/api/submissions/" + id + "/workbook"));
		this.mvc.perform(get("/api/submissions/{id}/report.json", id))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.submissionId").value(id))
			.andExpect(jsonPath("$.outcome").value("rejected"))
			.andExpect(jsonPath("$.problems[0].code").value("totals-row-mismatch"))
			.andExpect(jsonPath("$.problems[0].cell").value("F8"));
		byte[] workbook = this.mvc.perform(get("/api/submissions/{id}/workbook", id))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("thanh-hoa-tp-nqdh13-ban-nhap")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook listing = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			assertThat(listing.getNumberOfSheets()).isGreaterThanOrEqualTo(1);
		}
		this.mvc.perform(get("/api/submissions/{id}/workbook", 987654)).andExpect(status().isNotFound());
	}

	@Test
	void aWorkbookIsServedToAClientThatAsksForItsType() throws Exception {
		// given the listing made for the rejected CSV, an .xlsx
		long id = IngestedExamples.submissionId(this.jdbc, "thanh-hoa-tp-nqdh13-ban-nhap.csv");
		MediaType xlsx = MediaType.parseMediaType(ApiMediaTypes.XLSX);

		// when a client asks for exactly what it is served, then it gets it
		this.mvc.perform(get("/api/submissions/{id}/workbook", id).accept(xlsx))
			.andExpect(status().isOk())
			.andExpect(content().contentType(xlsx));
		// and one asking for JSON is told what there is
		this.mvc.perform(get("/api/submissions/{id}/workbook", id).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotAcceptable());
	}

	@Test
	void anUnknownSubmissionOrStateIsAProblem() throws Exception {
		this.mvc.perform(get("/api/submissions/{id}", 987654))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No submission 987654."));
		this.mvc.perform(get("/api/submissions/{id}/problems", 987654)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/submissions").param("state", "done"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("state: must be pending, accepted, accepted_with_warnings or rejected"));
		this.mvc.perform(get("/api/submissions").param("from", "27/03/2021"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("from: not a valid value: 27/03/2021"));
	}

	@Test
	void aSubmissionIsJsonOnly() throws Exception {
		long id = IngestedExamples.submissionId(this.jdbc, "long-bien-nqdh13.xlsx");
		this.mvc.perform(get("/api/submissions/{id}", id).param("format", "csv"))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
