package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class LoadWorkersTests {

	private static final List<String> WARDS = List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy", "Phường Ngọc Lâm");

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	IngestProgress progress;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void twoWorkersLoadEveryFileOnceAndTheLatestVersionStands() throws Exception {
		// given twelve versions from Long Biên, each naming one to four wards, and three files that must be rejected
		Files.createDirectories(this.input.resolve("004"));
		for (int i = 0; i < 12; i++) {
			Files.writeString(this.input.resolve("004/v%02d.csv".formatted(i)), longBien(WARDS.subList(0, i % 4 + 1), 100 + i));
		}
		for (int i = 0; i < 3; i++) {
			Files.writeString(this.input.resolve("broken-%d.csv".formatted(i)), "Đơn vị báo cáo;Quận ủy Long Biên " + i + "\n");
		}

		// when the default two workers load them
		JobExecution execution = this.runner.run(this.input, "test");

		// then both workers ran, every file was processed exactly once, and the latest arrival's rows stand alone
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<StepExecution> workers = new ArrayList<>(execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith(IngestJobConfiguration.LOAD_WORKER_STEP + ":"))
			.toList());
		assertThat(workers).hasSize(2);
		assertThat(workers.stream().mapToLong(StepExecution::getWriteCount).sum()).isEqualTo(15);
		// A version finished after a later one stood passes its checks too, told that it does not count.
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission "
				+ "WHERE state IN ('accepted', 'accepted_with_warnings')", Long.class)).isEqualTo(12);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT s.is_current::text || ' ' || p.code FROM tonghop.submission s "
				+ "JOIN tonghop.submission_problem p ON p.submission_id = s.id WHERE s.state = 'accepted_with_warnings'",
				String.class)).isSubsetOf("false version-not-current");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission WHERE state = 'rejected'", Long.class))
			.isEqualTo(3);
		String latest = this.jdbc.queryForObject("SELECT file_name FROM tonghop.submission WHERE unit_code = '004' "
				+ "ORDER BY received_at DESC, id DESC LIMIT 1", String.class);
		assertThat(this.jdbc.queryForList("SELECT file_name FROM tonghop.submission WHERE is_current", String.class))
			.containsExactly(latest);
		int wards = Integer.parseInt(latest.substring(1, 3)) % 4 + 1;
		assertThat(this.jdbc.queryForList("SELECT point_name FROM warehouse.participation ORDER BY source_row", String.class))
			.containsExactlyElementsOf(WARDS.subList(0, wards));
		assertThat(this.jdbc.queryForList("SELECT DISTINCT members_attending FROM warehouse.participation", Integer.class))
			.containsExactly(100 + Integer.parseInt(latest.substring(1, 3)));
	}

	@Test
	void aFileWhoseReportsCannotBeWrittenWaitsWithoutHoldingUpTheOthers() throws Exception {
		// given Long Biên's file, taken first, whose reports folder cannot be made (a link leading nowhere
		// stands in its place), and six files at the top of the drop folder, whose reports can be written
		Path blocked = this.input.resolve("004/long-bien.csv");
		Files.createDirectories(blocked.getParent());
		Files.writeString(blocked, longBien(WARDS, 100));
		Files.createSymbolicLink(this.input.resolve("004/reports"), this.input.resolveSibling("not-mounted"));
		Instant now = Instant.now();
		Files.setLastModifiedTime(blocked, FileTime.from(now.minus(Duration.ofMinutes(10))));
		for (int i = 0; i < 6; i++) {
			Path file = Files.writeString(this.input.resolve("broken-%d.csv".formatted(i)), "Đơn vị báo cáo;Quận " + i + "\n");
			Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofMinutes(5))));
		}

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then the others are processed and answered; the run fails saying why, and Long Biên's file waits
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).anySatisfy(failure -> assertThat(failure)
			.hasStackTraceContaining("Cannot write the reports on 004/long-bien.csv"));
		assertThat(this.jdbc.queryForList("SELECT source_path || ' ' || state FROM tonghop.submission ORDER BY id",
				String.class)).first().isEqualTo("004/long-bien.csv pending");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission WHERE state = 'rejected'", Long.class))
			.isEqualTo(6);
		assertThat(this.input.resolve("reports/broken-5.csv.report.json")).isRegularFile();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Long.class)).isZero();

		// when the folder can be written, the next run answers it
		Files.delete(this.input.resolve("004/reports"));
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission WHERE source_path = '004/long-bien.csv'",
				String.class)).isEqualTo("accepted");
		assertThat(this.input.resolve("004/reports/long-bien.csv.report.json")).isRegularFile();
	}

	@Test
	void aRunThatSetsAsideSeveralFilesNamesEachOfThem() throws Exception {
		// given two of Long Biên's versions, whose reports folder cannot be made
		Files.createDirectories(this.input.resolve("004"));
		Files.writeString(this.input.resolve("004/a.csv"), longBien(WARDS.subList(0, 1), 100));
		Files.writeString(this.input.resolve("004/b.csv"), longBien(WARDS.subList(0, 2), 100));
		Files.createSymbolicLink(this.input.resolve("004/reports"), this.input.resolveSibling("not-mounted"));

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then the run's failure names both files, not whichever was set aside first
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(Failures.of(execution)).first()
			.asString()
			.contains("2 files stay pending for the next run: Cannot write the reports on 004/a.csv")
			.contains("; Cannot write the reports on 004/b.csv");
		assertThat(this.jdbc.queryForList("SELECT state FROM tonghop.submission", String.class))
			.containsExactly("pending", "pending");
		// and the files read through, given up, are no longer counted in flight by the progress ticker
		assertThat(this.progress.snapshot().inFlight()).isZero();
	}

	/** Distinct content per version: a file is known by its bytes, and the same bytes twice are one file. */
	private static String longBien(List<String> wards, int members) {
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự;Số người khác tham dự\n");
		for (int i = 0; i < wards.size(); i++) {
			csv.append(i + 1).append(';').append(wards.get(i)).append(";Phường;").append(wards.get(i)).append(';')
				.append(members).append(";0\n");
		}
		return csv.append(";Tổng cộng;;;").append(members * wards.size()).append(";0\n").toString();
	}

}
