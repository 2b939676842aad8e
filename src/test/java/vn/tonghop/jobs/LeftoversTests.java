package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class LeftoversTests {

	/** Older than tonghop.recovery.stale-after (2 hours): nothing live leaves a file untouched that long. */
	private static final Duration STALE = Duration.ofHours(3);

	@Autowired
	IngestRunner runner;

	@Autowired
	IntakeProperties intake;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aRunRemovesWhatAKilledProcessLeftHalfWrittenOnceItIsStaleAndKeepsWhatMayStillBeBeingWritten()
			throws Exception {
		// given what a kill -9 leaves: a half copy in the archive, reports never renamed into place, an
		// upload never linked under its name; and the same kinds of files written a moment ago, which
		// another instance (or a concurrent command) may still be writing
		Path staging = this.intake.archive().resolve(".staging");
		Path archived = leftover(staging.resolve(".tonghop-8123456789.partial"), STALE);
		Path archiving = leftover(staging.resolve(".tonghop-9123456789.partial"), Duration.ZERO);
		Path reports = this.input.resolve("004").resolve("reports");
		Path report = leftover(reports.resolve(".tonghop-" + UUID.randomUUID() + ".tmp"), STALE);
		Path reporting = leftover(reports.resolve(".tonghop-" + UUID.randomUUID() + ".tmp"), Duration.ZERO);
		Path upload = leftover(this.input.resolve("004").resolve(".tonghop-" + UUID.randomUUID() + ".part"), STALE);
		Path uploading = leftover(this.input.resolve("004").resolve(".tonghop-" + UUID.randomUUID() + ".part"),
				Duration.ZERO);
		// and, as old, files that are not tonghop's: an editor's lock, a district's hidden file, a report
		List<Path> theirs = List.of(leftover(this.input.resolve("004").resolve(".~lock.bao-cao.xlsx#"), STALE),
				leftover(this.input.resolve("004").resolve("~$bao-cao.xlsx"), STALE),
				leftover(this.input.resolve("004").resolve(".bao-cao.part"), STALE),
				leftover(reports.resolve("bao-cao.xlsx.report.json"), STALE));
		Files.writeString(this.input.resolve("004").resolve("bao-cao.csv"),
				ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));

		// when the next run starts
		BatchStatus status = this.runner.run(this.input, "test").getStatus();

		// then the stale leftovers are gone, and nothing else; no leftover was taken for a submission
		assertThat(status).isEqualTo(BatchStatus.COMPLETED);
		assertThat(List.of(archived, report, upload)).allSatisfy(path -> assertThat(path).doesNotExist());
		assertThat(List.of(archiving, reporting, uploading)).allSatisfy(path -> assertThat(path).exists());
		assertThat(theirs).allSatisfy(path -> assertThat(path).exists());
		assertThat(this.jdbc.queryForList("SELECT file_name || ' ' || state FROM tonghop.submission", String.class))
			.containsExactly("bao-cao.csv accepted");
		Files.delete(archiving);
	}

	private static Path leftover(Path path, Duration age) throws IOException {
		Files.createDirectories(path.getParent());
		Files.writeString(path, "half");
		Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
		return path;
	}

}
