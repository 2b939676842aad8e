package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.Latches;
import vn.tonghop.admin.RerunOutcome;
import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.RerunResult;
import vn.tonghop.admin.Reruns;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.intake.PendingSubmissionReader;
import vn.tonghop.submission.SubmissionProcessor;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two files a rerun moves between two units, each to the other's: each worker holds its file's old
 * unit from the claim and needs the new one. Latches make both claim before either loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class UnitSwapTests {

	@Autowired
	IngestRunner runner;

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

	@Autowired
	Reruns reruns;

	@TempDir
	Path input;

	@TempDir
	Path trees;

	@BeforeEach
	void clean() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void twoFilesARerunSwapsBetweenTwoUnitsBothMoveWithoutADeadlock() throws Exception {
		// given a file for Long Biên and one for Cầu Giấy, each naming its unit by an alias
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận CG\n");
		Files.writeString(this.input.resolve("lb.csv"), file("Quận ủy LB", 100));
		Files.writeString(this.input.resolve("cg.csv"), file("Quận ủy CG", 70));
		JobExecution run = this.runner.run(this.input, "test");
		long x = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE unit_code = '004'", Long.class);
		long y = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE unit_code = '005'", Long.class);

		// when the aliases are exchanged, and a rerun's two workers each claim one of the files before either loads
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận CG\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận LB\n");
		this.jdbc.update("UPDATE tonghop.submission SET state = 'pending'");
		CountDownLatch claimed = new CountDownLatch(2);
		CompletableFuture<Void> first = worker(claimed, run.getId(), new HashMap<>());
		CompletableFuture<Void> second = worker(claimed, run.getId(), new HashMap<>());

		// then both workers end, and each file stands for the other unit with its rows
		first.get(60, TimeUnit.SECONDS);
		second.get(60, TimeUnit.SECONDS);
		assertThat(this.jdbc.queryForList("SELECT id || ' ' || state || ' ' || unit_code || ' ' || is_current "
				+ "FROM tonghop.submission ORDER BY id", String.class))
			.containsExactlyInAnyOrder(x + " accepted 005 true", y + " accepted 004 true");
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code || ' ' || submission_id || ' ' || participants "
				+ "FROM warehouse.participation ORDER BY 1", String.class))
			.containsExactly("004 " + y + " 70", "005 " + x + " 100");
	}

	@Test
	void aFileMovingToAUnitALoadHoldsWaitsForItWithoutTakingItAgainMeanwhile() throws Exception {
		// given a file for Cầu Giấy through an alias, which now names Long Biên, whose lock a run's load holds
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận CG\n");
		Files.writeString(this.input.resolve("cg.csv"), file("Quận ủy CG", 70));
		JobExecution run = this.runner.run(this.input, "test");
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận CG\n005,Quận Cầu Giấy,01,district,,2025-06-30,\n");
		this.jdbc.update("UPDATE tonghop.submission SET state = 'pending'");
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> load = CompletableFuture.runAsync(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> {
				this.jdbc.query("SELECT pg_advisory_xact_lock(hashtext('NQDH13|004'))", rs -> null);
				held.countDown();
				Latches.await(release);
			}));
		assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

		// when a rerun's worker takes the file
		CompletableFuture<Void> rerun = worker(new CountDownLatch(0), run.getId(), new HashMap<>());

		// then it waits for the load, not reading the file over and over, and moves once the load ends
		Latches.awaitASessionWaitingOnALock(this.jdbc);
		release.countDown();
		load.get(30, TimeUnit.SECONDS);
		rerun.get(30, TimeUnit.SECONDS);
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code FROM warehouse.participation", String.class))
			.containsExactly("004");
	}

	@Test
	void aDryRunMovingAFileToAUnitARunHoldsWaitsForItAndChangesNothing() throws Exception {
		// given a file for Cầu Giấy through an alias, which now names Long Biên, whose lock a run's load holds
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận CG\n");
		Files.writeString(this.input.resolve("cg.csv"), file("Quận ủy CG", 70));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận CG\n005,Quận Cầu Giấy,01,district,,2025-06-30,\n");
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> load = CompletableFuture.runAsync(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> {
				this.jdbc.query("SELECT pg_advisory_xact_lock(hashtext('NQDH13|004'))", rs -> null);
				held.countDown();
				Latches.await(release);
			}));
		assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

		// when the file is rerun dry, and the load ends while the dry run waits
		CompletableFuture<RerunResult> dry = CompletableFuture.supplyAsync(() -> {
			try {
				return this.reruns.rerun(new RerunRequest(null, null, id, true));
			}
			catch (IngestRunner.IngestNotStartedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Latches.awaitASessionWaitingOnALock(this.jdbc);
		release.countDown();
		load.get(30, TimeUnit.SECONDS);

		// then the dry run tells the file would move, and nothing moved
		assertThat(dry.get(30, TimeUnit.SECONDS).outcomes()).extracting(RerunOutcome::unitCode, RerunOutcome::stateAfter)
			.containsExactly(tuple("004", "accepted"));
		assertThat(this.jdbc.queryForList("SELECT unit_code || ' ' || state || ' ' || is_current FROM tonghop.submission",
				String.class)).containsExactly("005 accepted true");
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code FROM warehouse.participation", String.class))
			.containsExactly("005");
	}

	/** A load worker as the step runs it: one file a transaction, until none is pending. */
	private CompletableFuture<Void> worker(CountDownLatch claimed, long runId, HashMap<Long, RuntimeException> setAside) {
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		PendingSubmissionReader reader = new PendingSubmissionReader(this.jdbc, setAside);
		SubmissionWriter writer = new SubmissionWriter(this.processor, reader, this.transactions, runId);
		return CompletableFuture.runAsync(() -> {
			boolean more = true;
			while (more) {
				more = Boolean.TRUE.equals(tx.execute((status) -> {
					PendingSubmission mine = reader.read();
					if (mine == null) {
						return false;
					}
					if (claimed.getCount() > 0) {
						claimed.countDown();
						Latches.await(claimed);
					}
					writer.write(Chunk.of(mine));
					return true;
				}));
			}
		});
	}

	private static String file(String unit, int members) {
		return "Đơn vị báo cáo;" + unit + "\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự\n1;Hội trường quận;Quận;"
				+ members + ";0\n";
	}

	private void importUnits(String rows) throws IOException {
		Path file = Files.writeString(this.trees.resolve("units-" + Instant.now().toEpochMilli() + ".csv"),
				"code,name,parent_code,kind,valid_from,valid_to,aliases\n" + rows);
		this.units.importFile(file);
	}

}
