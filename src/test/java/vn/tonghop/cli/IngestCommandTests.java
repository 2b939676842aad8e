package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import vn.tonghop.intake.InputScanner.ScanResult;
import vn.tonghop.status.RunReport;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandTests {

	@Test
	void filesThatVanishedDuringTheScanAreNamedInTheSummary() {
		// given a run whose discover step saw one file vanish
		JobExecution execution = new JobExecution(7, new JobInstance(3, "ingest"), new JobParameters());
		StepExecution discover = new StepExecution(11, "discover", execution);
		discover.getExecutionContext().put(ScanResult.VANISHED, new String[] { "004/long-bien.xlsx" });
		execution.addStepExecution(discover);
		RunReport report = new RunReport(List.of(new RunReport.FileLine("lang-son.xls", 1, false, "accepted", "20-KCQ",
				"HNTW8-K13", 64, null)));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		// when
		IngestCommand.printFiles(new PrintStream(bytes, true, StandardCharsets.UTF_8), report,
				IngestCommand.vanished(execution));

		// then
		List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(2)).startsWith("lang-son.xls").contains("accepted");
		assertThat(lines.get(3)).startsWith("004/long-bien.xlsx").contains("vanished")
			.endsWith("removed or moved before it could be taken; it is taken when it is back");
	}

	@Test
	void aRunWithoutNewOrVanishedFilesSaysSo() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		IngestCommand.printFiles(new PrintStream(bytes, true, StandardCharsets.UTF_8), new RunReport(List.of()), List.of());

		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("No new files." + System.lineSeparator());
	}

}
