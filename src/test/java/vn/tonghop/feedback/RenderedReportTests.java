package vn.tonghop.feedback;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.feedback.FeedbackFixtures.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.FIVE_MB;
import static vn.tonghop.feedback.FeedbackFixtures.problem;

/** Every kind of report workbook opens in LibreOffice and renders; skipped where soffice is not installed. */
class RenderedReportTests {

	@TempDir
	Path work;

	@Test
	void everyKindOfReportWorkbookRendersToPdf() throws Exception {
		assumeTrue(sofficeInstalled(), "LibreOffice (soffice) is not on the PATH");
		// given an annotated .xlsx, .xls and .xlsm, and listings for a CSV and an encrypted workbook
		ReportWorkbooks workbooks = new ReportWorkbooks(FIVE_MB);
		List<Path> reports = new ArrayList<>();
		for (Format format : Format.values()) {
			Path file = FeedbackFixtures.longBien(this.work.resolve("in/long-bien." + format.extension), format,
					sheet -> sheet.getRow(5).createCell(5).setCellValue("khoảng 1.700"));
			reports.add(save(format.extension + "-annotated",
					workbooks.write(file, FeedbackFixtures.report(file.getFileName().toString(), "rejected",
							AnnotatedWorkbookTests.PROBLEMS))));
		}
		Path csv = FeedbackFixtures.longBienCsv(this.work.resolve("in/long-bien.csv"), "khoảng 1.700");
		reports.add(save("csv-listing", workbooks.write(csv, FeedbackFixtures.report("long-bien.csv", "rejected",
				List.of(problem("error", "number-text", "long-bien", 6, "F", "khoảng 1.700"))))));
		Path encrypted = FeedbackFixtures.encrypted(this.work.resolve("in/mat-khau.xlsx"));
		reports.add(save("encrypted-listing", workbooks.write(encrypted, FeedbackFixtures.report("mat-khau.xlsx",
				"rejected", List.of(problem("error", "file-encrypted", null, null, null, null))))));

		// when
		Path out = this.work.resolve("pdf");
		List<String> command = new ArrayList<>(List.of("soffice",
				"-env:UserInstallation=" + this.work.resolve("profile").toUri(), "--headless", "--norestore",
				"--convert-to", "pdf", "--outdir", out.toString()));
		reports.forEach(report -> command.add(report.toString()));
		Process soffice = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve("soffice.log").toFile())
			.start();
		boolean finished = soffice.waitFor(180, TimeUnit.SECONDS);
		if (!finished) {
			soffice.destroyForcibly();
		}

		// then
		assertThat(finished).as("soffice finished within 3 minutes").isTrue();
		String log = Files.readString(this.work.resolve("soffice.log"));
		assertThat(soffice.exitValue()).as(log).isZero();
		for (Path report : reports) {
			String name = report.getFileName().toString();
			Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
			assertThat(pdf).as(log).exists();
			byte[] bytes = Files.readAllBytes(pdf);
			assertThat(bytes.length).as(name).isGreaterThan(1000);
			assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		}
	}

	private Path save(String name, ReportWorkbook workbook) throws IOException {
		Path file = this.work.resolve("reports").resolve(name + "." + workbook.extension());
		Files.createDirectories(file.getParent());
		return Files.write(file, workbook.content());
	}

	private static boolean sofficeInstalled() {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, "soffice")));
	}

}
