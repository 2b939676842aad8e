package vn.tonghop.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

import vn.tonghop.feedback.SubmissionReport.Counts;
import vn.tonghop.feedback.SubmissionReport.Message;
import vn.tonghop.feedback.SubmissionReport.ReportedProblem;
import vn.tonghop.feedback.SubmissionReport.SubmittedFile;

/**
 * Small Long Biên submissions written in code: labelled unit and conference in rows 1 and 2, the
 * header in row 4 (A–H), three points in rows 5–7; and hand-made reports about them.
 */
final class FeedbackFixtures {

	static final String SHEET = "Báo cáo";

	static final String[] HEADER = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì", "Hình thức",
			"Số đảng viên tham dự", "Số người khác tham dự", "Tổng số người tham dự" };

	static final String[] WARDS = { "Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy" };

	enum Format {

		XLSX("xlsx"), XLSM("xlsm"), XLS("xls");

		final String extension;

		Format(String extension) {
			this.extension = extension;
		}

		Workbook create() {
			switch (this) {
				case XLSM:
					return new XSSFWorkbook(XSSFWorkbookType.XLSM);
				case XLS:
					return new HSSFWorkbook();
				default:
					return new XSSFWorkbook();
			}
		}

	}

	private FeedbackFixtures() {
	}

	/** The Long Biên submission, changed by {@code change} before it is saved. */
	static Path longBien(Path file, Format format, Consumer<Sheet> change) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (Workbook workbook = format.create(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet(SHEET);
			text(sheet, 0, 0, "Đơn vị báo cáo:");
			text(sheet, 0, 1, "Quận ủy Long Biên");
			text(sheet, 1, 0, "Hội nghị:");
			text(sheet, 1, 1, "NQDH13");
			for (int c = 0; c < HEADER.length; c++) {
				text(sheet, 3, c, HEADER[c]);
			}
			for (int i = 0; i < WARDS.length; i++) {
				Row row = sheet.createRow(4 + i);
				row.createCell(0).setCellValue(i + 1);
				row.createCell(1).setCellValue(WARDS[i]);
				row.createCell(2).setCellValue("Phường");
				row.createCell(3).setCellValue(WARDS[i]);
				row.createCell(4).setCellValue("Trực tuyến");
				row.createCell(5).setCellValue(100 + i);
				row.createCell(6).setCellValue(10);
				row.createCell(7).setCellValue(110 + i);
			}
			workbook.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("Sheet the report does not touch");
			change.accept(sheet);
			workbook.write(out);
		}
		return file;
	}

	static void text(Sheet sheet, int row, int column, String value) {
		Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
		r.createCell(column).setCellValue(value);
	}

	/** The Long Biên submission as a semicolon CSV, with {@code members} as the second ward's members. */
	static Path longBienCsv(Path file, String members) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo:;Quận ủy Long Biên\nHội nghị:;NQDH13\n\n")
			.append(String.join(";", HEADER))
			.append('\n');
		for (int i = 0; i < WARDS.length; i++) {
			csv.append(i + 1).append(';').append(WARDS[i]).append(";Phường;").append(WARDS[i]).append(";Trực tuyến;")
				.append(i == 1 ? members : Integer.toString(100 + i)).append(";10;")
				.append(i == 1 ? "" : Integer.toString(110 + i)).append('\n');
		}
		Files.writeString(file, csv);
		return file;
	}

	/** A workbook protected with a password, as Excel saves it. */
	static Path encrypted(Path file) throws IOException, GeneralSecurityException {
		Path plain = longBien(file.resolveSibling("plain-" + file.getFileName()), Format.XLSX, sheet -> {
		});
		EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
		Encryptor encryptor = info.getEncryptor();
		encryptor.confirmPassword("matkhau");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			try (OutputStream encrypted = encryptor.getDataStream(fs)) {
				Files.copy(plain, encrypted);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}
		Files.delete(plain);
		return file;
	}

	/** A report as SubmissionFeedback makes it, with these problems. */
	static SubmissionReport report(String fileName, String outcome, List<ReportedProblem> problems) {
		int errors = (int) problems.stream().filter(ReportedProblem::isError).count();
		return new SubmissionReport(SubmissionReport.FORMAT, SubmissionReport.VERSION, 7, "2021-03-29T02:00:00Z",
				new SubmittedFile(fileName, "004/" + fileName, "ab".repeat(32), 1234), "004", "NQDH13", SHEET, outcome,
				!"rejected".equals(outcome), new Counts(0, errors, problems.size() - errors, problems.size(), problems.size()),
				problems);
	}

	static ReportedProblem problem(String severity, String code, String sheet, Integer row, String column, String value) {
		return new ReportedProblem(severity, code, sheet, row, column, (row != null && column != null) ? column + row : null,
				value, new Message("Thông báo " + code, "Message " + code));
	}

}
