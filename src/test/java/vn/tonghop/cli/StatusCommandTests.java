package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class StatusCommandTests {

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
	void cleanDatabaseAndLoadReference() throws Exception {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void withoutAConferenceStatusShowsCompletenessPerProvinceOfTheConferencesLoadedLast() throws Exception {
		// given the examples ingested: Long Biên for NQDH13, Lạng Sơn's Khối for HNTW8-K13
		ExampleFiles.copyExamples(this.input);
		this.runner.run(this.input, "test");

		// when
		String printed = status(new StatusCommand());

		// then operations.md's "recent runs, files by state, completeness per province" without --conference too
		assertThat(printed).contains("Recent runs:", "Files by state:", "Completeness per province");
		assertThat(printed.lines().filter(line -> line.matches("NQDH13\\s+01\\s+Thành phố Hà Nội\\s+2\\s+1\\s+0\\s+1\\s+1")))
			.hasSize(1);
		assertThat(printed.lines().filter(line -> line.matches("HNTW8-K13\\s+20\\s+Tỉnh Lạng Sơn\\s+2\\s+1\\s+0\\s+1\\s+1")))
			.hasSize(1);
	}

	@Test
	void beforeAnyFileIsLoadedStatusShowsCompletenessOfTheNewestConference() {
		// given the shipped conferences and nothing loaded

		// when
		String printed = status(new StatusCommand());

		// then the newest conference (HNTW8-K13, 2023-12-04): nobody has reported yet
		assertThat(printed.lines().filter(line -> line.matches("HNTW8-K13\\s+20\\s+Tỉnh Lạng Sơn\\s+2\\s+0\\s+0\\s+0\\s+2")))
			.hasSize(1);
		assertThat(printed).doesNotContain("NQDH13");
	}

	@Test
	void aUnitCodeInLowerCaseIsTheUnitAsTheApiTakesIt() throws Exception {
		// given the examples ingested: Lạng Sơn's Khối sent for HNTW8-K13
		ExampleFiles.copyExamples(this.input);
		this.runner.run(this.input, "test");
		StatusCommand command = new StatusCommand();
		command.conference = "HNTW8-K13";
		command.unit = "20-kcq";

		// when
		String printed = status(command);

		// then its versions, as /api/units/20-kcq/conferences/HNTW8-K13/versions lists them
		assertThat(printed).contains("Versions from unit 20-KCQ for HNTW8-K13:").doesNotContain("No placed submission");
	}

	@Test
	void aCorrectionChangingMorePointsThanATerminalCanShowListsTheFirstThousandAndWhereTheRestAre() throws Exception {
		// given Long Biên's file and its correction, whose load changed 1,200 points more (a million-point
		// file's correction changes a million, which status once read whole and ran out of memory on)
		Path file = this.input.resolve("long-bien.csv");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));
		this.runner.run(this.input, "test");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");
		long change = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission_change", Long.class);
		long second = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		this.jdbc.update("""
				INSERT INTO tonghop.submission_change_point (change_id, kind, point_name, host_unit_code, point_level,
				    format_before, format_after, members_before, members_after, others_before, others_after,
				    source_row_before, source_row_after, ordinal)
				SELECT ?, 'changed', 'Điểm cầu ' || g, '004', 'grassroots', 'online', 'online', 10, 11, 0, 0, 100 + g, 100 + g,
				    2 + g
				FROM generate_series(1, 1200) g
				""", change);
		StatusCommand command = new StatusCommand();
		command.conference = "NQDH13";
		command.unit = "004";

		// when
		String printed = status(command);

		// then the first thousand in file order, then how many more and where to read every one
		assertThat(printed).contains("Version 2 against the rows it replaced:", "Phường Gia Thụy", "Điểm cầu 998 ")
			.doesNotContain("Điểm cầu 999 ")
			.contains("… and 202 more points: GET /api/submissions/" + second + "/changes lists every one.");
	}

	@Test
	void aConferenceCodeInLowerCaseIsTheConferenceAsAFileNamesIt() {
		// given
		StatusCommand command = new StatusCommand();
		command.conference = "nqdh13";

		// when
		String printed = status(command);

		// then
		assertThat(printed).contains("Consolidated figures for NQDH13:").doesNotContain("No conference");
	}

	@Test
	void anUnknownUnitIsSaidSoNotTakenForOneThatSentNothing() {
		// given a mistyped unit code
		StatusCommand command = new StatusCommand();
		command.conference = "HNTW8-K13";
		command.unit = "20-KQC";

		// when
		String printed = status(command);

		// then
		assertThat(printed).contains("No unit 20-KQC (see `units import`).").doesNotContain("No placed submission");
	}

	@Test
	void aNegativeNumberOfRunsIsAUsageErrorNotAStackTrace() {
		// given
		StringWriter err = new StringWriter();
		CommandLine command = new CommandLine(new StatusCommand()).setErr(new PrintWriter(err));

		// when
		int exit = command.execute("--runs", "-1");

		// then picocli's usage error, before anything starts
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).contains("--runs must be 0 or more, not -1").doesNotContain("\tat ");
	}

	@Test
	void aUnitWithoutAConferenceIsAUsageErrorNotIgnored() {
		// given
		StringWriter err = new StringWriter();
		CommandLine command = new CommandLine(new StatusCommand()).setErr(new PrintWriter(err));

		// when
		int exit = command.execute("--unit", "004");

		// then
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).contains("--unit needs --conference");
	}

	private String status(StatusCommand command) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = command.status(this.context, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
