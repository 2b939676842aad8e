package vn.tonghop.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.sheet.HostileFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file the readers cannot read, through the real ingest job: the detail its message gives is in
 * the message's language, in the database and in the district's report alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class UnreadableFileMessagesTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void clean() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aBrokenZipIsDescribedInEachLanguage() throws Exception {
		// given an .xlsx cut short
		byte[] xlsx = HostileFiles.submission(true);
		Files.write(this.input.resolve("cut.xlsx"), Arrays.copyOf(xlsx, xlsx.length * 2 / 3));

		// when
		List<String> problems = run("cut.xlsx");

		// then
		assertThat(problems).containsExactly("file-corrupt", "Tệp bị hỏng, không mở được (không đọc được cấu trúc zip)",
				"The file is damaged and cannot be opened (not a readable zip)");
		JsonNode message = report("cut.xlsx").get("problems").get(0).get("message");
		assertThat(message.get("vi").asString()).isEqualTo("Tệp bị hỏng, không mở được (không đọc được cấu trúc zip)");
		assertThat(message.get("en").asString()).isEqualTo("The file is damaged and cannot be opened (not a readable zip)");
	}

	@Test
	void aCsvQuoteNeverClosedIsDescribedInEachLanguage() throws Exception {
		// given a quote opened in B2 and never closed
		Files.writeString(this.input.resolve("quote.csv"), "Tên;Số\nXã A;\"40\n" + "Xã B;50\n".repeat(5_000));

		// when
		List<String> problems = run("quote.csv");

		// then
		assertThat(problems).containsExactly("file-corrupt",
				"Tệp bị hỏng, không mở được (ô B2 có dấu nháy mở nhưng không có dấu nháy đóng)",
				"The file is damaged and cannot be opened (a quote opened in B2 is never closed)");
	}

	@Test
	void aZipBombIsDescribedInEachLanguage() throws Exception {
		// given a sheet that inflates a thousandfold
		Files.write(this.input.resolve("bomb.xlsx"), HostileFiles.zipBomb(30));

		// when
		List<String> problems = run("bomb.xlsx");

		// then
		assertThat(problems).containsExactly("file-over-limit",
				"Tệp vượt giới hạn an toàn: phần xl/worksheets/sheet1.xml giải nén ra lớn hơn 100 lần kích thước nén (bom zip)",
				"The file exceeds a safety limit: xl/worksheets/sheet1.xml inflates more than 100 times its compressed size "
						+ "(a zip bomb)");
	}

	@Test
	void aLimitIsWrittenAsEachLanguageWritesNumbers() throws Exception {
		// given a quote never closed in a file longer than a CSV record may be
		Files.writeString(this.input.resolve("long.csv"), "Tên;Số\nXã A;\"40\n" + "Xã B;50\n".repeat(150_000));

		// when
		List<String> problems = run("long.csv");

		// then: 1.000.000 in Vietnamese, where 1,000,000 would read as a fraction
		assertThat(problems).containsExactly("file-over-limit",
				"Tệp vượt giới hạn an toàn: một dòng dữ liệu CSV dài hơn 1.000.000 ký tự, nằm trong dấu nháy mở ở ô B2",
				"The file exceeds a safety limit: a CSV record longer than 1,000,000 characters, inside a quote opened in B2");
	}

	/** Runs the job: the code and both messages of each problem of the file. */
	private List<String> run(String name) throws Exception {
		JobExecution execution = this.runner.run(this.input, "test");
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return this.jdbc.query("""
				SELECT p.code, p.message_vi, p.message_en FROM tonghop.submission_problem p
				JOIN tonghop.submission s ON s.id = p.submission_id
				WHERE s.file_name = ? ORDER BY p.seq
				""", (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), name)
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	private JsonNode report(String name) throws IOException {
		return this.json.readTree(Files.readAllBytes(this.input.resolve("reports").resolve(name + ".report.json")));
	}

}
