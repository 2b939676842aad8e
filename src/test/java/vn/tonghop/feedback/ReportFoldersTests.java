package vn.tonghop.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.examples.ExampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFoldersTests {

	@TempDir
	Path work;

	@Test
	void byDefaultReportsGoToAReportsFolderBesideTheFile() {
		ReportFolders folders = new ReportFolders(null);

		assertThat(folders.folder(this.work.resolve("input"), "004/long-bien.xlsx"))
			.isEqualTo(this.work.resolve("input/004/reports"));
		assertThat(folders.folder(this.work.resolve("input"), "lang-son.xls")).isEqualTo(this.work.resolve("input/reports"));
		assertThat(folders.folder(this.work.resolve("input"), "01/004/dot-2/x.csv"))
			.isEqualTo(this.work.resolve("input/01/004/dot-2/reports"));
	}

	@Test
	void aConfiguredDirectoryMirrorsTheDropFolderTree() {
		ReportFolders folders = new ReportFolders(this.work.resolve("feedback"));

		assertThat(folders.folder(this.work.resolve("input"), "004/long-bien.xlsx"))
			.isEqualTo(this.work.resolve("feedback/004"));
		assertThat(folders.folder(this.work.resolve("input"), "lang-son.xls")).isEqualTo(this.work.resolve("feedback"));
	}

	@Test
	void namesKeepTheDistrictsWholeName() {
		assertThat(ReportFolders.jsonName("long-bien.nqdh13.xlsx")).isEqualTo("long-bien.nqdh13.xlsx.report.json");
		assertThat(ReportFolders.workbookName("long-bien.csv", "xlsx")).isEqualTo("long-bien.csv.annotated.xlsx");
		assertThat(ReportFolders.workbookName("bao-cao", "xls")).isEqualTo("bao-cao.annotated.xls");
	}

	@Test
	void namesOfAFileNamedAsLongAsLinuxAllowsFitAndShareOneShortenedStem() {
		// given a name of 255 bytes, whose stem leaves no room for the reports' suffixes
		String name = ExampleFiles.longName(255, "-lần-1.xlsx");
		String stem = name.substring(0, name.length() - ".xlsx".length());

		// when
		String json = ReportFolders.jsonName(name);
		String workbook = ReportFolders.workbookName(name, "xlsx");

		// then both fit and share one stem (a shortened start and a hash), another extension's of its own
		assertThat(utf8(json)).isLessThanOrEqualTo(255);
		assertThat(utf8(workbook)).isLessThanOrEqualTo(255);
		String shortened = json.substring(0, json.length() - ".report.json".length());
		assertThat(shortened).matches(".+~[0-9a-f]{8}");
		assertThat(stem).startsWith(shortened.substring(0, shortened.length() - 9));
		assertThat(workbook).isEqualTo(shortened + ".annotated.xlsx");
		assertThat(ReportFolders.jsonName(stem + ".xls")).isNotEqualTo(json);
		// and another long name with the same start gets names of its own
		assertThat(ReportFolders.jsonName(ExampleFiles.longName(255, "-lần-2.xlsx"))).isNotEqualTo(json);
	}

	@Test
	void aNameThatLeavesRoomForTheSuffixesIsKept() {
		String name = ExampleFiles.longName(240, ".xlsx");

		assertThat(ReportFolders.jsonName(name)).isEqualTo(name + ".report.json");
		assertThat(ReportFolders.workbookName(name, "xlsm")).isEqualTo(name + ".annotated.xlsm");
	}

	@Test
	void reportsOnAFileNamedAsLongAsLinuxAllowsAreStagedAndPublished() throws IOException {
		// given
		String name = ExampleFiles.longName(255, ".xlsx");
		Path folder = this.work.resolve("input/004/reports");

		// when
		ReportFolders.Staged staged = new ReportFolders(null).stage(folder, name, bytes("{}"),
				new ReportWorkbook("xlsx", ReportWorkbook.XLSX, bytes("xlsx"), true));
		staged.publish();

		// then
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted())
				.containsExactly(ReportFolders.workbookName(name, "xlsx"), ReportFolders.jsonName(name));
		}
	}

	@Test
	void aResubmissionsReportsReplaceTheEarlierOnesUnderThePlainNames() throws IOException {
		// given reports on an .xls annotated
		ReportFolders folders = new ReportFolders(null);
		Path folder = this.work.resolve("input/004/reports");
		folders.stage(folder, "long-bien.xls", bytes("{\"v\":1}"),
				new ReportWorkbook("xls", ReportWorkbook.XLS, bytes("xls"), true)).publish();

		// when the district sends new bytes under the same name that get an .xlsx listing
		folders.stage(folder, "long-bien.xls", bytes("{\"v\":2}"),
				new ReportWorkbook("xlsx", ReportWorkbook.XLSX, bytes("xlsx"), false)).publish();

		// then only the newest version's reports are there, and no temporary file
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted())
				.containsExactly("long-bien.xls.annotated.xlsx", "long-bien.xls.report.json");
		}
		assertThat(Files.readString(folder.resolve("long-bien.xls.report.json"))).isEqualTo("{\"v\":2}");
	}

	@Test
	void filesNamedAlikeButTheirExtensionKeepReportsOfTheirOwn() throws IOException {
		// given reports on a workbook
		ReportFolders folders = new ReportFolders(null);
		Path folder = this.work.resolve("input/004/reports");
		folders.stage(folder, "bao-cao.xlsx", bytes("{\"file\":\"xlsx\"}"),
				new ReportWorkbook("xlsx", ReportWorkbook.XLSX, bytes("xlsx"), true)).publish();

		// when a CSV of the same base name beside it gets its reports
		folders.stage(folder, "bao-cao.csv", bytes("{\"file\":\"csv\"}"),
				new ReportWorkbook("xlsx", ReportWorkbook.XLSX, bytes("listing"), false)).publish();

		// then both files' reports are there
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("bao-cao.csv.annotated.xlsx",
					"bao-cao.csv.report.json", "bao-cao.xlsx.annotated.xlsx", "bao-cao.xlsx.report.json");
		}
		assertThat(Files.readString(folder.resolve("bao-cao.xlsx.report.json"))).isEqualTo("{\"file\":\"xlsx\"}");
	}

	@Test
	void aPublicationCutShortLeavesNoJsonReportInPlaceSoThatItIsPublishedAgain() throws IOException {
		// given reports staged, and a workbook that cannot be renamed into place (as a process killed
		// between the two renames would leave it)
		Path folder = this.work.resolve("input/004/reports");
		ReportFolders.Staged staged = new ReportFolders(null).stage(folder, "bao-cao.xlsx", bytes("{}"),
				new ReportWorkbook("xlsx", ReportWorkbook.XLSX, bytes("xlsx"), true));
		Files.writeString(Files.createDirectories(folder.resolve("bao-cao.xlsx.annotated.xlsx")).resolve("x"), "x");

		// when
		assertThatThrownBy(staged::publish).isInstanceOf(IOException.class);

		// then the JSON report, which tells that a file's reports are in place, is not
		assertThat(folder.resolve("bao-cao.xlsx.report.json")).doesNotExist();
	}

	@Test
	void withoutAWorkbookOnlyTheJsonIsWritten() throws IOException {
		Path folder = this.work.resolve("reports");

		new ReportFolders(null).stage(folder, "x.csv", bytes("{}"), null).publish();

		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly("x.csv.report.json");
		}
	}

	@Test
	void aResubmissionWithoutAWorkbookLeavesNoneOfTheEarlierVersion() throws IOException {
		// given reports on a version annotated
		ReportFolders folders = new ReportFolders(null);
		Path folder = this.work.resolve("input/004/reports");
		folders.stage(folder, "long-bien.xlsx", bytes("{\"v\":1}"),
				new ReportWorkbook("xlsx", ReportWorkbook.XLSX, bytes("xlsx"), true)).publish();

		// when the newer version's workbook could not be made
		folders.stage(folder, "long-bien.xlsx", bytes("{\"v\":2}"), null).publish();

		// then no workbook beside its JSON report tells of the earlier version
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly("long-bien.xlsx.report.json");
		}
	}

	private static int utf8(String text) {
		return bytes(text).length;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
