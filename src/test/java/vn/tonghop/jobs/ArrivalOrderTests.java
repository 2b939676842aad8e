package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.Reruns;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.submission.SubmissionProcessor;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "tonghop.intake.stable-for=0s", "tonghop.ingest.workers=1" })
class ArrivalOrderTests {

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

	@TempDir
	Path input;

	@BeforeEach
	void clean() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	// Two workers or two instances finish the newer version B (received first) and the old bytes A
	// dropped again in another folder (received after) in either order: B must stand either way.
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theNewerVersionStandsWhicheverOfTheTwoFinishesFirst(boolean oldCopyFirst) throws Exception {
		String first = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		write("004/long-bien.csv", first);
		JobExecution run = this.runner.run(this.input, "test");
		write("004/long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy")));
		this.scanner.scan(this.input, null, run.getId());
		long newer = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		write("01/long-bien-cu.csv", first);
		this.scanner.scan(this.input, null, run.getId());
		long oldCopy = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		assertThat(oldCopy).isGreaterThan(newer);

		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		for (long id : oldCopyFirst ? List.of(oldCopy, newer) : List.of(newer, oldCopy)) {
			tx.executeWithoutResult((status) -> this.processor.process(pending(id), run.getId()));
		}

		assertThat(this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE is_current", Long.class))
			.isEqualTo(newer);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(3);
	}

	// The same bytes dropped in the unit's folder and again in the province's, finished in reverse order:
	// the rows that stand are this file's own, so it must not be told it does not count.
	@org.junit.jupiter.api.Test
	void aFileIsNotToldAnotherVersionStandsWhenTheStandingOneIsItsOwnBytes() throws Exception {
		JobExecution run = this.runner.run(this.input, "test");
		String bytes = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		write("004/long-bien.csv", bytes);
		this.scanner.scan(this.input, null, run.getId());
		long original = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		write("01/long-bien-ban-sao.csv", bytes);
		this.scanner.scan(this.input, null, run.getId());
		long copy = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		assertThat(copy).isGreaterThan(original);

		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		for (long id : List.of(copy, original)) {
			tx.executeWithoutResult((status) -> this.processor.process(pending(id), run.getId()));
		}

		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.submission_problem WHERE submission_id = ?",
				String.class, original)).doesNotContain("version-not-current");
	}

	// A district saves a corrected file beside the first; a browser names it "bao-cao (1).csv", which
	// sorts before "bao-cao.csv". One scan takes both: the one written later is the newer version.
	@org.junit.jupiter.api.Test
	void ofTwoVersionsTakenByOneScanTheOneWrittenLaterStands() throws Exception {
		Path first = write("004/bao-cao.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));
		Path corrected = write("004/bao-cao (1).csv",
				ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy")));
		Instant now = Instant.now();
		Files.setLastModifiedTime(first, FileTime.from(now.minus(Duration.ofMinutes(10))));
		Files.setLastModifiedTime(corrected, FileTime.from(now.minus(Duration.ofMinutes(5))));

		this.runner.run(this.input, "test");

		assertThat(this.jdbc.queryForObject("SELECT file_name FROM tonghop.submission WHERE is_current", String.class))
			.isEqualTo("bao-cao (1).csv");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(3);
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.submission_problem", String.class))
			.doesNotContain("version-not-current");
	}

	@Autowired
	Reruns reruns;

	// A rerun of the conference takes each unit's latest version, the one the district expects to count.
	@org.junit.jupiter.api.Test
	void aRerunOfTheConferenceTakesTheStandingVersionNotAnOldOneDroppedAgain() throws Exception {
		String first = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		write("004/long-bien.csv", first);
		this.runner.run(this.input, "test");
		write("004/long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");
		long newer = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE is_current", Long.class);
		write("01/long-bien-cu.csv", first);
		this.runner.run(this.input, "test");

		assertThat(this.reruns.choose(new RerunRequest("NQDH13", null, null, true))).containsExactly(newer);
	}

	private PendingSubmission pending(long id) {
		return this.jdbc.queryForObject("SELECT " + PendingSubmission.COLUMNS + " FROM tonghop.submission s WHERE s.id = ?",
				PendingSubmission.ROW, id);
	}

	private Path write(String path, String content) throws IOException {
		Path file = this.input.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
