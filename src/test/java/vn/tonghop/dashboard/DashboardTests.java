package vn.tonghop.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ANALYST")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTests {

	@Autowired
	MockMvc mvc;

	@BeforeAll
	void ingestExamples(@Autowired JdbcTemplate jdbc, @Autowired ReferenceFiles reference,
			@Autowired IngestRunner runner, @TempDir Path work) throws Exception {
		ExampleFiles.resetToShippedReference(jdbc, reference);
		Path input = Files.createDirectories(work.resolve("input"));
		ExampleFiles.copyExamples(input);
		runner.run(input, "test");
	}

	@Test
	void theDashboardOpensOnTheNewestConference() throws Exception {
		this.mvc.perform(get("/")).andExpect(redirectedUrl("/dashboard"));
		this.mvc.perform(get("/dashboard")).andExpect(redirectedUrl("/dashboard/HNTW8-K13"));
		this.mvc.perform(get("/dashboard").param("conference", "NQDH13")).andExpect(redirectedUrl("/dashboard/NQDH13"));
	}

	@Test
	void aConferenceShowsItsProvincesWithVietnameseNumbers() throws Exception {
		// when
		String html = page("/dashboard/HNTW8-K13");

		// then the cards, the Lạng Sơn row and its link, the charts
		assertThat(html).contains("<span class=\"value\" id=\"total-points\">64</span>",
				"<span class=\"value\" id=\"total-participants\">3.113</span>",
				"<span class=\"value\" id=\"total-coverage\">75,0 %</span>",
				"<span class=\"value\" id=\"total-reported\">1/6</span>");
		String langSon = row(html, "data-province=\"20\"");
		assertThat(cells(langSon)).containsExactly("Tỉnh Lạng Sơn", "0", "0", "1", "63", "0", "64", "3.113", "4.336",
				"3.252", "75,0", "1/2");
		assertThat(langSon).contains("href=\"/dashboard/HNTW8-K13/provinces/20\"");
		assertThat(html).contains("<figcaption>Số điểm cầu theo cấp</figcaption>", "<figcaption>Số người tham dự</figcaption>")
			.contains("<option value=\"NQDH13\">NQDH13 — 27/03/2021</option>")
			.contains("<option value=\"HNTW8-K13\" selected=\"selected\">");
	}

	@Test
	void aProvinceShowsItsUnitsAndItsMissingReporters() throws Exception {
		// when
		String html = page("/dashboard/NQDH13/provinces/01");

		// then Long Biên reported 19 points; the city's own committee has not reported
		String longBien = row(html, "data-unit=\"004\"");
		assertThat(cells(longBien)).startsWith("004", "Quận Long Biên", "0", "0", "3", "16", "0", "19");
		assertThat(cells(longBien).get(10)).matches("\\d\\.\\d{3}");
		String missing = html.substring(html.indexOf("<table id=\"missing\">"));
		assertThat(cells(row(missing, "data-unit=\"01\""))).containsExactly("01", "Thành phố Hà Nội", "10/04/2021",
				"Tải mẫu (Excel)");
		assertThat(missing).doesNotContain("data-unit=\"004\"");
		assertThat(html).contains("href=\"/api/templates/01/NQDH13.xlsx\"")
			.contains("href=\"/api/conferences/NQDH13/report.xlsx?province=01\"");
	}

	@Test
	void aUnitTheTreeNoLongerHasOnTheConferenceDateIsShownByItsCode(@Autowired JdbcTemplate jdbc) throws Exception {
		// given Long Biên's figures, and the tree corrected since to have the district only from 2022
		jdbc.update("UPDATE tonghop.unit SET valid_from = DATE '2022-01-01' WHERE code = '004'");
		try {
			// when
			String html = page("/dashboard/NQDH13/provinces/01");

			// then its row and bar are named by its code, as the consolidated report names it
			assertThat(cells(row(html, "data-unit=\"004\""))).startsWith("004", "004", "0", "0", "3", "16", "0", "19");
		}
		finally {
			jdbc.update("UPDATE tonghop.unit SET valid_from = NULL WHERE code = '004'");
		}
	}

	@Test
	void aConferenceCodeInLowerCaseIsTheConferencesPage() throws Exception {
		// when
		String html = page("/dashboard/hntw8-k13");
		String province = page("/dashboard/nqdh13/provinces/01");

		// then its figures and links, as for HNTW8-K13, not an empty page
		assertThat(html).contains("<span class=\"value\" id=\"total-points\">64</span>",
				"href=\"/dashboard/HNTW8-K13/provinces/20\"");
		assertThat(cells(row(province, "data-unit=\"004\""))).startsWith("004", "Quận Long Biên");
	}

	@Test
	void anUnknownConferenceOrProvinceIsAPageNotFound() throws Exception {
		this.mvc.perform(get("/dashboard/NOPE"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Không có hội nghị NOPE.")));
		this.mvc.perform(get("/dashboard/NQDH13/provinces/99"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Không có tỉnh 99 trong hội nghị NQDH13.")));
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The table row carrying the attribute. */
	static String row(String html, String attribute) {
		int start = html.lastIndexOf("<tr", html.indexOf(attribute));
		return html.substring(start, html.indexOf("</tr>", start));
	}

	/** The text of a row's cells, tags removed. */
	static List<String> cells(String row) {
		return Arrays.stream(row.split("<td"))
			.skip(1)
			.map(cell -> cell.substring(cell.indexOf('>') + 1).replaceAll("<[^>]+>", "").replace("</td>", "").strip())
			.toList();
	}

}
