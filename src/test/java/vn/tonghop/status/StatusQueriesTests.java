package vn.tonghop.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.status.StatusQueries.MissingUnit;
import vn.tonghop.status.StatusQueries.ProvinceCompleteness;
import vn.tonghop.status.StatusQueries.RecentRun;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class StatusQueriesTests {

	@Autowired
	StatusQueries queries;

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void ingestExamples() throws Exception {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
		ExampleFiles.copyExamples(this.input);
		this.runner.run(this.input, "test");
	}

	@AfterEach
	void dropTheFailingTrigger() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS refuse_all ON warehouse.participation");
		this.jdbc.execute("DROP FUNCTION IF EXISTS refuse_all()");
	}

	@Test
	void recentRunsTellIngestsRerunsAndRestartsApart() throws Exception {
		// given the examples' ingest, a rerun of Long Biên's file, and an ingest that failed and was restarted
		long longBien = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE unit_code = '004'", Long.class);
		long rerun = this.runner.rerun(List.of(longBien), this.input, "test").getId();
		Files.writeString(this.input.resolve("long-bien-bo-de.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		this.jdbc.execute("CREATE FUNCTION refuse_all() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "RAISE EXCEPTION 'refused'; END $$");
		this.jdbc.execute("CREATE TRIGGER refuse_all BEFORE INSERT ON warehouse.participation FOR EACH ROW "
				+ "EXECUTE FUNCTION refuse_all()");
		long failed = this.runner.run(this.input, "test").getId();
		dropTheFailingTrigger();
		long restart = this.runner.restart(failed).getId();

		// when
		List<RecentRun> runs = this.queries.recentRuns(4);

		// then each says what kind of run it was, and a restart which execution it resumed
		assertThat(runs).extracting(RecentRun::executionId, RecentRun::job)
			.containsExactly(tuple(restart, "restart of " + failed), tuple(failed, "ingest"), tuple(rerun, "rerun"),
					tuple(runs.get(3).executionId(), "ingest"));
	}

	@Test
	void aRunKeepsItsFilesAndRowsWhenALaterRunProcessesOneAgain() throws Exception {
		// given the examples' ingest, then Long Biên's file emptied of points by a rerun that rejects it
		long ingest = this.queries.recentRuns(1).get(0).executionId();
		long longBien = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE unit_code = '004'", Long.class);
		this.jdbc.update("UPDATE tonghop.unit SET valid_to = DATE '2021-01-01' WHERE code = '004'");
		long rerun = this.runner.rerun(List.of(longBien), this.input, "test").getId();

		// when
		List<RecentRun> runs = this.queries.recentRuns(2);
		RunReport first = this.queries.run(ingest);

		// then the ingest still shows the three files and 83 rows it loaded, the rerun its own rejection
		assertThat(runs).extracting(RecentRun::executionId, RecentRun::files, RecentRun::rows)
			.containsExactly(tuple(rerun, 1L, 0L), tuple(ingest, 3L, 83L));
		assertThat(first.files()).filteredOn(f -> f.submissionId() == longBien)
			.singleElement()
			.satisfies(f -> {
				assertThat(f.state()).isEqualTo("accepted");
				assertThat(f.rows()).isEqualTo(19);
				assertThat(f.otherRun()).isNull();
			});
		assertThat(first.rowsLoaded()).isEqualTo(83);
		assertThat(this.queries.run(rerun).files()).extracting(RunReport.FileLine::state, RunReport.FileLine::rows)
			.containsExactly(tuple("rejected", 0L));
	}

	@Test
	void completenessCountsExpectedReportedAndMissingPerProvince() {
		// given the examples: Long Biên accepted for NQDH13, Thanh Hóa city rejected

		// when
		var provinces = this.queries.completeness("NQDH13");

		// then each province expects itself and its district-level units valid on 2021-03-27
		assertThat(provinces).extracting(ProvinceCompleteness::provinceCode, ProvinceCompleteness::expected,
				ProvinceCompleteness::reported, ProvinceCompleteness::missing)
			.containsExactly(tuple("01", 2L, 1L, 1L),
					tuple("20", 2L, 0L, 2L),
					tuple("38", 2L, 0L, 2L));
	}

	@Test
	void timelinessComparesTheFirstAcceptedArrivalWithTheDeadlineInVietnamTime() {
		// given Long Biên's file arrived at 23:30 on the deadline day, Vietnam time
		this.jdbc.update("UPDATE tonghop.submission SET received_at = TIMESTAMPTZ '2021-04-10 23:30:00+07' "
				+ "WHERE unit_code = '004'");

		// when
		ProvinceCompleteness haNoi = this.queries.completeness("NQDH13").get(0);

		// then it is on time: the deadline day is counted in Vietnam time
		assertThat(haNoi.onTime()).isEqualTo(1);
		assertThat(haNoi.late()).isZero();

		// and a day later it is late
		this.jdbc.update("UPDATE tonghop.submission SET received_at = TIMESTAMPTZ '2021-04-11 00:30:00+07' "
				+ "WHERE unit_code = '004'");
		assertThat(this.queries.completeness("NQDH13").get(0).late()).isEqualTo(1);
	}

	@Test
	void chaseListNamesTheMissingUnitsProvinceFirst() {
		// when
		var missing = this.queries.missing("NQDH13");

		// then the rejected Thanh Hóa city is still to chase, and Long Biên is not
		assertThat(missing).extracting(MissingUnit::unitCode).containsExactly("01", "20", "20-KCQ", "38", "380");
		assertThat(missing).filteredOn(m -> m.unitCode().equals("380"))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.unitName()).isEqualTo("Thành phố Thanh Hóa");
				assertThat(m.deadline()).hasToString("2021-04-10");
			});
	}

}
