package vn.tonghop.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.Reruns;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** warehouse.completeness tells who has reported as the warehouse holds their figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class CompletenessTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	IngestRunner runner;

	@Autowired
	Reruns reruns;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aVersionStandingWhileARerunOfItIsPendingStillCountsAsReported(@TempDir Path aside) throws Exception {
		// given Long Biên's version loaded on time, then rerun while its archived copy is away: the run
		// fails, and the version stays pending and current with its rows in the warehouse
		Files.writeString(this.input.resolve("long-bien.csv"),
				ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));
		this.runner.run(this.input, "test");
		this.jdbc.update("UPDATE tonghop.submission SET received_at = '2021-04-10 16:30:00+00'");
		Path archived = Path.of(this.jdbc.queryForObject("SELECT archive_path FROM tonghop.submission", String.class));
		Files.move(archived, aside.resolve("long-bien.csv"));

		// when
		assertThat(this.reruns.rerun(new RerunRequest("NQDH13", null, null, false)).status()).isEqualTo("FAILED");

		// then completeness agrees with the warehouse: Long Biên's points stand, so it has reported, on time
		assertThat(this.jdbc.queryForObject("SELECT state || ' ' || is_current FROM tonghop.submission", String.class))
			.isEqualTo("pending true");
		Map<String, Object> longBien = this.jdbc.queryForMap("SELECT reported, submitted_at, on_time "
				+ "FROM warehouse.completeness WHERE conference_code = 'NQDH13' AND unit_code = '004'");
		assertThat(longBien).containsEntry("reported", true).containsEntry("on_time", true);
		assertThat(((Timestamp) longBien.get("submitted_at")).toInstant()).isEqualTo(Instant.parse("2021-04-10T16:30:00Z"));
		assertThat(this.jdbc.queryForMap("SELECT points, units_expected, units_reported "
				+ "FROM warehouse.participation_by_province WHERE conference_code = 'NQDH13' AND province_code = '01'"))
			.containsEntry("points", 2L)
			.containsEntry("units_expected", 2L)
			.containsEntry("units_reported", 1L);
	}

	@Test
	void aFileIsOnTimeUntilMidnightOfTheDeadlineInVietnamNotInUtc() throws Exception {
		// given Long Biên's file, and NQDH13 due on 10 April 2021
		Files.writeString(this.input.resolve("long-bien.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		this.runner.run(this.input, "test");
		this.jdbc.update("UPDATE tonghop.conference SET deadline = DATE '2021-04-10' WHERE code = 'NQDH13'");

		// when it was submitted at 23:30 on the 10th in Vietnam, then at 00:30 on the 11th (still the 10th in UTC)
		this.jdbc.update("UPDATE tonghop.submission SET received_at = '2021-04-10 16:30:00+00', dropped_at = NULL");
		Boolean lastMinute = onTime("004");
		this.jdbc.update("UPDATE tonghop.submission SET received_at = '2021-04-10 17:30:00+00', dropped_at = NULL");
		Boolean nextDay = onTime("004");

		// then
		assertThat(lastMinute).isTrue();
		assertThat(nextDay).isFalse();
	}

	@Test
	void aFileDroppedBeforeTheDeadlineIsOnTimeThoughTakenAfterIt() throws Exception {
		// given Long Biên's file dropped on NQDH13's deadline day
		Path file = this.input.resolve("long-bien.csv");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Instant dropped = ((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant().truncatedTo(ChronoUnit.MICROS);
		LocalDate deadline = LocalDate.ofInstant(dropped, VIETNAM);
		this.jdbc.update("UPDATE tonghop.conference SET deadline = ? WHERE code = 'NQDH13'", deadline);

		// when it is taken only the next morning (the server down overnight, or ingest run once a day)
		this.runner.run(this.input, "test");
		this.jdbc.update("UPDATE tonghop.submission SET received_at = ?",
				deadline.plusDays(1).atTime(8, 0).atZone(VIETNAM).toOffsetDateTime());

		// then it was submitted when it was dropped, on time
		Map<String, Object> longBien = this.jdbc.queryForMap("SELECT reported, submitted_at, on_time "
				+ "FROM warehouse.completeness WHERE conference_code = 'NQDH13' AND unit_code = '004'");
		assertThat(longBien).containsEntry("reported", true).containsEntry("on_time", true);
		assertThat(((Timestamp) longBien.get("submitted_at")).toInstant()).isEqualTo(dropped);
	}

	private Boolean onTime(String unit) {
		return this.jdbc.queryForObject("SELECT on_time FROM warehouse.completeness WHERE conference_code = 'NQDH13' "
				+ "AND unit_code = ?", Boolean.class, unit);
	}

}
