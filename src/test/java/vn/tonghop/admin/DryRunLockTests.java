package vn.tonghop.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
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
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.intake.PendingSubmissionReader;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.submission.SubmissionProcessor;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A dry run meeting real runs: it must neither deadlock with them nor keep them waiting for more than
 * one file. Latches and the database's own lock queue force each interleaving every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class DryRunLockTests {

	private static final String LONG_BIEN_LB = "004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n";

	private static final String CAU_GIAY_CG = "005,Quận Cầu Giấy,01,district,,2025-06-30,Quận CG\n";

	@Autowired
	IngestRunner runner;

	@Autowired
	Reruns reruns;

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

	@TempDir
	Path trees;

	@BeforeEach
	void clean() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aDryRunOfAFileARerunsWorkerIsMovingToAnotherUnitEndsWithoutADeadlock() throws Exception {
		// given a file standing for Long Biên through an alias that now names Cầu Giấy, and a rerun's worker
		// that has claimed it, holding Long Biên, and has not moved it yet
		importUnits(LONG_BIEN_LB + "005,Quận Cầu Giấy,01,district,,2025-06-30,\n");
		Files.writeString(this.input.resolve("lb.csv"), file("Quận ủy LB", 100));
		JobExecution run = this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận LB\n");
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Void> rerun = CompletableFuture.runAsync(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> {
				this.jdbc.update("UPDATE tonghop.submission SET state = 'pending' WHERE id = ?", id);
				PendingSubmission mine = new PendingSubmissionReader(this.jdbc, new HashMap<>()).read();
				claimed.countDown();
				Latches.await(go);
				this.processor.process(mine, run.getId());
			}));
		assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

		// when the file is rerun dry, and the worker goes on once the dry run waits
		CompletableFuture<RerunResult> dry = dryRun(new RerunRequest(null, null, id, true));
		Latches.awaitASessionWaitingOnALock(this.jdbc);
		go.countDown();

		// then both end: the file moved once, and the dry run tells it stays where it now is
		rerun.get(60, TimeUnit.SECONDS);
		assertThat(dry.get(60, TimeUnit.SECONDS).outcomes()).extracting(RerunOutcome::unitCode, RerunOutcome::stateAfter)
			.containsExactly(tuple("005", "accepted"));
		assertThat(this.jdbc.queryForList("SELECT unit_code || ' ' || state || ' ' || is_current FROM tonghop.submission",
				String.class)).containsExactly("005 accepted true");
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code FROM warehouse.participation", String.class))
			.containsExactly("005");
	}

	@Test
	void aDryRunOfAFileReplacingTheVersionARerunIsMakingPendingEndsWithoutADeadlock() throws Exception {
		// given Long Biên's version standing, and a later file rejected for a unit the tree did not know,
		// which an alias now places on Long Biên
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		Files.writeString(this.input.resolve("lb.csv"), file("Quận ủy LB", 100));
		this.runner.run(this.input, "test");
		Files.writeString(this.input.resolve("lb-2.csv"), file("Quận ủy LBM", 120));
		this.runner.run(this.input, "test");
		long standing = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE is_current", Long.class);
		long later = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE state = 'rejected'", Long.class);
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB|Quận LBM\n");

		// when a rerun's discovery makes the standing version pending, then the later file, one row at a time,
		// and the later file is rerun dry in between
		CountDownLatch first = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Void> discovery = CompletableFuture.runAsync(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> {
				this.jdbc.update("UPDATE tonghop.submission SET state = 'pending' WHERE id = ?", standing);
				first.countDown();
				Latches.await(go);
				this.jdbc.update("UPDATE tonghop.submission SET state = 'pending' WHERE id = ?", later);
			}));
		assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<RerunResult> dry = dryRun(new RerunRequest(null, null, later, true));
		Latches.awaitASessionWaitingOnALock(this.jdbc);
		go.countDown();

		// then both end, and the dry run tells the later file would stand
		discovery.get(60, TimeUnit.SECONDS);
		assertThat(dry.get(60, TimeUnit.SECONDS).outcomes()).extracting(RerunOutcome::submissionId,
				RerunOutcome::unitCode, RerunOutcome::stateAfter)
			.containsExactly(tuple(later, "004", "accepted"));
	}

	@Test
	void aConferenceDryRunLetsGoOfAUnitOnceItsFileIsDone() throws Exception {
		// given Long Biên and Cầu Giấy standing, and a load of Cầu Giấy under way
		importUnits(LONG_BIEN_LB + CAU_GIAY_CG);
		Files.writeString(this.input.resolve("lb.csv"), file("Quận ủy LB", 100));
		Files.writeString(this.input.resolve("cg.csv"), file("Quận ủy CG", 70));
		this.runner.run(this.input, "test");
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> load = CompletableFuture.runAsync(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> {
				this.jdbc.query("SELECT pg_advisory_xact_lock(hashtext('NQDH13|005'))", rs -> null);
				held.countDown();
				Latches.await(release);
			}));
		assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
		try {
			// when the conference is rerun dry, which does Long Biên's file and then waits for Cầu Giấy, and
			// a new version of Long Biên's file comes meanwhile
			CompletableFuture<RerunResult> dry = dryRun(new RerunRequest("NQDH13", null, null, true));
			Latches.awaitASessionWaitingOnALock(this.jdbc);
			Files.writeString(this.input.resolve("lb.csv"), file("Quận ủy LB", 120));
			CompletableFuture<JobExecution> newer = CompletableFuture.supplyAsync(() -> {
				try {
					return this.runner.run(this.input, "test");
				}
				catch (IngestRunner.IngestNotStartedException ex) {
					throw new IllegalStateException(ex);
				}
			});

			// then the new version is loaded while the dry run still waits, which ends once Cầu Giấy's load does
			assertThat(newer.get(20, TimeUnit.SECONDS).getStatus().name()).isEqualTo("COMPLETED");
			assertThat(dry).isNotDone();
			release.countDown();
			load.get(30, TimeUnit.SECONDS);
			assertThat(dry.get(60, TimeUnit.SECONDS).outcomes()).extracting(RerunOutcome::unitCode)
				.containsExactly("004", "005");
			assertThat(this.jdbc.queryForList("SELECT participants FROM warehouse.participation "
					+ "WHERE reporting_unit_code = '004'", Integer.class)).containsExactly(120);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aConferenceDryRunOfTwoFilesSwappingUnitsForetellsEachAfterTheOther() throws Exception {
		// given a file for Long Biên, then one for Cầu Giấy, each naming its unit by an alias, and the
		// aliases then exchanged
		importUnits(LONG_BIEN_LB + CAU_GIAY_CG);
		Files.writeString(this.input.resolve("lb.csv"), file("Quận ủy LB", 100));
		this.runner.run(this.input, "test");
		Files.writeString(this.input.resolve("cg.csv"), file("Quận ủy CG", 70));
		this.runner.run(this.input, "test");
		long lb = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE unit_code = '004'", Long.class);
		long cg = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE unit_code = '005'", Long.class);
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận CG\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận LB\n");

		// when the conference is rerun dry, then for real
		RerunResult dry = this.reruns.rerun(new RerunRequest("NQDH13", null, null, true));
		this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));

		// then the dry run foretold Cầu Giấy's file after Long Biên's: Long Biên's first gives way to the
		// later one standing for Cầu Giấy, which moves to Long Biên, and it stands for Cầu Giấy in its
		// place; as the rerun left them
		assertThat(dry.outcomes())
			.extracting(RerunOutcome::submissionId, RerunOutcome::unitCode, RerunOutcome::stateAfter,
					RerunOutcome::inPlaceOf, (outcome) -> outcome.change() == null ? null
							: outcome.change().participantsBefore() + " -> " + outcome.change().participantsAfter())
			.containsExactly(tuple(lb, "005", "accepted", null, "0 -> 100"), tuple(cg, "004", "accepted", null, "0 -> 70"),
					tuple(lb, "005", "accepted", cg, "0 -> 100"));
		assertThat(this.jdbc.queryForList("SELECT id || ' ' || unit_code || ' ' || is_current FROM tonghop.submission "
				+ "ORDER BY id", String.class)).containsExactly(lb + " 005 true", cg + " 004 true");
	}

	private CompletableFuture<RerunResult> dryRun(RerunRequest request) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return this.reruns.rerun(request);
			}
			catch (IngestRunner.IngestNotStartedException ex) {
				throw new IllegalStateException(ex);
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
