package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.RerunResult;
import vn.tonghop.admin.Reruns;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Two schedules, each over a share of its own: a file's reports go back to the share it came from. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class DropFoldersTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	InputScanner scanner;

	@Autowired
	Reruns reruns;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path shares;

	Path hanoi;

	Path thanhHoa;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
		this.hanoi = Files.createDirectories(this.shares.resolve("ha-noi"));
		this.thanhHoa = Files.createDirectories(this.shares.resolve("thanh-hoa"));
	}

	@Test
	void aFileTakenFromOneShareAndLoadedByARunOfAnotherHasItsReportsInItsOwnShare() throws Exception {
		// given Long Biên's file taken from the Hà Nội share by a run killed before it loaded it
		copyExample("004/long-bien-nqdh13.xlsx", this.hanoi);
		this.scanner.scan(this.hanoi, null, 0);

		// when the Thanh Hóa share's schedule runs next
		copyExample("380/thanh-hoa-tp-nqdh13-ban-nhap.csv", this.thanhHoa);
		this.runner.run(this.thanhHoa, "test");

		// then Long Biên's reports are in its own folder, and none is in Thanh Hóa's share
		assertThat(this.hanoi.resolve("004/reports/long-bien-nqdh13.xlsx.report.json")).exists();
		assertThat(this.thanhHoa.resolve("004")).doesNotExist();
		assertThat(this.thanhHoa.resolve("380/reports/thanh-hoa-tp-nqdh13-ban-nhap.csv.report.json")).exists();
	}

	@Test
	void aConferenceRerunWritesEachFilesReportsBackToItsOwnShare() throws Exception {
		// given Long Biên's file loaded from the Hà Nội share, then Thanh Hóa's from its own
		copyExample("004/long-bien-nqdh13.xlsx", this.hanoi);
		this.runner.run(this.hanoi, "test");
		copyExample("380/thanh-hoa-tp-nqdh13-ban-nhap.csv", this.thanhHoa);
		this.runner.run(this.thanhHoa, "test");
		Path longBien = this.hanoi.resolve("004/reports/long-bien-nqdh13.xlsx.report.json");
		Files.delete(longBien);

		// when the conference is rerun
		this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));

		// then each file's reports are written again beside it
		assertThat(longBien).exists();
		assertThat(this.thanhHoa.resolve("004")).doesNotExist();
	}

	@Test
	void aFileOfTheSameNameInAnotherShareTakenLaterDoesNotTakeAwayItsReports() throws Exception {
		// given Hà Nội's bao-cao.csv taken by a run killed before it loaded it
		Files.writeString(this.hanoi.resolve("bao-cao.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		this.scanner.scan(this.hanoi, null, 0);

		// when Thanh Hóa's share, whose file has the same name, is scanned and loaded next
		Files.copy(Path.of("input/380/thanh-hoa-tp-nqdh13-ban-nhap.csv"), this.thanhHoa.resolve("bao-cao.csv"));
		this.runner.run(this.thanhHoa, "test");

		// then each district has the reports on its own file: Thanh Hóa's is no later version of Hà Nội's
		assertThat(this.hanoi.resolve("reports/bao-cao.csv.report.json")).content().contains("\"004\"");
		assertThat(this.thanhHoa.resolve("reports/bao-cao.csv.report.json")).content().contains("\"380\"");
	}

	@Test
	void aRerunOfAFileFromAShareNoLongerThereMakesNoFolderUpForItsReports() throws Exception {
		// given Long Biên's file loaded from the Hà Nội share, which has been taken away since
		copyExample("004/long-bien-nqdh13.xlsx", this.hanoi);
		this.runner.run(this.hanoi, "test");
		FileSystemUtils.deleteRecursively(this.hanoi);

		// when the conference is rerun
		RerunResult result = this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));

		// then the file is processed, its reports kept in the database only: no folder is made up
		assertThat(result.status()).isEqualTo("COMPLETED");
		assertThat(this.hanoi).doesNotExist();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_report", Long.class)).isEqualTo(2);
	}

	private static void copyExample(String example, Path share) throws IOException {
		Path target = share.resolve(example);
		Files.createDirectories(target.getParent());
		Files.copy(Path.of("input").resolve(example), target);
	}

}
