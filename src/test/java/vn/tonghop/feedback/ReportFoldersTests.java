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
	void namesKeepTheDistrictsNameWithoutItsExtension() {
		assertThat(ReportFolders.jsonName("long-bien.nqdh13.xlsx")).isEqualTo("long-bien.nqdh13.report.json");
		assertThat(ReportFolders.workbookName("long-bien.csv", "xlsx")).isEqualTo("long-bien.annotated.xlsx");
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

		// then both fit, share one stem (a shortened start and a hash), and an .xls version gets the same names
		assertThat(utf8(json)).isLessThanOrEqualTo(255);
		assertThat(utf8(workbook)).isLessThanOrEqualTo(255);
		String shortened = json.substring(0, json.length() - ".report.json".length());
		assertThat(shortened).matches(".+~[0-9a-f]{8}");
		assertThat(stem).startsWith(shortened.substring(0, shortened.length() - 9));
		assertThat(workbook).isEqualTo(shortened + ".annotated.xlsx");
		assertThat(ReportFolders.jsonName(stem + ".xls")).isEqualTo(json);
		// and another long name with the same start gets names of its own
		assertThat(ReportFolders.jsonName(ExampleFiles.longName(255, "-lần-2.xlsx"))).isNotEqualTo(json);
	}

	@Test
	void aStemThatLeavesRoomForTheSuffixesIsKept() {
		String stem = ExampleFiles.longName(240, "");

		assertThat(ReportFolders.jsonName(stem + ".xlsx")).isEqualTo(stem + ".report.json");
		assertThat(ReportFolders.workbookName(stem + ".xlsx", "xlsm")).isEqualTo(stem + ".annotated.xlsm");
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
		// given reports on an .xls version
		ReportFolders folders = new ReportFolders(null);
		Path folder = this.work.resolve("input/004/reports");
		folders.stage(folder, "long-bien.xls", bytes("{\"v\":1}"),
				new ReportWorkbook("xls", ReportWorkbook.XLS, bytes("xls"), true)).publish();

		// when the district sends an .xlsx under the same base name
		folders.stage(folder, "long-bien.xlsx", bytes("{\"v\":2}"),
				new ReportWorkbook("xlsx", ReportWorkbook.XLSX, bytes("xlsx"), true)).publish();

		// then only the newest version's reports are there, and no temporary file
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted())
				.containsExactly("long-bien.annotated.xlsx", "long-bien.report.json");
		}
		assertThat(Files.readString(folder.resolve("long-bien.report.json"))).isEqualTo("{\"v\":2}");
	}

	@Test
	void withoutAWorkbookOnlyTheJsonIsWritten() throws IOException {
		Path folder = this.work.resolve("reports");

		new ReportFolders(null).stage(folder, "x.csv", bytes("{}"), null).publish();

		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly("x.report.json");
		}
	}

	private static int utf8(String text) {
		return bytes(text).length;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
