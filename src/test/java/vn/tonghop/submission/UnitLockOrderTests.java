package vn.tonghop.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.Latches;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.intake.PendingSubmissionReader;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers of one unit's figures meeting: a run's worker loading a new version while a rerun's worker
 * holds the version standing. Each test forces the interleaving with latches and waits on the
 * database's own lock queue, so a deadlock is met every time, not once in a while.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class UnitLockOrderTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	InputScanner scanner;

	@Autowired
	SubmissionProcessor processor;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	UnitImporter units;

	@TempDir
	Path input;

	@BeforeEach
	void clean() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aNewVersionLoadedWhileARerunHoldsTheStandingOneWaitsForItInsteadOfDeadlocking() throws Exception {
		// given Long Biên's version standing, and a newer version of Long Biên taken meanwhile
		write("004/long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));
		JobExecution run = this.runner.run(this.input, "test");
		long standing = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE is_current", Long.class);
		write("004/long-bien.csv",
				ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy")));
		this.scanner.scan(this.input, null, run.getId());
		long newer = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);

		// when a rerun's worker claims the standing version, the run's worker loads the newer one until it
		// waits on the rerun, and the rerun goes on
		rerunWhileLoading(standing, newer, run.getId());

		// then both commit, and the newer version stands with its three points
		assertThat(this.jdbc.queryForList("SELECT id, state FROM tonghop.submission WHERE is_current"))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("id")).isEqualTo(newer);
				assertThat(row.get("state")).isEqualTo("accepted");
			});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE submission_id = ?",
				Integer.class, newer)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(3);
	}

	@Test
	void aNewVersionLoadedWhileARerunPutsAnEarlierOneBackStandsOverIt(@TempDir Path trees) throws Exception {
		// given two versions of Long Biên's file, only the later one naming Phường Gia Thụy, which the unit
		// tree now says was gone before the conference, the later one standing, and a newer version taken
		// meanwhile
		write("004/long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Ngọc Lâm")));
		JobExecution run = this.runner.run(this.input, "test");
		write("004/long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");
		long earlier = this.jdbc.queryForObject("SELECT min(id) FROM tonghop.submission", Long.class);
		long standing = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE is_current", Long.class);
		write("004/long-bien.csv",
				ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Đức Giang")));
		this.scanner.scan(this.input, null, run.getId());
		long newer = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		Path tree = Files.writeString(trees.resolve("units.csv"), "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "00130,Phường Gia Thụy,004,grassroots,,2020-12-31,\n");
		this.units.importFile(tree);

		// when a rerun's worker claims the standing version, the run's worker loads the newer one until
		// it waits, and the rerun rejects the standing version and puts the earlier one back
		rerunWhileLoading(standing, newer, run.getId());

		// then both commit, and the newest accepted version stands over the one put back
		assertThat(this.jdbc.queryForList("SELECT id || ' ' || state || ' ' || is_current FROM tonghop.submission "
				+ "ORDER BY id", String.class))
			.containsExactly(earlier + " accepted false", standing + " rejected false", newer + " accepted true");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT submission_id FROM warehouse.participation", Long.class))
			.containsExactly(newer);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(3);
	}

	/**
	 * A rerun's worker claims {@code standing}, the run's worker then loads {@code newer} until it waits
	 * on a lock, and the rerun goes on; returns once both have committed.
	 */
	private void rerunWhileLoading(long standing, long newer, long runId) throws Exception {
		this.jdbc.update("UPDATE tonghop.submission SET state = 'pending' WHERE id = ?", standing);
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Void> rerun = CompletableFuture.runAsync(() -> tx.executeWithoutResult((status) -> {
			PendingSubmission mine = new PendingSubmissionReader(this.jdbc, new HashMap<>()).read();
			assertThat(mine.id()).isEqualTo(standing);
			claimed.countDown();
			Latches.await(go);
			this.processor.process(mine, runId);
		}));
		assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> load = CompletableFuture.runAsync(() -> tx.executeWithoutResult((status) -> {
			PendingSubmission mine = new PendingSubmissionReader(this.jdbc, new HashMap<>()).read();
			assertThat(mine.id()).isEqualTo(newer);
			this.processor.process(mine, runId);
		}));
		Latches.awaitASessionWaitingOnALock(this.jdbc);
		go.countDown();
		rerun.get(60, TimeUnit.SECONDS);
		load.get(60, TimeUnit.SECONDS);
	}

	private Path write(String path, String content) throws IOException {
		Path file = this.input.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		Duration age = Duration.ofMinutes(1);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
		return file;
	}

}
