package vn.tonghop.api;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

/** The state the API tests read: reference data and the three example submissions ingested. */
final class IngestedExamples {

	private IngestedExamples() {
	}

	static void load(JdbcTemplate jdbc, ReferenceFiles reference, IngestRunner runner, Path work) throws Exception {
		ExampleFiles.resetToShippedReference(jdbc, reference);
		Path input = Files.createDirectories(work.resolve("input"));
		ExampleFiles.copyExamples(input);
		runner.run(input, "test");
	}

	static long submissionId(JdbcTemplate jdbc, String fileName) {
		return jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE file_name = ?", Long.class, fileName);
	}

}
