package vn.tonghop.schedule;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleFileFailureAnalyzerTests {

	@Test
	void aBadScheduleStopsStartUpWithTheFileAndLineInsteadOfAStackTrace() {
		// given start-up failing on a bad cron expression, wrapped as the context wraps it
		ScheduleFileException bad = new ScheduleFileException(Path.of("jobs", "ingest.schedule"), 4,
				"bad cron expression '0 */5 * * * * ?'");

		// when
		FailureAnalysis analysis = new ScheduleFileFailureAnalyzer()
			.analyze(new IllegalStateException("Error creating bean 'scheduleRegistrar'", bad));

		// then Spring Boot's short report names the file and line, and what to do
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("jobs/ingest.schedule:4: bad cron expression '0 */5 * * * * ?'");
		assertThat(analysis.getAction()).contains("jobs/ingest.schedule");
	}

}
