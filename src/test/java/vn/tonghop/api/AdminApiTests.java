package vn.tonghop.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class AdminApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	IngestRunner runner;

	@TempDir
	Path input;

	@BeforeEach
	void ingestExamples() throws Exception {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
		ExampleFiles.copyExamples(this.input);
		this.runner.run(this.input, "test");
	}

	@Test
	void aRerunThatFailsAnswersWhy(@TempDir Path aside) throws Exception {
		// given Long Biên's archived copy gone (the archive volume not mounted)
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE file_name = 'long-bien-nqdh13.xlsx'",
				Long.class);
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission WHERE id = ?",
				String.class, id));
		Path away = Files.move(archived, aside.resolve("long-bien-nqdh13.xlsx"));

		// when
		try {
			this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
				.content("{\"submission\":" + id + "}"))
				// then the answer says why, as the command does on standard error
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("FAILED"))
				.andExpect(jsonPath("$.failures",
						hasItem(containsString("The archived copy of 004/long-bien-nqdh13.xlsx is missing"))));
		}
		finally {
			Files.move(away, archived);
		}
	}

	@Test
	void aRestartThatFailsAnswersWhy(@TempDir Path aside) throws Exception {
		// given a rerun that failed because Long Biên's archived copy is gone, and is still gone
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE file_name = 'long-bien-nqdh13.xlsx'",
				Long.class);
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission WHERE id = ?",
				String.class, id));
		Path away = Files.move(archived, aside.resolve("long-bien-nqdh13.xlsx"));

		try {
			long failed = this.runner.rerun(List.of(id), this.input, "test").getId();

			// when it is restarted
			this.mvc.perform(post("/api/admin/executions/{id}/restart", failed))
				// then the answer says why the resumed execution failed too
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("FAILED"))
				.andExpect(jsonPath("$.failures",
						hasItem(containsString("The archived copy of 004/long-bien-nqdh13.xlsx is missing"))));
		}
		finally {
			Files.move(away, archived);
		}
	}

	@Test
	void aRerunThatCompletesHasNoFailures() throws Exception {
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE file_name = 'long-bien-nqdh13.xlsx'",
				Long.class);

		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"submission\":" + id + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.failures", empty()));
	}

	@Test
	void aCodeSentEmptyInARerunIsOneNotSent() throws Exception {
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE file_name = 'long-bien-nqdh13.xlsx'",
				Long.class);

		// given the fields a script fills from a form, those left blank sent empty: a submission alone
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"\",\"unit\":\"\",\"submission\":" + id + ",\"dryRun\":true}"))
			// then it is that submission's rerun, as without the empty fields
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRY_RUN"))
			.andExpect(jsonPath("$.outcomes[0].submissionId").value(id));
		// and a whole conference, no unit
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"NQDH13\",\"unit\":\" \",\"dryRun\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRY_RUN"))
			.andExpect(jsonPath("$.outcomes.length()").value(2));
	}

}
