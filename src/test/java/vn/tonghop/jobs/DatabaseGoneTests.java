package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that goes away in the middle of a run, in the process that keeps living (a serve):
 * connections refused for a while, not only cut, so that the run cannot record how it ended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "tonghop.intake.stable-for=0s", "spring.datasource.hikari.connection-timeout=1000" })
class DatabaseGoneTests {

	/** The advisory lock the second file's marker row waits for, held by the test. */
	private static final int GATE = 424242;

	@Autowired
	IngestRunner runner;

	@Autowired
	ExecutionRecovery recovery;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Value("${spring.datasource.url}")
	String url;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@AfterEach
	void letConnectionsInAgain() throws SQLException, InterruptedException {
		try (Connection connection = DriverManager.getConnection(template1(), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
		}
		awaitDatabase();
		this.jdbc.execute("DROP TRIGGER IF EXISTS wait_at_gate ON warehouse.participation");
		this.jdbc.execute("DROP FUNCTION IF EXISTS wait_at_gate()");
	}

	@Test
	void anExecutionThisLiveProcessCouldNotEndWhileTheDatabaseWasGoneIsRecoveredByItAndRestarts() throws Exception {
		// given two files, the second of which waits in its load until the test lets it go on
		Files.writeString(this.input.resolve("1.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Files.writeString(this.input.resolve("2.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy"))
			.replace("Hội nghị;NQDH13", "Hội nghị;HNTW8-K13"));
		this.jdbc.execute("CREATE FUNCTION wait_at_gate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "IF NEW.point_name = 'Phường Gia Thụy' THEN PERFORM pg_advisory_lock(" + GATE + "); END IF; "
				+ "RETURN NEW; END $$");
		this.jdbc.execute("CREATE TRIGGER wait_at_gate BEFORE INSERT ON warehouse.participation FOR EACH ROW "
				+ "EXECUTE FUNCTION wait_at_gate()");
		CompletableFuture<JobExecution> run;
		// Another database's session does what none of postgres's may: shut postgres's out.
		try (Connection control = DriverManager.getConnection(template1(), "postgres", "");
				Statement outside = control.createStatement();
				Connection gate = DriverManager.getConnection(this.url, "postgres", "");
				Statement statement = gate.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + GATE + ")");
			run = CompletableFuture.supplyAsync(() -> {
				try {
					return this.runner.run(this.input, "test");
				}
				catch (IngestRunner.IngestNotStartedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			awaitWaitingAtGate(outside, run);

			// when the database goes away while the run loads the second file: every connection cut,
			// none let in until the run has given up
			outside.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS false");
			outside.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");
			assertThatThrownBy(() -> run.get(3, TimeUnit.MINUTES)).as("the run cannot record its end")
				.isInstanceOf(ExecutionException.class);
			outside.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
		}
		awaitDatabase();
		this.jdbc.execute("DROP TRIGGER wait_at_gate ON warehouse.participation");

		// then once the database is back, the execution is still STARTED by this very process, which no
		// longer runs it: recovery takes it for orphaned, and it can be restarted to the end
		long executionId = this.jdbc.queryForObject(
				"SELECT max(job_execution_id) FROM batch.batch_job_execution", Long.class);
		assertThat(this.jobRepository.getJobExecution(executionId).getStatus()).isEqualTo(BatchStatus.STARTED);
		assertThatThrownBy(() -> this.runner.restart(executionId)).hasMessageContaining("still running");
		assertThat(this.recovery.recover()).containsExactly(executionId);
		assertThat(this.jobRepository.getJobExecution(executionId).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.runner.restart(executionId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT file_name || ' ' || state FROM tonghop.submission ORDER BY file_name",
				String.class)).containsExactly("1.csv accepted", "2.csv accepted");
	}

	/** Until the pool has a connection again: it waits longer and longer between attempts while none is let in. */
	private void awaitDatabase() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (true) {
			try {
				this.jdbc.queryForObject("SELECT 1", Integer.class);
				return;
			}
			catch (DataAccessException ex) {
				assertThat(Instant.now()).as("the database did not come back: " + ex).isBefore(deadline);
				Thread.sleep(200);
			}
		}
	}

	private String template1() {
		return this.url.replace("/postgres", "/template1");
	}

	private static void awaitWaitingAtGate(Statement statement, CompletableFuture<?> run) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			try (ResultSet waiting = statement
				.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
				waiting.next();
				if (waiting.getLong(1) > 0) {
					return;
				}
			}
			assertThat(run).as("the run ended before it reached the gate").isNotDone();
			assertThat(Instant.now()).as("the run did not reach the gate").isBefore(deadline);
			Thread.sleep(50);
		}
	}

}
