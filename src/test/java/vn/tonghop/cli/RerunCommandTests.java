package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
@ExtendWith(OutputCaptureExtension.class)
class RerunCommandTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void ingestExamples() throws Exception {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
		ExampleFiles.copyExamples(this.input);
		this.runner.run(this.input, "test");
	}

	@Test
	void anUnknownConferenceIsSaidSoAndRerunsNothing() {
		// given a mistyped conference code
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.conference = new RerunCommand.Conference();
		command.choice.conference.code = "NQDH31";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long runs = this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class);

		// when
		int exit = command.rerun(this.context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
						Duration.ofSeconds(10)));

		// then
		assertThat(exit).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class)).isEqualTo(runs);
	}

	@Test
	void anUnknownUnitIsSaidSoAndRerunsNothing(CapturedOutput output) {
		// given a mistyped unit code for a known conference
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.conference = new RerunCommand.Conference();
		command.choice.conference.code = "NQDH13";
		command.choice.conference.unit = "0004";
		long runs = this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class);

		// when
		int exit = command.rerun(this.context, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
						Duration.ofSeconds(10)));

		// then the message names the unit, not only "nothing matches"
		assertThat(exit).isEqualTo(1);
		assertThat(output.getErr()).contains("No unit 0004 (see `units import`).");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class)).isEqualTo(runs);
	}

	@Test
	void anUnknownSubmissionIsSaidSoAndRerunsNothing(CapturedOutput output) {
		// given a mistyped submission id
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		long unknown = this.jdbc.queryForObject("SELECT coalesce(max(id), 0) + 1000 FROM tonghop.submission", Long.class);
		command.choice.submission = unknown;
		long runs = this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class);

		// when
		int exit = command.rerun(this.context, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
						Duration.ofSeconds(10)));

		// then the message names the submission, not only "nothing matches"
		assertThat(exit).isEqualTo(1);
		assertThat(output.getErr()).contains("No submission " + unknown + " (see `status --conference C --unit U`).");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class)).isEqualTo(runs);
	}

	@Test
	void aUnitCodeInLowerCaseIsTheUnitAsTheApiTakesIt() {
		// given Lạng Sơn's Khối named in lower case, as a folder input/20-kcq/ names it
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.conference = new RerunCommand.Conference();
		command.choice.conference.code = "HNTW8-K13";
		command.choice.conference.unit = "20-kcq";
		command.dryRun = true;
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		// when
		int exit = command.rerun(this.context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
						Duration.ofSeconds(10)));

		// then its submission, as POST /api/admin/reruns takes it
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("20-KCQ");
	}

	@Test
	void aConferenceCodeInLowerCaseIsTheConferenceAsAFileNamesIt() {
		// given
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.conference = new RerunCommand.Conference();
		command.choice.conference.code = "hntw8-k13";
		command.dryRun = true;
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		// when
		int exit = command.rerun(this.context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
						Duration.ofSeconds(10)));

		// then HNTW8-K13's submissions, as a file's "Mã hội nghị: hntw8-k13" is that conference
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("20-KCQ");
	}

	@Test
	void aRerunThatFailsSaysWhyOnStandardError(CapturedOutput output, @TempDir Path aside) throws Exception {
		// given Long Biên's archived copy gone (the archive volume not mounted)
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE file_name = 'long-bien-nqdh13.xlsx'",
				Long.class);
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission WHERE id = ?",
				String.class, id));
		Path away = Files.move(archived, aside.resolve("long-bien-nqdh13.xlsx"));
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.submission = id;

		// when
		int exit;
		try {
			exit = command.rerun(this.context, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
					new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
							false, Duration.ofSeconds(10)));
		}
		finally {
			Files.move(away, archived);
		}

		// then, as ingest and restart say it
		assertThat(exit).isEqualTo(1);
		assertThat(output.getErr()).contains("Run failed: ", "The archived copy of 004/long-bien-nqdh13.xlsx is missing");
	}

	@Test
	void statesAreWrittenAsIngestAndStatusWriteThem() throws Exception {
		// given a later version from Long Biên, so that a rerun of the first is accepted with a warning
		Files.writeString(this.input.resolve("004/lb-v2.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		this.runner.run(this.input, "test");
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.submission = this.jdbc.queryForObject(
				"SELECT id FROM tonghop.submission WHERE file_name = 'long-bien-nqdh13.xlsx'", Long.class);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		// when
		int exit = command.rerun(this.context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
						Duration.ofSeconds(10)));

		// then
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("accepted with warnings")
			.doesNotContain("accepted_with_warnings");
	}

	@Test
	void aStandingFileNoLongerPlacedByARerunIsShownUnderTheUnitItsRowsLeft(@TempDir Path reference) throws Exception {
		// given a file accepted for Long Biên through an alias
		Path units = reference.resolve("units.csv");
		Files.writeString(units, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		this.context.getBean(UnitImporter.class).importFile(units);
		Files.writeString(this.input.resolve("lb.csv"), "Đơn vị báo cáo;Quận ủy LB\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự\n1;Hội trường quận;Quận;100;0\n");
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE file_name = 'lb.csv'", Long.class);

		// when the alias is taken away and the file is rerun
		Files.writeString(units, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "004,Quận Long Biên,01,district,,2025-06-30,\n");
		this.context.getBean(UnitImporter.class).importFile(units);
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.submission = id;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		command.rerun(this.context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
						Duration.ofSeconds(10)));

		// then its rows left Long Biên, and the table says whose figures they were; the example Long Biên sent
		// before stands again, which a line says
		long earlier = this.jdbc.queryForObject(
				"SELECT id FROM tonghop.submission WHERE file_name = 'long-bien-nqdh13.xlsx'", Long.class);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT submission_id FROM warehouse.participation "
				+ "WHERE reporting_unit_code = '004' AND conference_code = 'NQDH13'", Long.class)).containsExactly(earlier);
		assertThat(out.toString(StandardCharsets.UTF_8).lines().filter((line) -> line.contains("lb.csv")))
			.singleElement()
			.satisfies((line) -> assertThat(line).matches("\\s*" + id + "\\s+lb\\.csv\\s+004\\s+accepted\\s+rejected\\s+1 -> 0.*"));
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Submission " + id + " no longer standing, the earlier "
				+ "version " + earlier + " (long-bien-nqdh13.xlsx) was processed again: it stands for 004 again.");
	}

	@Test
	void aRerunShowsItsProgressWhileItRunsAsIngestDoes() {
		// given a rerun of NQDH13's latest versions (Long Biên's and Thanh Hóa city's draft)
		RerunCommand command = new RerunCommand();
		command.choice = new RerunCommand.Choice();
		command.choice.conference = new RerunCommand.Conference();
		command.choice.conference.code = "NQDH13";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream progress = new ByteArrayOutputStream();

		// when
		int exit = command.rerun(this.context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new ProgressTicker.Output(new PrintStream(progress, true, StandardCharsets.UTF_8), false,
						Duration.ofMillis(10)));

		// then operations.md's progress of a long-running command: files and rows done, rows per second
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Rerun ", "long-bien-nqdh13.xlsx");
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("files ", "/2 · rows ", " rows/s · ");
	}

}
