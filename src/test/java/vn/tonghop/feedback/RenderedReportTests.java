package vn.tonghop.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.examples.LibreOffice;
import vn.tonghop.feedback.FeedbackFixtures.Format;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.FIVE_MB;
import static vn.tonghop.feedback.FeedbackFixtures.problem;

/** Every kind of report workbook opens in LibreOffice and renders; skipped where soffice is not installed. */
class RenderedReportTests {

	@TempDir
	Path work;

	@Test
	void everyKindOfReportWorkbookRendersToPdf() throws Exception {
		LibreOffice.assumeInstalled();
		// given an annotated .xlsx, .xls and .xlsm, listings for a CSV and an encrypted workbook, and a clean .xlsx
		ReportWorkbooks workbooks = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults());
		List<Path> reports = new ArrayList<>();
		for (Format format : Format.values()) {
			Path file = FeedbackFixtures.longBien(this.work.resolve("in/long-bien." + format.extension), format,
					sheet -> sheet.getRow(5).createCell(5).setCellValue("khoảng 1.700"));
			reports.add(save(format.extension + "-annotated",
					workbooks.write(file, FeedbackFixtures.report(file.getFileName().toString(), "rejected",
							AnnotatedWorkbookTests.PROBLEMS), new FileChecks())));
		}
		Path csv = FeedbackFixtures.longBienCsv(this.work.resolve("in/long-bien.csv"), "khoảng 1.700");
		reports.add(save("csv-listing", workbooks.write(csv, FeedbackFixtures.report("long-bien.csv", "rejected",
				List.of(problem("error", "number-text", "long-bien", 6, "F", "khoảng 1.700"))), new FileChecks())));
		Path encrypted = FeedbackFixtures.encrypted(this.work.resolve("in/mat-khau.xlsx"));
		reports.add(save("encrypted-listing", workbooks.write(encrypted, FeedbackFixtures.report("mat-khau.xlsx",
				"rejected", List.of(problem("error", "file-encrypted", null, null, null, null))), new FileChecks())));

		Path clean = FeedbackFixtures.longBien(this.work.resolve("in/sach.xlsx"), Format.XLSX, sheet -> {
		});
		Path cleanReport = save("clean-annotated",
				workbooks.write(clean, FeedbackFixtures.report("sach.xlsx", "accepted", List.of()), new FileChecks()));
		Path cleanCsv = FeedbackFixtures.longBienCsv(this.work.resolve("in/sach.csv"), "100");
		Path cleanListing = save("clean-listing",
				workbooks.write(cleanCsv, FeedbackFixtures.report("sach.csv", "accepted", List.of()), new FileChecks()));

		// when
		List<Path> pdfs = LibreOffice.toPdf(this.work, reports);
		List<Path> cleanPdfs = LibreOffice.toPdf(this.work, List.of(cleanReport, cleanListing));

		// then every report rendered with its problems on the summary sheet
		for (Path pdf : pdfs.subList(0, pdfs.size() - 1)) {
			assertThat(LibreOffice.text(pdf)).as(pdf.getFileName().toString()).contains("number-text", "khoảng 1.700");
		}
		assertThat(LibreOffice.text(pdfs.get(pdfs.size() - 1))).contains("file-encrypted", "mat-khau.xlsx");
		// clean files' summaries, written without POI, in front of a workbook's own sheets or alone
		assertThat(LibreOffice.text(cleanPdfs.get(1))).contains("No errors or warnings", "sach.csv");
		assertThat(LibreOffice.text(cleanPdfs.get(0))).contains("No errors or warnings", "sach.xlsx", "Quận ủy Long Biên",
				"Sheet the report does not touch");
	}

	private Path save(String name, ReportWorkbook workbook) throws IOException {
		Path file = this.work.resolve("reports").resolve(name + "." + workbook.extension());
		Files.createDirectories(file.getParent());
		return Files.write(file, workbook.content());
	}

}
