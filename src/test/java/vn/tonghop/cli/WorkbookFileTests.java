package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import vn.tonghop.report.UnknownReportSubjectException;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbookFileTests {

	@TempDir
	Path folder;

	@Test
	void aReportIsWrittenWithTheUsualPermissionsOfANewFileNotOnlyForItsOwner() throws Exception {
		// given the permissions any new file gets here (the umask's)
		Path usual = Files.createFile(this.folder.resolve("usual.txt"));

		// when
		int exit = WorkbookFile.write(this.folder.resolve("bao-cao.xlsx"), Duration.ofHours(2),
				out -> out.write("xlsx".getBytes(StandardCharsets.UTF_8)));

		// then an analyst the report is written for can read it, as a file saved by any program
		assertThat(exit).isZero();
		assertThat(Files.getPosixFilePermissions(this.folder.resolve("bao-cao.xlsx")))
			.isEqualTo(Files.getPosixFilePermissions(usual));
		assertThat(this.folder).isDirectoryNotContaining("glob:**/.tonghop-*");
	}

	@Test
	void aWorkbookHalfWrittenByACommandThatWasKilledIsRemovedOnceStaleAndNoOtherFile() throws Exception {
		// given what a report command killed while writing left beside its workbook hours ago, what
		// another command is writing now, and an old hidden file of the analyst's
		Path killed = file(".tonghop-" + UUID.randomUUID() + ".part", Duration.ofHours(3));
		Path writing = file(".tonghop-" + UUID.randomUUID() + ".part", Duration.ZERO);
		Path theirs = file(".ghi-chu.part", Duration.ofHours(3));

		// when the next workbook is written there
		int exit = WorkbookFile.write(this.folder.resolve("bao-cao.xlsx"), Duration.ofHours(2),
				out -> out.write("xlsx".getBytes(StandardCharsets.UTF_8)));

		// then only the stale half-written one is gone
		assertThat(exit).isZero();
		assertThat(killed).doesNotExist();
		assertThat(writing).exists();
		assertThat(theirs).exists();
	}

	@Test
	void aFolderNamedByOutIsNeitherReplacedNorWrittenInto() throws Exception {
		// given an empty folder under the name given to --out
		Path folder = Files.createDirectory(this.folder.resolve("bao-cao.xlsx"));

		// when
		Output output = Output.capture(() -> WorkbookFile.write(folder, Duration.ofHours(2),
				out -> out.write("xlsx".getBytes(StandardCharsets.UTF_8))));

		// then the folder is left as it was and the message says why
		assertThat(output.exit()).isEqualTo(1);
		assertThat(folder).isEmptyDirectory();
		assertThat(output.err()).contains("Cannot write " + folder).contains("is a folder");
		assertThat(this.folder).isDirectoryNotContaining("glob:**/.tonghop-*");
	}

	@Test
	void aFileInTheWayOfTheFolderIsNamedWithWhatIsWrong() throws Exception {
		// given a regular file where --out needs a folder
		Path file = Files.writeString(this.folder.resolve("notes"), "text");

		// when
		Output output = Output.capture(() -> WorkbookFile.write(file.resolve("bao-cao.xlsx"), Duration.ofHours(2),
				out -> out.write("xlsx".getBytes(StandardCharsets.UTF_8))));

		// then
		assertThat(output.exit()).isEqualTo(1);
		assertThat(output.err()).contains(file + " is a file, not a folder");
	}

	@Test
	void foldersMadeForAWorkbookThatWasNotWrittenAreRemovedAgain() throws Exception {
		// given a workbook that cannot be made (an unknown conference, say) under folders that do not exist
		Path target = this.folder.resolve("2026/thang-3/bao-cao.xlsx");

		// when
		Output output = Output.capture(() -> WorkbookFile.write(target, Duration.ofHours(2), out -> {
			throw new UnknownReportSubjectException("No conference NOPE.");
		}));

		// then nothing of the command is left behind
		assertThat(output.exit()).isEqualTo(1);
		assertThat(output.err()).contains("No conference NOPE.");
		assertThat(this.folder).isEmptyDirectory();
	}

	@Test
	void foldersThatExistedBeforeAreKeptWhenTheWorkbookIsNotWritten() throws Exception {
		// given
		Path existing = Files.createDirectory(this.folder.resolve("2026"));

		// when
		int exit = WorkbookFile.write(existing.resolve("bao-cao.xlsx"), Duration.ofHours(2), out -> {
			throw new IOException("disk full");
		});

		// then
		assertThat(exit).isEqualTo(1);
		assertThat(existing).isEmptyDirectory();
	}

	@Test
	void outMustNameAnXlsxFile() {
		// given a name another program would open as something else than the workbook written
		StringWriter err = new StringWriter();
		CommandLine report = Cli.configure(new CommandLine(new Cli())).setErr(new PrintWriter(err));
		StringWriter templateErr = new StringWriter();
		CommandLine template = Cli.configure(new CommandLine(new Cli())).setErr(new PrintWriter(templateErr));

		// when
		int reportExit = report.execute("report", "--conference", "NQDH13", "--out", "bao-cao.xls");
		int templateExit = template.execute("template", "--unit", "004", "--conference", "NQDH13", "--out", "mau.csv");

		// then both are usage errors, answered before anything starts
		assertThat(reportExit).isEqualTo(2);
		assertThat(err.toString()).contains("--out must name an .xlsx file, not bao-cao.xls");
		assertThat(templateExit).isEqualTo(2);
		assertThat(templateErr.toString()).contains("--out must name an .xlsx file, not mau.csv");
	}

	@Test
	void anXlsxNameIsTakenInAnyCase() {
		assertThat(WorkbookFile.misnamed(Path.of("BAO-CAO.XLSX"))).isFalse();
		assertThat(WorkbookFile.misnamed(Path.of("bao-cao.xlsx"))).isFalse();
		assertThat(WorkbookFile.misnamed(Path.of("bao-cao"))).isTrue();
	}

	private record Output(int exit, String err) {

		static Output capture(IntSupplier command) {
			PrintStream before = System.err;
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			try {
				int exit = command.getAsInt();
				return new Output(exit, err.toString(StandardCharsets.UTF_8));
			}
			finally {
				System.setErr(before);
			}
		}

	}

	private Path file(String name, Duration age) throws IOException {
		Path file = Files.writeString(this.folder.resolve(name), "half");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
		return file;
	}

}
