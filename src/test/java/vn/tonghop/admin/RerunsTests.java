package vn.tonghop.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.intake.PendingSubmissionReader;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.status.RunReport;
import vn.tonghop.status.StatusQueries;
import vn.tonghop.submission.SubmissionProcessor;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.tonghop.Sleeping.sleep;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class RerunsTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	Reruns reruns;

	@Autowired
	History history;

	@Autowired
	UnitImporter units;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SubmissionProcessor processor;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	StatusQueries status;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aResubmissionRecordsThePointsAddedRemovedAndChanged() throws Exception {
		// given Long Biên's first version
		Path file = this.input.resolve("long-bien.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Cự Khối", 100, "Phường Gia Thụy", 100));
		this.runner.run(this.input, "test");

		// when the second drops Cự Khối, adds Ngọc Lâm and raises Bồ Đề
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 130, "Phường Gia Thụy", 100, "Phường Ngọc Lâm", 80));
		this.runner.run(this.input, "test");

		// then
		List<Version> versions = this.history.versions("004", "NQDH13");
		assertThat(versions).extracting(Version::version, Version::state, Version::current)
			.containsExactly(tuple(1, "accepted", false), tuple(2, "accepted", true));
		Change first = versions.get(0).change();
		assertThat(first.replacedSubmissionId()).isNull();
		assertThat(List.of(first.pointsBefore(), first.pointsAfter(), first.pointsAdded(), first.pointsRemoved(),
				first.pointsChanged())).containsExactly(0, 3, 3, 0, 0);
		Change second = versions.get(1).change();
		assertThat(second.replacedSubmissionId()).isEqualTo(versions.get(0).submissionId());
		assertThat(List.of(second.pointsBefore(), second.pointsAfter(), second.pointsAdded(), second.pointsRemoved(),
				second.pointsChanged())).containsExactly(3, 3, 1, 1, 1);
		assertThat(List.of(second.participantsBefore(), second.participantsAfter(), second.membersBefore(),
				second.membersAfter())).containsExactly(300L, 310L, 300L, 310L);
		assertThat(this.history.points(second.id()))
			.extracting(PointChange::kind, PointChange::pointName, PointChange::hostUnitCode, PointChange::membersBefore,
					PointChange::membersAfter)
			.containsExactly(tuple("changed", "Phường Bồ Đề", "00139", 100, 130),
					tuple("removed", "Phường Cự Khối", "00154", 100, null),
					tuple("added", "Phường Ngọc Lâm", "00133", null, 80));
		Map<String, Object> source = this.jdbc.queryForMap("SELECT version, file_name, sheet_name, source_row "
				+ "FROM warehouse.participation_source WHERE point_name = 'Phường Ngọc Lâm'");
		assertThat(source).containsEntry("version", 2L)
			.containsEntry("file_name", "long-bien.csv")
			.containsEntry("sheet_name", "long-bien")
			.containsEntry("source_row", 7);
	}

	@Test
	void aPointWhoseLevelChangedIsRemovedAtTheOldLevelAndAddedAtTheNew() throws Exception {
		// given Bồ Đề as a ward's point
		Path file = this.input.resolve("long-bien.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100));
		this.runner.run(this.input, "test");

		// when the second version holds it at the level of a party cell, with the same figures
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100)
			.replace(";Phường Bồ Đề;Phường;", ";Phường Bồ Đề;Chi bộ;"));
		this.runner.run(this.input, "test");

		// then points are told apart by their level too: the history shows the move, not an unchanged point
		Change second = this.history.versions("004", "NQDH13").get(1).change();
		assertThat(List.of(second.pointsAdded(), second.pointsRemoved(), second.pointsChanged())).containsExactly(1, 1, 0);
		assertThat(this.history.points(second.id())).extracting(PointChange::kind, PointChange::pointLevel)
			.containsExactlyInAnyOrder(tuple("removed", "grassroots"), tuple("added", "cell"));
	}

	@Test
	void aPointWrittenWithItsToneMarkOnTheOtherVowelIsTheSamePointInTheHistory() throws Exception {
		// given Gia Thụy in the first version
		Path file = this.input.resolve("long-bien.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Gia Thụy", 100));
		this.runner.run(this.input, "test");

		// when the second writes it "Thuỵ", once with its figure raised
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Gia Thuỵ", 120));
		this.runner.run(this.input, "test");

		// then it changed, neither removed nor added
		Change second = this.history.versions("004", "NQDH13").get(1).change();
		assertThat(List.of(second.pointsAdded(), second.pointsRemoved(), second.pointsChanged())).containsExactly(0, 0, 1);
		assertThat(this.history.points(second.id()))
			.extracting(PointChange::kind, PointChange::pointName, PointChange::membersBefore, PointChange::membersAfter)
			.containsExactly(tuple("changed", "Phường Gia Thuỵ", 100, 120));
	}

	@Test
	void aRerunWhoseArchivedCopyIsGoneFailsAndLeavesTheStandingVersionAsItWas(@TempDir Path aside) throws Exception {
		// given Long Biên's version standing, and its archived copy gone (the archive volume not mounted,
		// or the archive of another instance)
		Files.writeString(this.input.resolve("long-bien.csv"),
				longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Cự Khối", 70));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission", String.class));
		Path away = Files.move(archived, aside.resolve("long-bien.csv"));

		// when the conference is rerun
		RerunResult result = this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));

		// then the run fails, and the file is neither rejected nor taken out of the warehouse
		assertThat(result.status()).isEqualTo("FAILED");
		assertThat(this.jdbc.queryForObject("SELECT state || ' ' || is_current || ' ' || unit_code "
				+ "FROM tonghop.submission WHERE id = ?", String.class, id)).isEqualTo("pending true 004");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE submission_id = ?",
				Long.class, id)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_problem", Long.class)).isZero();

		// when the copy is back, the next run processes the file again
		Files.move(away, archived);
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT state || ' ' || is_current FROM tonghop.submission WHERE id = ?",
				String.class, id)).isEqualTo("accepted true");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Long.class)).isEqualTo(2);
	}

	@Test
	void aRerunWhoseArchivedCopyWasAlteredFailsAndLeavesTheStandingVersionAsItWas() throws Exception {
		// given Long Biên's version standing, and its archived copy since written over (a restore from a
		// wrong backup, a hand edit) with other figures
		Files.writeString(this.input.resolve("long-bien.csv"),
				longBien("Quận ủy Long Biên", "Phường Bồ Đề", 101, "Phường Cự Khối", 69));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission", String.class));
		byte[] taken = Files.readAllBytes(archived);
		Files.writeString(archived, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 900, "Phường Cự Khối", 69));

		// when the file is rerun
		RerunResult result;
		try {
			result = this.reruns.rerun(new RerunRequest(null, null, id, false));
		}
		finally {
			// The archive outlives the test: other tests' files of these bytes would be read from it.
			Files.write(archived, taken);
		}

		// then the run fails naming the copy, and the district's file is neither rejected nor taken out
		assertThat(result.status()).isEqualTo("FAILED");
		// (the partition's manager step fails too, and the job lists its steps in no set order)
		assertThat(result.failures()).anySatisfy((failure) -> assertThat(failure)
			.contains("The archived copy of long-bien.csv is not the file that was taken: " + archived));
		assertThat(this.jdbc.queryForObject("SELECT state || ' ' || is_current FROM tonghop.submission WHERE id = ?",
				String.class, id)).isEqualTo("pending true");
		assertThat(this.jdbc.queryForObject("SELECT sum(members_attending) FROM warehouse.participation "
				+ "WHERE submission_id = ?", Long.class, id)).isEqualTo(170);

		// when the copy is back, the next run processes the file again
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT state || ' ' || is_current FROM tonghop.submission WHERE id = ?",
				String.class, id)).isEqualTo("accepted true");
	}

	@Test
	void aDryRunWritesNothingIntoTheDistrictsFolderAndTellsWhatARerunWouldDoWhenItCannotBeWritten() throws Exception {
		// given Long Biên's version standing, then its reports folder taken by a regular file, which no
		// process can write into (as root, a read-only folder would still be written)
		Files.writeString(this.input.resolve("long-bien.csv"),
				longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Cự Khối", 70));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		Path reports = this.input.resolve("reports");
		try (var published = Files.list(reports)) {
			for (Path report : published.toList()) {
				Files.delete(report);
			}
		}
		Files.delete(reports);
		Files.writeString(reports, "not a folder");

		// when the file is rerun dry
		RerunResult dryRun = this.reruns.rerun(new RerunRequest(null, null, id, true));

		// then the dry run answers what it would do, as where the folder can be written
		assertThat(dryRun.status()).isEqualTo("DRY_RUN");
		assertThat(dryRun.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.stateAfter()).isEqualTo("accepted");
			assertThat(outcome.change().pointsAfter()).isEqualTo(2);
		});
		assertThat(reports).hasContent("not a folder");
		try (var files = Files.list(this.input)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("long-bien.csv",
					"reports");
		}
	}

	@Test
	void aRerunWhoseFileAnotherRunTakesAnswersWithWhatThatRunMadeOfIt() throws Exception {
		// given Long Biên's version standing, and another run's worker (another instance's schedule,
		// another rerun) taking every file that becomes pending, which commits a moment later
		Files.writeString(this.input.resolve("long-bien.csv"),
				longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Cự Khối", 70));
		long firstRun = this.runner.run(this.input, "test").getId();
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		PendingSubmissionReader otherWorker = new PendingSubmissionReader(this.jdbc, new HashMap<>());
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
			Instant deadline = Instant.now().plusSeconds(30);
			while (Instant.now().isBefore(deadline)) {
				boolean took = Boolean.TRUE.equals(transaction.execute((status) -> {
					PendingSubmission claimed = otherWorker.read();
					if (claimed == null) {
						return false;
					}
					this.processor.process(claimed, firstRun);
					sleep(Duration.ofSeconds(3));
					return true;
				}));
				if (took) {
					return true;
				}
			}
			return false;
		});

		// when the file is rerun, and the other run takes it as soon as it is pending again
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, id, false));

		// then the rerun answers what became of the file, not the pending state it was in meanwhile
		assertThat(other.get()).as("the other run took the file").isTrue();
		assertThat(rerun.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.stateAfter()).isEqualTo("accepted");
			assertThat(outcome.change()).isNotNull();
			assertThat(outcome.change().pointsAfter()).isEqualTo(2);
		});
	}

	@Test
	void aDryRunWhoseArchivedCopyIsGoneTellsThatTheRerunWouldFailAndWhy(@TempDir Path aside) throws Exception {
		// given Long Biên's version standing, and its archived copy gone
		Files.writeString(this.input.resolve("long-bien.csv"),
				longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Cự Khối", 70));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission", String.class));
		Path away = Files.move(archived, aside.resolve("long-bien.csv"));

		// when the conference is rerun dry
		RerunResult dryRun = this.reruns.rerun(new RerunRequest("NQDH13", null, null, true));

		// then it answers as the rerun would end: the file left pending, and the failure naming the copy
		assertThat(dryRun.status()).isEqualTo("DRY_RUN");
		assertThat(dryRun.completed()).isFalse();
		assertThat(dryRun.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.stateAfter()).isEqualTo("pending");
			assertThat(outcome.change()).isNull();
		});
		assertThat(dryRun.failures()).singleElement().asString()
			.contains("The archived copy of long-bien.csv is missing: " + archived);
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission WHERE id = ?", String.class, id))
			.isEqualTo("accepted");
		Files.move(away, archived);
	}

	@Test
	void aFirstLoadListsItsPointsAsAddedFromItsOwnRows() throws Exception {
		// given Long Biên's first version
		Files.writeString(this.input.resolve("long-bien.csv"),
				longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Cự Khối", 70));

		// when it loads
		this.runner.run(this.input, "test");

		// then the change stores no point rows, yet lists both points as added in file order
		Change change = this.history.versions("004", "NQDH13").get(0).change();
		assertThat(change.pointsAdded()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_change_point", Long.class))
			.isZero();
		assertThat(this.history.points(change.id()))
			.extracting(PointChange::kind, PointChange::pointName, PointChange::membersBefore, PointChange::membersAfter,
					PointChange::sourceRowAfter)
			.containsExactly(tuple("added", "Phường Bồ Đề", null, 100, 5), tuple("added", "Phường Cự Khối", null, 70, 6));
		// and a window of them carries how many there are, also past the last one
		PointWindow window = this.history.points(change, 1, 1);
		assertThat(window.points()).extracting(PointChange::pointName).containsExactly("Phường Cự Khối");
		assertThat(window.total()).isEqualTo(2);
		assertThat(this.history.points(change, 2, 5)).isEqualTo(new PointWindow(List.of(), 2));
	}

	@Test
	void anAliasAndARerunLoadAFileRejectedForItsUnit() throws Exception {
		// given a file naming its unit in a way the tree does not know
		Files.writeString(this.input.resolve("lb.csv"), longBien("Quận ủy LB", "Phường Bồ Đề", 100, "Phường Gia Thụy", 50));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		assertThat(this.jdbc.queryForObject("SELECT code FROM tonghop.submission_problem WHERE submission_id = ?",
				String.class, id)).isEqualTo("unit-unknown");

		// when the name becomes an alias of Long Biên and the file is rerun
		Path alias = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(alias, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		this.units.importFile(alias);
		RerunResult dryRun = this.reruns.rerun(new RerunRequest(null, null, id, true));
		Map<String, Object> afterDryRun = this.jdbc.queryForMap("SELECT state, (SELECT count(*) FROM warehouse.participation) "
				+ "AS rows, (SELECT count(*) FROM tonghop.submission_change) AS changes FROM tonghop.submission WHERE id = ?", id);
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, id, false));

		// then the dry run told exactly what the rerun did, and changed nothing
		assertThat(afterDryRun).containsEntry("state", "rejected").containsEntry("rows", 0L).containsEntry("changes", 0L);
		assertThat(dryRun.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.stateBefore()).isEqualTo("rejected");
			assertThat(outcome.stateAfter()).isEqualTo("accepted");
			assertThat(List.of(outcome.change().pointsBefore(), outcome.change().pointsAfter(), outcome.change().pointsAdded()))
				.containsExactly(0, 2, 2);
			assertThat(outcome.change().participantsAfter()).isEqualTo(150L);
		});
		assertThat(rerun.status()).isEqualTo(BatchStatus.COMPLETED.name());
		assertThat(rerun.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.stateAfter()).isEqualTo("accepted");
			assertThat(outcome.unitCode()).isEqualTo("004");
			assertThat(List.of(outcome.change().pointsBefore(), outcome.change().pointsAfter(), outcome.change().pointsAdded()))
				.containsExactly(0, 2, 2);
		});
		assertThat(this.jdbc.queryForList("SELECT point_name FROM warehouse.participation WHERE submission_id = ? "
				+ "ORDER BY source_row", String.class, id)).containsExactly("Phường Bồ Đề", "Phường Gia Thụy");
		assertThat(this.jdbc.queryForObject("SELECT job_execution_id FROM tonghop.submission WHERE id = ?", Long.class, id))
			.isEqualTo(rerun.executionId());
	}

	@Test
	void aRerunThatPlacesAFileUnderAnotherUnitTakesItsRowsAlong() throws Exception {
		// given a file accepted for Long Biên through an alias
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		Files.writeString(this.input.resolve("lb.csv"), "Đơn vị báo cáo;Quận ủy LB\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự\n1;Hội trường quận;Quận;100;0\n");
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code FROM warehouse.participation", String.class))
			.containsExactly("004");

		// when the alias moves to another district and the file is rerun
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận LB\n");
		this.reruns.rerun(new RerunRequest(null, null, id, false));

		// then its rows moved with it, and the province counts them once
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code FROM warehouse.participation", String.class))
			.containsExactly("005");
		assertThat(this.jdbc.queryForObject("SELECT participants FROM warehouse.participation_by_province "
				+ "WHERE conference_code = 'NQDH13' AND province_code = '01'", Long.class)).isEqualTo(100L);
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code || ' ' || points_before || ' ' || points_after "
				+ "FROM tonghop.submission_change ORDER BY id", String.class))
			.containsExactly("004 0 1", "004 1 0", "005 0 1");
	}

	@Test
	void aStandingVersionMovedToAnotherUnitByARerunGivesWayToTheEarlierOne() throws Exception {
		// given Long Biên's first version, then a second naming it through an alias
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		Path file = this.input.resolve("lb.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100));
		this.runner.run(this.input, "test");
		Files.writeString(file, "Đơn vị báo cáo;Quận ủy LB\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự\n1;Hội trường quận;Quận;70;0\n");
		this.runner.run(this.input, "test");
		long earlier = this.jdbc.queryForObject("SELECT min(id) FROM tonghop.submission", Long.class);
		long latest = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);

		// when the alias moves to another district and the second is rerun
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,\n005,Quận Cầu Giấy,01,district,,2025-06-30,Quận LB\n");
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, latest, false));

		// then its rows moved with it, and Long Biên's first version stands for Long Biên again
		assertThat(this.jdbc.queryForList("SELECT DISTINCT reporting_unit_code || ' ' || submission_id "
				+ "FROM warehouse.participation ORDER BY 1", String.class)).containsExactly("004 " + earlier, "005 " + latest);
		assertThat(rerun.outcomes()).extracting(RerunOutcome::submissionId, RerunOutcome::unitCode, RerunOutcome::inPlaceOf)
			.containsExactly(tuple(latest, "005", null), tuple(earlier, "004", latest));
	}

	@Test
	void aFileThatLostItsUnitWithAnAliasIsTakenByTheUnitsConferenceRerunOnceTheAliasIsBack() throws Exception {
		// given a file accepted for Long Biên through an alias, rejected by a rerun after the alias was taken away
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		Files.writeString(this.input.resolve("lb.csv"), longBien("Quận ủy LB", "Phường Bồ Đề", 100));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,\n");
		this.reruns.rerun(new RerunRequest("NQDH13", "004", null, false));
		assertThat(this.jdbc.queryForObject("SELECT unit_code FROM tonghop.submission WHERE id = ?", String.class, id))
			.isNull();

		// when the alias is restored and the unit's files for the conference are rerun
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		List<Long> all = this.reruns.choose(new RerunRequest("NQDH13", null, null, false));
		List<Long> other = this.reruns.choose(new RerunRequest("NQDH13", "005", null, false));
		RerunResult rerun = this.reruns.rerun(new RerunRequest("NQDH13", "004", null, false));

		// then the file is the unit's again and stands for it
		assertThat(all).containsExactly(id);
		assertThat(other).isEmpty();
		assertThat(rerun.outcomes()).extracting(RerunOutcome::submissionId, RerunOutcome::unitCode, RerunOutcome::stateAfter)
			.containsExactly(tuple(id, "004", "accepted"));
		assertThat(this.jdbc.queryForList("SELECT DISTINCT reporting_unit_code FROM warehouse.participation", String.class))
			.containsExactly("004");
	}

	@Test
	void aStandingVersionThatLostItsUnitStandsAgainOnceTheAliasIsBackThoughALaterVersionWasRejected() throws Exception {
		// given Long Biên's file accepted through an alias, and a later version with a host no unit has, rejected,
		// so the first still stands
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		Files.writeString(this.input.resolve("lb.csv"), longBien("Quận ủy LB", "Phường Bồ Đề", 100));
		this.runner.run(this.input, "test");
		long standing = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		Files.writeString(this.input.resolve("lb.csv"), longBien("Quận ủy LB", "Phường Không Có", 100));
		this.runner.run(this.input, "test");
		long rejected = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission WHERE id = ?", String.class, rejected))
			.isEqualTo("rejected");
		// and both placed nowhere by a rerun after the alias was taken away
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,\n");
		this.reruns.rerun(new RerunRequest("NQDH13", "004", null, false));
		assertThat(this.jdbc.queryForList("SELECT unit_code FROM tonghop.submission", String.class)).containsOnlyNulls();

		// when the alias is restored and the unit's files for the conference are rerun
		importUnits("004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n");
		this.reruns.rerun(new RerunRequest("NQDH13", "004", null, false));

		// then the version that stood stands again, as it did before the alias was taken away
		assertThat(this.jdbc.queryForList("SELECT id FROM tonghop.submission WHERE is_current", Long.class))
			.containsExactly(standing);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT submission_id FROM warehouse.participation", Long.class))
			.containsExactly(standing);
	}

	private void importUnits(String rows) throws IOException {
		Path file = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(file, "code,name,parent_code,kind,valid_from,valid_to,aliases\n" + rows);
		this.units.importFile(file);
	}

	@Test
	void aConferenceRerunTakesTheLatestVersionOfEachUnitAndTheOneStanding() throws Exception {
		// given Long Biên accepted, then a later version rejected for its totals
		Path file = this.input.resolve("long-bien.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Gia Thụy", 100));
		this.runner.run(this.input, "test");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100).replace(";Tổng cộng;;;100;", ";Tổng cộng;;;999;"));
		this.runner.run(this.input, "test");
		long standing = this.jdbc.queryForObject("SELECT min(id) FROM tonghop.submission", Long.class);
		long latest = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);

		// when
		List<Long> chosen = this.reruns.choose(new RerunRequest("NQDH13", null, null, true));
		RerunResult dryRun = this.reruns.rerun(new RerunRequest("NQDH13", "004", null, true));

		// then the rejected latest version is chosen and rejected again; the earlier one standing is
		// processed again too, and the warehouse keeps it
		assertThat(chosen).containsExactly(standing, latest);
		assertThat(dryRun.outcomes()).extracting(RerunOutcome::submissionId, RerunOutcome::stateAfter)
			.containsExactly(tuple(standing, "accepted"), tuple(latest, "rejected"));
		assertThat(dryRun.outcomes().get(1).change()).isNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(2);
	}

	@Test
	void aStandingVersionRejectedByARerunLeavesTheWarehouse() throws Exception {
		// given Long Biên accepted with a point hosted by Phường Gia Thụy
		Files.writeString(this.input.resolve("lb.csv"), longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Gia Thụy", 50));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);

		// when the unit tree learns the ward was gone before the conference, and the file is rerun
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "00130,Phường Gia Thụy,004,grassroots,,2020-12-31,\n");
		this.units.importFile(tree);
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, id, false));

		// then the file is rejected, its rows leave the warehouse, and the removal is a recorded change
		assertThat(rerun.outcomes()).singleElement().satisfies(outcome -> {
			assertThat(outcome.stateBefore()).isEqualTo("accepted");
			assertThat(outcome.stateAfter()).isEqualTo("rejected");
			assertThat(List.of(outcome.change().pointsBefore(), outcome.change().pointsAfter(),
					outcome.change().pointsRemoved())).containsExactly(2, 0, 2);
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT is_current FROM tonghop.submission WHERE id = ?", Boolean.class, id))
			.isFalse();
	}

	@Test
	void aStandingVersionRejectedByARerunGivesWayToTheEarlierVersionThatStillPasses() throws Exception {
		// given two accepted versions of Long Biên's file, only the latest with a point hosted by Phường Gia Thụy
		Path file = this.input.resolve("lb.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100, "Phường Ngọc Lâm", 30));
		this.runner.run(this.input, "test");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 120, "Phường Gia Thụy", 50));
		this.runner.run(this.input, "test");
		long earlier = this.jdbc.queryForObject("SELECT min(id) FROM tonghop.submission", Long.class);
		long latest = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);

		// when the unit tree learns the ward was gone before the conference, and the latest is rerun
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "00130,Phường Gia Thụy,004,grassroots,,2020-12-31,\n");
		this.units.importFile(tree);
		RerunResult dryRun = this.reruns.rerun(new RerunRequest(null, null, latest, true));
		List<Long> rowsAfterDryRun = this.jdbc.queryForList("SELECT submission_id FROM warehouse.participation",
				Long.class);
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, latest, false));

		// then the latest is rejected and the earlier version, processed again in the same run, stands
		assertThat(rowsAfterDryRun).containsOnly(latest);
		for (RerunResult result : List.of(dryRun, rerun)) {
			assertThat(result.outcomes())
				.extracting(RerunOutcome::submissionId, RerunOutcome::stateBefore, RerunOutcome::stateAfter,
						RerunOutcome::inPlaceOf, outcome -> outcome.change().pointsBefore(),
						outcome -> outcome.change().pointsAfter())
				.containsExactly(tuple(latest, "accepted", "rejected", null, 2, 0),
						tuple(earlier, "accepted", "accepted", latest, 0, 2));
		}
		assertThat(this.jdbc.queryForList("SELECT submission_id || ' ' || point_name FROM warehouse.participation "
				+ "ORDER BY source_row", String.class))
			.containsExactly(earlier + " Phường Bồ Đề", earlier + " Phường Ngọc Lâm");
		assertThat(this.jdbc.queryForList("SELECT id || ' ' || state || ' ' || is_current FROM tonghop.submission ORDER BY id",
				String.class)).containsExactly(earlier + " accepted true", latest + " rejected false");
		assertThat(this.jdbc.queryForList("SELECT submission_id || ' ' || coalesce(replaced_submission_id::text, '-') || ' ' "
				+ "|| points_before || ' ' || points_after FROM tonghop.submission_change ORDER BY id", String.class))
			.containsExactly(earlier + " - 0 2", latest + " " + earlier + " 2 2", latest + " " + latest + " 2 0",
					earlier + " - 0 2");
		assertThat(this.history.versions("004", "NQDH13")).extracting(Version::submissionId, Version::current)
			.containsExactly(tuple(earlier, true), tuple(latest, false));
		assertThat(this.status.run(rerun.executionId()).files())
			.filteredOn(line -> line.submissionId() == earlier)
			.extracting(RunReport.FileLine::state, RunReport.FileLine::reason)
			.containsExactly(tuple("accepted", "Processed again in place of #" + latest + ", which no longer stands"));
		// the district is told which of its files counts now
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.submission_problem WHERE submission_id = ?",
				String.class, latest)).contains("version-kept");
	}

	@Test
	void anEarlierVersionRejectedTooGivesWayToTheOneBeforeIt() throws Exception {
		// given three accepted versions of Long Biên's file, the two latest with a point hosted by Phường Gia Thụy
		Path file = this.input.resolve("lb.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100));
		this.runner.run(this.input, "test");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 110, "Phường Gia Thụy", 50));
		this.runner.run(this.input, "test");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 120, "Phường Gia Thụy", 50));
		this.runner.run(this.input, "test");
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM tonghop.submission ORDER BY id", Long.class);

		// when the ward is gone before the conference and the conference is rerun
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "00130,Phường Gia Thụy,004,grassroots,,2020-12-31,\n");
		this.units.importFile(tree);
		RerunResult rerun = this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));

		// then the middle version is tried and rejected too, and the first one stands
		assertThat(rerun.outcomes()).extracting(RerunOutcome::submissionId, RerunOutcome::stateAfter, RerunOutcome::inPlaceOf)
			.containsExactly(tuple(ids.get(2), "rejected", null), tuple(ids.get(1), "rejected", ids.get(2)),
					tuple(ids.get(0), "accepted", ids.get(2)));
		assertThat(this.jdbc.queryForList("SELECT DISTINCT submission_id FROM warehouse.participation", Long.class))
			.containsExactly(ids.get(0));
		assertThat(this.jdbc.queryForObject("SELECT members_attending FROM warehouse.participation", Integer.class))
			.isEqualTo(100);
	}

	@Test
	void anEarlierVersionWhoseArchivedCopyIsGoneLeavesTheRejectedVersionStandingAndTheRunFailed(@TempDir Path aside)
			throws Exception {
		// given two accepted versions of Long Biên's file, the earlier one's archived copy gone
		Path file = this.input.resolve("lb.csv");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 100));
		this.runner.run(this.input, "test");
		Files.writeString(file, longBien("Quận ủy Long Biên", "Phường Bồ Đề", 120, "Phường Gia Thụy", 50));
		this.runner.run(this.input, "test");
		long earlier = this.jdbc.queryForObject("SELECT min(id) FROM tonghop.submission", Long.class);
		long latest = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		Files.move(Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission WHERE id = ?",
				String.class, earlier)), aside.resolve("lb.csv"));

		// when the ward is gone before the conference and the latest is rerun
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "00130,Phường Gia Thụy,004,grassroots,,2020-12-31,\n");
		this.units.importFile(tree);
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, latest, false));

		// then nothing of it is done: no older version put in place of one that may pass, and the run says why
		assertThat(rerun.status()).isEqualTo("FAILED");
		assertThat(rerun.failures()).anySatisfy(failure -> assertThat(failure).contains("Submission " + latest
				+ " no longer stands, and the earlier version " + earlier + " to stand in its place cannot be read, so "
				+ latest + " stays pending and its rows stay: The archived copy of lb.csv is missing"));
		assertThat(this.jdbc.queryForList("SELECT id || ' ' || state || ' ' || is_current FROM tonghop.submission ORDER BY id",
				String.class)).containsExactly(earlier + " accepted false", latest + " pending true");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT submission_id FROM warehouse.participation", Long.class))
			.containsExactly(latest);
	}

	/** A Long Biên CSV: pairs of ward and members, each ward hosting its own grassroots point. */
	static String longBien(String unit, Object... wardsAndMembers) {
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo;" + unit + "\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự;Số người khác tham dự\n");
		int total = 0;
		for (int i = 0; i < wardsAndMembers.length; i += 2) {
			String ward = (String) wardsAndMembers[i];
			int members = (Integer) wardsAndMembers[i + 1];
			csv.append(i / 2 + 1).append(';').append(ward).append(";Phường;").append(ward).append(';').append(members)
				.append(";0\n");
			total += members;
		}
		return csv.append(";Tổng cộng;;;").append(total).append(";0\n").toString();
	}

}
