package vn.tonghop.schedule;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.tonghop.jobs.IngestRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class StartIngestJobTests {

	@Autowired
	IngestRunner runner;

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

}
