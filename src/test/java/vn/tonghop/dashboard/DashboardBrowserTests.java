package vn.tonghop.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard as a browser shows it: headless chromium against the running server; skipped without chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tonghop.intake.stable-for=0s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	/** Where the screenshot the README shows is taken; copied to docs/dashboard.png by hand. */
	static final Path SCREENSHOT = Path.of("target", "dashboard.png");

	@LocalServerPort
	int port;

	@BeforeAll
	void ingestExamples(@Autowired JdbcTemplate jdbc, @Autowired ReferenceFiles reference,
			@Autowired IngestRunner runner, @TempDir Path work) throws Exception {
		ExampleFiles.resetToShippedReference(jdbc, reference);
		Path input = Files.createDirectories(work.resolve("input"));
		ExampleFiles.copyExamples(input);
		runner.run(input, "test");
	}

	@Test
	void theDashboardShowsTheFiguresAndLeadsIntoAProvince(@TempDir Path work) throws Exception {
		// given
		HeadlessChromium chromium = HeadlessChromium.assumeInstalled(work);

		// when the dashboard is opened (it redirects to the newest conference)
		String dashboard = chromium.dumpDom(url("/dashboard"));

		// then Lạng Sơn's figures are shown the Vietnamese way, with a chart
		assertThat(dashboard).contains("Hội nghị toàn quốc học tập, quán triệt Nghị quyết Hội nghị lần thứ tám")
			.contains(">3.113<", ">4.336<", ">3.252<", ">75,0 %<", ">1/6<")
			.contains("<svg", "Số điểm cầu theo cấp");
		Matcher link = Pattern.compile("href=\"(/dashboard/HNTW8-K13/provinces/20)\"[^>]*>Tỉnh Lạng Sơn<").matcher(dashboard);
		assertThat(link.find()).as("a link into Lạng Sơn").isTrue();

		// when the province's link is followed
		String province = chromium.dumpDom(url(link.group(1)));

		// then its reporting unit and its missing reporter
		assertThat(province).contains(">Đảng bộ Khối các cơ quan tỉnh Lạng Sơn<", ">64<", ">3.113<", ">75,0<")
			.contains("Đơn vị chưa báo cáo");
		String missing = province.substring(province.indexOf("id=\"missing\""));
		assertThat(missing).contains(">Tỉnh Lạng Sơn<", ">20/12/2023<").doesNotContain(">20-KCQ<");
	}

	@Test
	void aScreenshotOfTheDashboardIsTaken(@TempDir Path work) throws Exception {
		// given
		HeadlessChromium chromium = HeadlessChromium.assumeInstalled(work);

		// when
		chromium.screenshot(url("/dashboard/HNTW8-K13"), SCREENSHOT, 900);

		// then a PNG of the page
		byte[] png = Files.readAllBytes(SCREENSHOT);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(png.length).isGreaterThan(20_000);
	}

	/** Signed in as the test configuration's analyst: chromium answers the Basic challenge with the URL's user info. */
	private String url(String path) {
		return "http://analyst:analyst-secret@127.0.0.1:" + this.port + path;
	}

}
