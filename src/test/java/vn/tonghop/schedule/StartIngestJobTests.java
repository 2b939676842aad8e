package vn.tonghop.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
@ExtendWith(OutputCaptureExtension.class)
class StartIngestJobTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path work;

	@Test
	void aFiringThatCannotStartTheJobIsLoggedWithTheScheduleAndTheReason(CapturedOutput output) {
		// given a schedule whose drop folder is not there (mistyped, or a share not mounted)
		Path missing = this.work.resolve("khong-co");

		// when it fires
		assertThatThrownBy(() -> new StartIngestJob(this.runner).start("nightly", missing.toString()))
			.isInstanceOf(JobExecutionException.class);

		// then the log says so at every firing, not only Quartz at a level nobody sees
		assertThat(output.getOut()).contains("WARN")
			.contains("Schedule nightly could not start the ingest job")
			.contains(missing + " does not exist or is not a folder");
	}

	@Test
	void aFiringWhoseRunFailsLogsWhyInOneLine(CapturedOutput output) throws IOException, JobExecutionException {
		// given Long Biên's file, whose reports folder cannot be made: a link leading nowhere stands in its
		// place (a link to a file would itself be taken as a submission, and its run could fail first)
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
		Path input = Files.createDirectories(this.work.resolve("input/004"));
		Files.writeString(input.resolve("long-bien.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Files.createSymbolicLink(input.resolve("reports"), this.work.resolve("not-mounted"));

		// when the schedule fires and its run fails
		new StartIngestJob(this.runner).start("nightly", this.work.resolve("input").toString());

		// then the log says which run failed and why, not only the batch's stack traces
		assertThat(output.getOut()).containsPattern("WARN .*Schedule nightly: run \\d+ FAILED: .*"
				+ "Cannot write the reports on 004/long-bien.csv to .*; the files it did not finish stay pending");
	}

}
