package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner.ScanResult;
import vn.tonghop.jobs.IngestRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.Sleeping.sleep;

/**
 * What a scan takes: a submission is its bytes in the folder they were dropped in. Files that vanish
 * while a scan runs: the scan goes on and nothing of them is registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class InputScannerTests {

	private static final long RUN = 42;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IntakeProperties properties;

	@Autowired
	DataSource dataSource;

	@Autowired
	IngestRunner runner;

	@TempDir
	Path input;

	@TempDir
	Path archiveRoot;

	@BeforeEach
	void cleanDatabase() {
		ExampleFiles.clean(this.jdbc);
	}

	@Test
	void aFileDeletedAfterTheListingIsReportedAndTheScanGoesOn() throws IOException {
		// given three files; the second is deleted after it was hashed, just before it is copied
		write("a.csv", "a");
		Path b = write("b.csv", "b");
		write("c.csv", "c");
		InputScanner scanner = scanner((source) -> {
			if (source.equals(b)) {
				Files.delete(b);
			}
		});

		// when
		ScanResult result = scanner.scan(this.input, null, RUN);

		// then
		assertThat(result.taken()).isEqualTo(2);
		assertThat(result.vanished()).containsExactly("b.csv");
		assertThat(registered()).containsExactly("a.csv", "c.csv");
		assertThat(this.jdbc.queryForList("SELECT path FROM tonghop.intake_log ORDER BY path", String.class))
			.containsExactly("a.csv", "c.csv");
	}

	@Test
	void filesDeletedWhileTheScanCopiesThemOnEveryCoreAreReportedInPathOrder() throws IOException {
		// given eight files, all deleted just before they are copied, the first (in path order) only
		// after a while: the copies are made on every core, so the others vanish meanwhile
		for (char name = 'a'; name <= 'h'; name++) {
			write(name + ".csv", String.valueOf(name));
		}
		InputScanner scanner = scanner((source) -> {
			if (source.getFileName().toString().equals("a.csv")) {
				sleep(Duration.ofMillis(300));
			}
			Files.delete(source);
		});

		// when
		ScanResult result = scanner.scan(this.input, null, RUN);

		// then ingest lists them in the same order at every run, as it lists the skipped files
		assertThat(result.vanished()).containsExactly("a.csv", "b.csv", "c.csv", "d.csv", "e.csv", "f.csv", "g.csv",
				"h.csv");
	}

	@Test
	void aFileARoundingReleaseRecordedIsNotTakenAgainAfterTheUpgrade() throws IOException {
		// given a file modified in the second half of a microsecond, taken once
		Path a = write("004/a.csv", "a");
		Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2026-01-05T08:00:00.123456700Z")));
		InputScanner scanner = scanner((source) -> {
		});
		scanner.scan(this.input, null, RUN);
		// and recorded as releases before the set-based scan did: its time rounded to the microsecond
		this.jdbc.update("UPDATE tonghop.seen_file SET modified_at = '2026-01-05T08:00:00.123457Z'");

		// when the upgraded release scans the folder
		ScanResult again = scanner.scan(this.input, null, RUN);

		// then the unchanged file is neither read again nor logged as taken again
		assertThat(List.of(again.taken(), again.duplicates())).containsExactly(0, 0);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.intake_log", Integer.class)).isEqualTo(1);
	}

	@Test
	void theSameBytesTwiceAreOneSubmissionAndAnUnchangedFileIsNotTakenAgain() throws IOException {
		// given, in Long Biên's folder, a file, a copy of it under another name, and a third file
		write("004/a.csv", "a");
		write("004/b.csv", "a");
		Path c = write("004/c.csv", "c");
		InputScanner scanner = scanner((source) -> {
		});

		// when the folder is scanned
		ScanResult first = scanner.scan(this.input, null, RUN);

		// then a and c are new submissions in listing order, b is a duplicate of a
		assertThat(List.of(first.taken(), first.duplicates())).containsExactly(2, 1);
		assertThat(this.jdbc.queryForList("SELECT file_name || ' ' || folder_unit_code FROM tonghop.submission ORDER BY id",
				String.class)).containsExactly("a.csv 004", "c.csv 004");
		assertThat(this.jdbc.queryForList("SELECT l.path || ' ' || l.outcome || ' ' || s.file_name FROM tonghop.intake_log l "
				+ "JOIN tonghop.submission s ON s.id = l.submission_id ORDER BY l.id", String.class))
			.containsExactly("004/a.csv new a.csv", "004/b.csv duplicate a.csv", "004/c.csv new c.csv");
		assertThat(archivedFiles()).hasSize(2);

		// when it is scanned again unchanged, then nothing is taken or logged
		ScanResult again = scanner.scan(this.input, null, RUN);
		assertThat(List.of(again.taken(), again.duplicates())).containsExactly(0, 0);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.intake_log", Integer.class)).isEqualTo(3);

		// when c is sent again with new bytes, then it is a resubmission
		Files.writeString(c, "c, corrected");
		Files.setLastModifiedTime(c, FileTime.from(Instant.now().minusSeconds(60)));
		ScanResult resubmitted = scanner.scan(this.input, null, RUN);
		assertThat(resubmitted.taken()).isEqualTo(1);
		assertThat(registered()).containsExactly("a.csv", "c.csv", "c.csv");
	}

	// Another instance's worker holds its claim for as long as the file takes to load (a minute for a
	// huge one); a scan logging a copy of that file must not wait for it.
	@Test
	void aCopyOfAFileAWorkerIsLoadingIsLoggedWithoutWaitingForTheLoad() throws Exception {
		// given a pending file, claimed by a worker whose transaction is still open
		write("004/a.csv", "a");
		InputScanner scanner = scanner((source) -> {
		});
		scanner.scan(this.input, null, RUN);
		try (Connection worker = this.dataSource.getConnection()) {
			worker.setAutoCommit(false);
			PendingSubmissionReader reader = new PendingSubmissionReader(
					new JdbcTemplate(new SingleConnectionDataSource(worker, true)), new HashMap<>());
			assertThat(reader.read()).isNotNull();

			// when a copy of it arrives and the folder is scanned meanwhile
			write("004/b.csv", "a");
			CompletableFuture<ScanResult> scan = CompletableFuture.supplyAsync(() -> scanner.scan(this.input, null, RUN));

			// then the scan logs the copy while the claim is held
			assertThat(scan.get(30, TimeUnit.SECONDS).duplicates()).isEqualTo(1);
			worker.rollback();
		}
	}

	@Test
	void theSameBytesInAnotherFolderAreThatFoldersSubmissionAndShareOneArchivedCopy() throws IOException {
		// given one content twice in Long Biên's folder, once in Thanh Hóa city's and once in the drop folder
		write("004/a.csv", "a");
		write("004/b.csv", "a");
		write("380/c.csv", "a");
		write("d.csv", "a");
		InputScanner scanner = scanner((source) -> {
		});

		// when
		ScanResult first = scanner.scan(this.input, null, RUN);

		// then each folder has a submission of it, and the second copy in Long Biên's folder is its duplicate
		assertThat(List.of(first.taken(), first.duplicates())).containsExactly(3, 1);
		assertThat(this.jdbc.queryForList("SELECT file_name || ' ' || coalesce(folder_unit_code, '-') "
				+ "FROM tonghop.submission ORDER BY id", String.class)).containsExactly("a.csv 004", "c.csv 380", "d.csv -");
		assertThat(this.jdbc.queryForList("SELECT l.path || ' ' || l.outcome || ' ' || s.file_name FROM tonghop.intake_log l "
				+ "JOIN tonghop.submission s ON s.id = l.submission_id ORDER BY l.id", String.class))
			.containsExactly("004/a.csv new a.csv", "004/b.csv duplicate a.csv", "380/c.csv new c.csv", "d.csv new d.csv");
		// each under the district's name, all one stored copy
		List<Path> archived = archivedFiles();
		assertThat(archived).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrder("a.csv", "c.csv", "d.csv");
		for (Path file : archived) {
			assertThat(Files.isSameFile(file, archived.get(0))).isTrue();
		}

		// when the same bytes come again in Thanh Hóa city's folder and in the drop folder, under new names
		write("380/e.csv", "a");
		write("f.csv", "a");
		ScanResult again = scanner.scan(this.input, null, RUN + 1);

		// then they are already taken there
		assertThat(List.of(again.taken(), again.duplicates())).containsExactly(0, 2);
		assertThat(registered()).containsExactly("a.csv", "c.csv", "d.csv");
	}

	@Test
	void aFileDeletedWhileItIsArchivedLeavesNothingBehindAndIsTakenWhenItIsBack() throws IOException {
		// given a file that disappears just as it is copied to the archive
		Path file = write("004/long-bien.csv", "long bien");
		InputScanner scanner = scanner((source) -> Files.delete(source));

		// when
		ScanResult first = scanner.scan(this.input, null, RUN);

		// then nothing of it is registered or archived
		assertThat(first.taken()).isZero();
		assertThat(first.vanished()).containsExactly(Path.of("004", "long-bien.csv").toString());
		assertThat(registered()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.seen_file", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.intake_log", Integer.class)).isZero();
		assertThat(archivedFiles()).isEmpty();

		// when the district puts it back
		Files.writeString(file, "long bien");
		ScanResult second = scanner((source) -> {
		}).scan(this.input, null, RUN + 1);

		// then it is taken like any new file
		assertThat(second.taken()).isOne();
		assertThat(second.vanished()).isEmpty();
		assertThat(registered()).containsExactly("long-bien.csv");
	}

	@Test
	void theDiscoverStepKeepsTheVanishedFilesForTheRunSummary() throws Exception {
		// given
		write("a.csv", "a");

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then
		Object vanished = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals("discover"))
			.findFirst()
			.orElseThrow()
			.getExecutionContext()
			.get(ScanResult.VANISHED);
		assertThat(vanished).isInstanceOf(String[].class);
		assertThat((String[]) vanished).isEmpty();
	}

	@Test
	void aFileNamedAsLongAsLinuxAllowsIsTakenAndArchivedUnderItsName() throws IOException {
		// given a file named in 255 bytes of Vietnamese: no name derived from it by adding to it fits
		String name = ExampleFiles.longName(255, ".csv");
		write("004/" + name, "long bien");

		// when
		ScanResult result = scanner((source) -> {
		}).scan(this.input, null, RUN);

		// then it is taken, and its archived copy is all that is left in the archive
		assertThat(result.taken()).isOne();
		assertThat(result.skipped()).isEmpty();
		assertThat(registered()).containsExactly(name);
		assertThat(archivedFiles()).singleElement()
			.satisfies(archived -> assertThat(archived.getFileName()).hasToString(name));
	}

	@Test
	void aFolderWhoseNameIsNotUtf8IsSkippedWithTheReasonAndNoReportsGoElsewhere() throws Exception {
		// given a unit's folder unpacked from a zip made on Windows, its name in a legacy encoding (ê as
		// the byte EA), which no Java string holds, beside a folder named in UTF-8
		write("Long Biên/bao-cao.csv", "long bien utf-8");
		Process unpacked = new ProcessBuilder("sh", "-c",
				"mkdir \"$1/$(printf 'Long Bi\\352m')\" && echo cp1258 > \"$1/$(printf 'Long Bi\\352m')/bao-cao.csv\"", "sh",
				this.input.toString())
			.inheritIO()
			.start();
		assertThat(unpacked.waitFor()).isZero();

		// when
		ScanResult result = scanner((source) -> {
		}).scan(this.input, null, RUN);

		// then the UTF-8 one is taken; the other is skipped saying why, not taken under a name whose
		// reports would go to a folder made up beside it
		assertThat(result.taken()).isOne();
		assertThat(this.jdbc.queryForList("SELECT source_path FROM tonghop.submission", String.class))
			.containsExactly("Long Biên/bao-cao.csv");
		assertThat(result.skipped()).singleElement().satisfies((skipped) -> {
			assertThat(skipped.path()).isEqualTo("Long Bi\uFFFDm/bao-cao.csv");
			assertThat(skipped.reason()).isEqualTo("its name is not UTF-8 text (saved in another encoding, as a zip "
					+ "made on Windows unpacks it): rename the file or its folder");
		});
	}

	@Test
	void anArchivedCopyGoneBeforeProcessingFailsTheRunAndLeavesTheFilePending() throws Exception {
		// given a file taken by a scan whose archived copy then disappears, and others taken after it
		write("long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		InputScanner scanner = new InputScanner(this.jdbc, new Archive(this.properties), this.properties);
		scanner.scan(this.input, null, RUN);
		Files.delete(Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission", String.class)));
		for (int i = 0; i < 6; i++) {
			write("004/long-bien-%d.csv".formatted(i), ExampleFiles.longBienCsv(List.of("Phường Cự Khối " + i)));
		}

		// when the job processes them
		JobExecution run = this.runner.run(this.input, "test");

		// then the run fails naming the copy: the archive's fault is not the district's, and no report tells them so;
		// the files after it do not wait for it
		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(run.getAllFailureExceptions()).anySatisfy(failure -> assertThat(failure)
			.hasStackTraceContaining("The archived copy of long-bien.csv is missing"));
		assertThat(this.jdbc.queryForList("SELECT source_path FROM tonghop.submission WHERE state = 'pending'",
				String.class)).containsExactly("long-bien.csv");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission", Long.class)).isEqualTo(7);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_report WHERE submission_id = "
				+ "(SELECT id FROM tonghop.submission WHERE source_path = 'long-bien.csv')", Long.class)).isZero();
	}

	@Test
	void theSameFileDroppedAgainPutsBackAnArchivedCopyThatIsGone() throws Exception {
		// given a file taken whose archived copy then disappears (an archive cleared, no backup), so a run fails on it
		Path file = write("long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		new InputScanner(this.jdbc, new Archive(this.properties), this.properties).scan(this.input, null, RUN);
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission", String.class));
		Files.delete(archived);
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.FAILED);

		// when the district drops the same file again
		Files.write(file, Files.readAllBytes(file));
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		JobExecution run = this.runner.run(this.input, "test");

		// then its copy is back and the file is processed, once: one submission, no longer pending
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(archived).exists();
		assertThat(this.jdbc.queryForList("SELECT state FROM tonghop.submission", String.class)).singleElement()
			.isNotEqualTo("pending");
	}

	@Test
	void aFileReplacedBetweenItsHashAndItsCopyIsNotTakenUntilItIsStable() throws Exception {
		// given a file rewritten with other figures of the same size just after it was hashed
		Path file = write("long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		String replaced = ExampleFiles.longBienCsv(List.of("Phường Đức Giang"));
		InputScanner scanner = scanner((source) -> Files.writeString(source, replaced));

		// when
		ScanResult first = scanner.scan(this.input, null, RUN);

		// then nothing is registered or archived: the bytes hashed are not the bytes copied
		assertThat(first.taken()).isZero();
		assertThat(first.unstable()).isOne();
		assertThat(registered()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.seen_file", Integer.class)).isZero();
		assertThat(archivedFiles()).isEmpty();

		// when the next scan finds it unchanged
		ScanResult second = scanner((source) -> {
		}).scan(this.input, null, RUN + 1);

		// then the new bytes are taken, under their own hash, and the archived copy is exactly them
		assertThat(second.taken()).isOne();
		String archived = this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission", String.class);
		assertThat(Files.readString(Path.of(archived))).isEqualTo(replaced);
		assertThat(this.jdbc.queryForObject("SELECT content_hash FROM tonghop.submission", String.class))
			.isEqualTo(InputScanner.sha256(file));
	}

	@Test
	void aFileWhoseModificationTimeIsInTheFutureIsTakenOnceItIsWritten() throws Exception {
		// given a file unpacked from a zip made at UTC+7 on a server on UTC: the zip's local time is read
		// as UTC, 7 hours ahead (or a file copied from a district computer whose clock is wrong)
		Path file = write("long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(Duration.ofHours(7))));

		// when
		ScanResult result = scanner((source) -> {
		}).scan(this.input, null, RUN);

		// then it is taken now, not in 7 hours
		assertThat(result.unstable()).isZero();
		assertThat(result.taken()).isOne();
		assertThat(registered()).containsExactly("long-bien.csv");
	}

	@Test
	void aFileStillWrittenUnderAnOldModificationTimeIsNotTakenUntilItHasStoppedChanging() throws Exception {
		// given the first half of a district's file, copied by a client that set the modification time to
		// the original's first (Samba then keeps it while the client writes): only its size changes
		Path file = write("004/long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")).substring(0, 40));
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

		// when it is scanned while it must have been stable for an hour (a second, as the second scan
		// has it, could pass before this scan on a loaded machine)
		ScanResult first = scanner(Duration.ofHours(1)).scan(this.input, null, RUN);

		// then it is still being written, not taken half written
		assertThat(first.taken()).isZero();
		assertThat(first.unstable()).isOne();
		assertThat(registered()).isEmpty();

		// when nothing has changed it for as long as a file must be stable
		Thread.sleep(1100);
		ScanResult second = scanner(Duration.ofSeconds(1)).scan(this.input, null, RUN + 1);

		// then it is taken
		assertThat(second.taken()).isOne();
	}

	@Test
	void anArchiveThatCannotBeWrittenLeavesTheFileUntakenForTheNextScan() throws Exception {
		// given an archive folder under a regular file (as root, a read-only folder would still be written)
		write("long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Path blocker = Files.writeString(this.archiveRoot.resolve("not-a-folder"), "x");
		IntakeProperties broken = new IntakeProperties(this.input, blocker.resolve("archive"), this.properties.stableFor(),
				this.properties.maxProblems());

		// when
		ScanResult first = new InputScanner(this.jdbc, new Archive(broken), broken).scan(this.input, null, RUN);

		// then the file is skipped, with the reason, not registered and not remembered as seen
		assertThat(first.taken()).isZero();
		assertThat(first.skipped()).singleElement().satisfies(skipped -> {
			assertThat(skipped.path()).isEqualTo("long-bien.csv");
			assertThat(skipped.reason()).startsWith("FileSystemException: ").contains(blocker.toString());
		});
		assertThat(registered()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.seen_file", Integer.class)).isZero();

		// when the archive can be written again
		ScanResult second = scanner((source) -> {
		}).scan(this.input, null, RUN + 1);

		// then it is taken
		assertThat(second.taken()).isOne();
		assertThat(registered()).containsExactly("long-bien.csv");
	}

	/** A scanner whose archive runs {@code beforeCopy} before copying each file. */
	private InputScanner scanner(BeforeCopy beforeCopy) {
		IntakeProperties intake = new IntakeProperties(this.input, this.archiveRoot, this.properties.stableFor(),
				this.properties.maxProblems());
		Archive archive = new Archive(intake) {

			@Override
			Path store(Path source, String hash) throws IOException {
				beforeCopy.run(source);
				return super.store(source, hash);
			}

		};
		return new InputScanner(this.jdbc, archive, intake);
	}

	private InputScanner scanner(Duration stableFor) {
		IntakeProperties intake = new IntakeProperties(this.input, this.archiveRoot, stableFor, this.properties.maxProblems());
		return new InputScanner(this.jdbc, new Archive(intake), intake);
	}

	private List<String> registered() {
		return this.jdbc.queryForList("SELECT file_name FROM tonghop.submission ORDER BY file_name", String.class);
	}

	private List<Path> archivedFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.archiveRoot)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.input.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	@FunctionalInterface
	private interface BeforeCopy {

		void run(Path source) throws IOException;

	}

}
