package vn.tonghop.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import vn.tonghop.admin.Change;
import vn.tonghop.admin.History;
import vn.tonghop.admin.PointChange;
import vn.tonghop.admin.PointWindow;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	long first;

	long second;

	long lastExecution;

	@BeforeAll
	void twoVersionsOfLongBien(@Autowired ReferenceFiles reference, @Autowired IngestRunner runner, @TempDir Path input)
			throws Exception {
		ExampleFiles.resetToShippedReference(this.jdbc, reference);
		Path file = input.resolve("long-bien.csv");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));
		runner.run(input, "test");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy", "Phường Ngọc Lâm")));
		JobExecution execution = runner.run(input, "test");
		this.lastExecution = execution.getId();
		this.first = this.jdbc.queryForObject("SELECT min(id) FROM tonghop.submission", Long.class);
		this.second = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
	}

	@Test
	void versionsCarryTheTotalsBeforeAndAfterEachLoad() throws Exception {
		this.mvc.perform(get("/api/units/004/conferences/NQDH13/versions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].version").value(contains(1, 2)))
			.andExpect(jsonPath("$.items[1].submissionId").value(this.second))
			.andExpect(jsonPath("$.items[1].replacedSubmissionId").value(this.first))
			.andExpect(jsonPath("$.items[1].pointsBefore").value(2))
			.andExpect(jsonPath("$.items[1].pointsAfter").value(3))
			.andExpect(jsonPath("$.items[1].participantsAfter").value(300))
			.andExpect(jsonPath("$.items[1].current").value(true));
	}

	@Test
	void aSubmissionsChangesListEachPointInJsonAndCsv() throws Exception {
		this.mvc.perform(get("/api/submissions/{id}/changes", this.second))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].kind").value(contains("added", "removed", "added")))
			.andExpect(jsonPath("$.items[*].pointName").value(contains("Phường Gia Thụy", "Phường Cự Khối", "Phường Ngọc Lâm")));
		String csv = this.mvc.perform(get("/api/submissions/{id}/changes", this.second).accept("text/csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).hasSize(4);
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).isEqualTo("added,Phường Gia Thụy,00130,grassroots,,online,,2021-03-27,,100,,0,,6");
		this.mvc.perform(get("/api/submissions/999999/changes")).andExpect(status().isNotFound());
	}

	@Test
	void aSubmissionsChangesAreReadOnePageAtATime(@Autowired History history) throws Exception {
		// given the second version's load, which added two points and removed one
		Change change = history.latestChange(this.second).orElseThrow();

		// when its points are asked for a window at a time, as the endpoint does for a page
		PointWindow middle = history.points(change, 1, 1);

		// then the database hands over that window alone, and the pages cover every point once, in file order
		assertThat(middle.points()).extracting(PointChange::pointName).containsExactly("Phường Cự Khối");
		assertThat(middle.total()).isEqualTo(3);
		assertThat(history.points(change, 3, 10)).isEqualTo(new PointWindow(List.of(), 3));
		this.mvc.perform(get("/api/submissions/{id}/changes", this.second).param("size", "2"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].pointName").value(contains("Phường Gia Thụy", "Phường Cự Khối")));
		this.mvc.perform(get("/api/submissions/{id}/changes", this.second).param("size", "2").param("page", "1"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].pointName").value(contains("Phường Ngọc Lâm")));
		this.mvc.perform(get("/api/submissions/{id}/changes", this.second).param("page", "5"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void aDryRunRerunAnswersWithTheChangeAndChangesNothing() throws Exception {
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"NQDH13\",\"unit\":\"004\",\"dryRun\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRY_RUN"))
			.andExpect(jsonPath("$.outcomes[0].submissionId").value(this.second))
			.andExpect(jsonPath("$.outcomes[0].change.replacedSubmissionId").value(this.second))
			.andExpect(jsonPath("$.outcomes[0].change.pointsAdded").value(0))
			.andExpect(jsonPath("$.outcomes[0].change.pointsChanged").value(0))
			// every timestamp of the API is in Vietnam time, this answer's too
			.andExpect(jsonPath("$.outcomes[0].change.changedAt").value(endsWith("+07:00")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_change WHERE submission_id = ?",
				Integer.class, this.second)).isOne();
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"NQDH13\",\"submission\":1}")).andExpect(status().isBadRequest());
	}

	@Test
	void anUnknownConferenceIsNotFoundForVersionsAndReruns() throws Exception {
		// a mistyped conference is told apart from a unit that sent nothing, as everywhere in the API
		this.mvc.perform(get("/api/units/004/conferences/NQDH31/versions"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No conference NQDH31."));
		this.mvc.perform(get("/api/units/004/conferences/HNTW8-K13/versions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"NQDH31\",\"dryRun\":true}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No conference NQDH31."));
	}

	@Test
	void anUnknownUnitIsNotFoundForVersionsAndReruns() throws Exception {
		// given a unit code no version of the unit tree holds, as `rerun --unit` refuses it
		this.mvc.perform(get("/api/units/00404/conferences/NQDH13/versions"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No unit 00404."));
		// then a rerun of it is not a rerun of a unit that sent nothing either
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"NQDH13\",\"unit\":\"00404\",\"dryRun\":true}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No unit 00404."));
	}

	@Test
	void aRerunRequestWithoutDryRunIsNotADryRun() throws Exception {
		// a unit that sent nothing, so that nothing here changes
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON)
			.content("{\"conference\":\"NQDH13\",\"unit\":\"20\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dryRun").value(false))
			.andExpect(jsonPath("$.status").value("NOTHING_TO_RERUN"));
	}

	@Test
	void aRerunOfASubmissionThatDoesNotExistIsNotFound() throws Exception {
		// when an administrator mistypes the id, as `rerun --submission 999999` refuses it
		this.mvc.perform(post("/api/admin/reruns").contentType(MediaType.APPLICATION_JSON).content("{\"submission\":999999}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No submission 999999."));
	}

	@Test
	void onlyAKnownUnfinishedExecutionCanBeRestarted() throws Exception {
		this.mvc.perform(post("/api/admin/executions/{id}/restart", this.lastExecution))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("is COMPLETED: nothing to restart")));
		this.mvc.perform(post("/api/admin/executions/{id}/restart", 999999)).andExpect(status().isNotFound());
	}

}
