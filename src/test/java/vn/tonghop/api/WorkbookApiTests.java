package vn.tonghop.api;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ANALYST")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookApiTests {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@BeforeAll
	void ingestExamples(@Autowired JdbcTemplate jdbc, @Autowired ReferenceFiles reference,
			@Autowired IngestRunner runner, @TempDir Path work) throws Exception {
		IngestedExamples.load(jdbc, reference, runner, work);
	}

	@Test
	void theConsolidatedReportOfAProvinceDownloads() throws Exception {
		// when
		byte[] body = this.mvc.perform(get("/api/conferences/HNTW8-K13/report.xlsx").param("province", "20"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"tong-hop-HNTW8-K13-20.xlsx\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		// then
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Tỉnh Lạng Sơn");
			assertThat(workbook.getSheetAt(0).getRow(6).getCell(11).getNumericCellValue()).isEqualTo(3113);
		}
	}

	@Test
	void theTemplateOfAUnitDownloads() throws Exception {
		// when
		byte[] body = this.mvc.perform(get("/api/templates/20-KCQ/HNTW8-K13.xlsx"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"mau-bao-cao-20-KCQ-HNTW8-K13.xlsx\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		// then
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Báo cáo");
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("20-KCQ");
		}
	}

	@Test
	void unknownSubjectsAreNotFoundProblems() throws Exception {
		this.mvc.perform(get("/api/conferences/NOPE/report.xlsx"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No conference NOPE."));
		this.mvc.perform(get("/api/conferences/NQDH13/report.xlsx").param("province", "99"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail")
				.value("Province 99 is not in the scope of NQDH13 and holds no figures for it."));
		this.mvc.perform(get("/api/templates/004/NOPE.xlsx").accept(XLSX))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No conference NOPE."));
		this.mvc.perform(get("/api/templates/999/NQDH13.xlsx"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No unit 999 on 2021-03-27, the date of NQDH13."));
	}

}
