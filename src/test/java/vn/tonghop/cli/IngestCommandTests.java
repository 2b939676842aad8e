package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.intake.InputScanner.ScanResult;
import vn.tonghop.intake.InputScanner.Skipped;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.status.RunReport;
import vn.tonghop.status.StatusQueries;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class IngestCommandTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	StatusQueries queries;

	@Autowired
	InputScanner scanner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IntakeProperties intake;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void cleanDatabaseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void filesThatVanishedDuringTheScanAreNamedInTheSummary() {
		// given a run whose discover step saw one file vanish
		JobExecution execution = new JobExecution(7, new JobInstance(3, "ingest"), new JobParameters());
		StepExecution discover = new StepExecution(11, "discover", execution);
		discover.getExecutionContext().put(ScanResult.VANISHED, new String[] { "004/long-bien.xlsx" });
		execution.addStepExecution(discover);
		RunReport report = new RunReport(List.of(new RunReport.FileLine("lang-son.xls", 1, false, "accepted", "20-KCQ",
				"HNTW8-K13", 64, null, null)));

		// when
		List<String> lines = printFiles(report, IngestCommand.vanished(execution), IngestCommand.skipped(execution));

		// then
		assertThat(lines).hasSize(4);
		assertThat(lines.get(2)).startsWith("lang-son.xls").contains("accepted");
		assertThat(lines.get(3)).startsWith("004/long-bien.xlsx").contains("vanished")
			.endsWith("removed or moved before it could be taken; it is taken when it is back");
	}

	@Test
	void filesStillBeingWrittenAreSaidToWaitRatherThanLeftOut() {
		// given a run whose discover step found a file still being copied into the drop folder
		JobExecution execution = new JobExecution(7, new JobInstance(3, "ingest"), new JobParameters());
		StepExecution discover = new StepExecution(11, "discover", execution);
		discover.getExecutionContext().putInt(ScanResult.UNSTABLE, 1);
		execution.addStepExecution(discover);

		// then the summary, which says "No new files.", says too that one is coming
		assertThat(IngestCommand.stillBeingWritten(execution, Duration.ofSeconds(2)))
			.hasValue("1 file still being written (changed in the last 2 s) is left for the next scan.");
		assertThat(IngestCommand.stillBeingWritten(new JobExecution(8, new JobInstance(4, "ingest"), new JobParameters()),
				Duration.ofSeconds(2))).isEmpty();
	}

	@Test
	void aRunWithoutNewOrVanishedFilesSaysSo() {
		List<String> lines = printFiles(new RunReport(List.of()), List.of(), List.of());

		assertThat(lines).containsExactly("No new files.");
	}

	@Test
	void aFileThatCouldNotBeTakenIsNamedInTheSummaryWithItsReasonAndTakenOnceItCanBe() throws Exception {
		// given the examples, and the archive folder Long Biên's bytes would go to taken by a regular file
		// (a copy archived by an earlier test is put aside, and back afterwards)
		ExampleFiles.copyExamples(this.input);
		String hash = sha256(this.input.resolve("004/long-bien-nqdh13.xlsx"));
		Path blocker = this.intake.archive().resolve(hash.substring(0, 2)).resolve(hash);
		Path aside = blocker.resolveSibling(hash + ".aside");
		if (Files.exists(blocker)) {
			Files.move(blocker, aside);
		}
		Files.createDirectories(blocker.getParent());
		Files.writeString(blocker, "not a folder");
		try {
			// when
			JobExecution run = this.runner.run(this.input, "test");

			// then the run completes, and the summary names the file, says why and counts it
			assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			List<Skipped> skipped = IngestCommand.skipped(run);
			assertThat(skipped).singleElement().satisfies(file -> {
				assertThat(file.path()).isEqualTo("004/long-bien-nqdh13.xlsx");
				assertThat(file.reason()).contains(hash);
			});
			RunReport report = this.queries.run(run.getId());
			List<String> lines = printFiles(report, IngestCommand.vanished(run), skipped);
			assertThat(lines).last()
				.asString()
				.startsWith("004/long-bien-nqdh13.xlsx")
				.contains("skipped")
				.contains("could not be taken (", hash)
				.endsWith("); it is tried again at the next scan");
			assertThat(IngestCommand.footer(report, IngestCommand.vanished(run), skipped, Duration.ofMillis(1900)))
				.isEqualTo("accepted 1, accepted with warnings 0, rejected 1, already taken 0, skipped 1, rows loaded 64, "
						+ "time 1.9 s");
		}
		finally {
			Files.delete(blocker);
			if (Files.exists(aside)) {
				Files.move(aside, blocker);
			}
		}

		// when the archive can take it
		JobExecution next = this.runner.run(this.input, "test");

		// then the next run takes it, and skips nothing
		assertThat(IngestCommand.skipped(next)).isEmpty();
		assertThat(IngestCommand.footer(this.queries.run(next.getId()), IngestCommand.vanished(next),
				IngestCommand.skipped(next), Duration.ZERO))
			.isEqualTo("accepted 1, accepted with warnings 0, rejected 0, already taken 0, rows loaded 19, time 0.0 s");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void escapeSequencesADistrictWritesDoNotReachTheOperatorsTerminal(CapturedOutput output) throws Exception {
		// given a file whose name holds escape sequences a terminal runs, a new window title and a cleared
		// screen (a Linux file name may hold any character but '/')
		String name = "bao-cao\u001b]0;da xong\u0007\u001b[2J.csv";
		Files.writeString(this.input.resolve(name), "Đơn vị báo cáo;Quận Long Biên\n");

		// when
		JobExecution run = this.runner.run(this.input, "test");
		List<String> lines = printFiles(this.queries.run(run.getId()), List.of(), List.of());

		// then neither the log lines nor the summary carry a control character: each is shown as a space
		assertThat(output.getAll()).contains(" INFO ", " : bao-cao ]0;da xong  [2J.csv (").doesNotContain("\u001b", "\u0007");
		assertThat(lines).last().asString().startsWith("bao-cao ]0;da xong  [2J.csv").contains("rejected")
			.doesNotContain("\u001b", "\u0007");
	}

	@Test
	void aFileDroppedAgainIsCountedOnlyAsAlreadyTaken() throws Exception {
		// given the examples and, in the same drop, a copy of Lạng Sơn's file under another name
		ExampleFiles.copyExamples(this.input);
		Files.copy(this.input.resolve("lang-son-khoi-cqt-hntw8.xls"), this.input.resolve("lang-son-ban-sao.xls"));

		// when
		JobExecution first = this.runner.run(this.input, "test");

		// then the copy is counted once, as already taken, not as accepted too
		assertThat(footer(first)).isEqualTo(
				"accepted 2, accepted with warnings 0, rejected 1, already taken 1, rows loaded 83, time 0.0 s");

		// when Long Biên's file is dropped again under another name
		Files.copy(this.input.resolve("004/long-bien-nqdh13.xlsx"), this.input.resolve("004/long-bien-gui-lai.xlsx"));
		JobExecution second = this.runner.run(this.input, "test");

		// then this run accepted nothing and loaded nothing: it found bytes already taken
		assertThat(footer(second)).isEqualTo(
				"accepted 0, accepted with warnings 0, rejected 0, already taken 1, rows loaded 0, time 0.0 s");
		assertThat(printFiles(this.queries.run(second.getId()), List.of(), List.of())).last()
			.asString()
			.startsWith("004/long-bien-gui-lai.xlsx")
			.contains("already taken (#");
	}

	@Test
	void filesOneRunTookAndAnotherLoadedAreCountedByTheRunThatLoadedThem() throws Exception {
		// given a run that took the examples, and another instance's run that loaded them meanwhile (two
		// instances over one folder: each loads what it claims, whichever took it)
		JobExecution took = this.runner.run(Files.createDirectories(this.input.resolve("empty")), "test");
		Path drop = Files.createDirectories(this.input.resolve("drop"));
		ExampleFiles.copyExamples(drop);
		this.scanner.scan(drop, null, took.getId());
		JobExecution loaded = this.runner.run(this.input.resolve("empty"), "test");

		// when
		RunReport report = this.queries.run(took.getId());

		// then the run that took them counts nothing loaded, and names the run that loaded each
		assertThat(IngestCommand.footer(report, List.of(), List.of(), Duration.ZERO))
			.isEqualTo("accepted 0, accepted with warnings 0, rejected 0, already taken 0, rows loaded 0, time 0.0 s");
		assertThat(printFiles(report, List.of(), List.of())).filteredOn(line -> line.startsWith("004/long-bien"))
			.singleElement()
			.asString()
			.contains("accepted by run " + loaded.getId());
		assertThat(footer(loaded)).isEqualTo(
				"accepted 2, accepted with warnings 0, rejected 1, already taken 0, rows loaded 83, time 0.0 s");
	}

	private String footer(JobExecution run) {
		return IngestCommand.footer(this.queries.run(run.getId()), IngestCommand.vanished(run), IngestCommand.skipped(run),
				Duration.ZERO);
	}

	private static List<String> printFiles(RunReport report, List<String> vanished, List<Skipped> skipped) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		IngestCommand.printFiles(new PrintStream(bytes, true, StandardCharsets.UTF_8), report, vanished, skipped);
		return bytes.toString(StandardCharsets.UTF_8).lines().toList();
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	// Scanned on its own, a unit's folder would make its files a second submission of the same bytes.
	@Test
	void aFolderInsideOrAroundTheDropFolderIsNotScannedBesideIt() {
		Path drop = Path.of("input");

		assertThat(IngestCommand.nested(Path.of("input/004"), drop)).startsWith("input/004 is inside the drop folder input");
		assertThat(IngestCommand.nested(Path.of("."), drop)).startsWith(". is around the drop folder input");
		// A folder around the drop folder, where the archive usually is too, is no drop folder to suggest.
		assertThat(IngestCommand.nested(Path.of("input/004"), drop)).endsWith("or make input/004 the drop folder (TONGHOP_INTAKE_INPUT).");
		assertThat(IngestCommand.nested(Path.of("."), drop)).endsWith("Scan the drop folder itself (ingest without --input).");
		assertThat(IngestCommand.nested(Path.of("input/../input"), drop)).isNull();
		assertThat(IngestCommand.nested(Path.of("elsewhere/004"), drop)).isNull();
		assertThat(IngestCommand.nested(null, drop)).isNull();
	}

}
