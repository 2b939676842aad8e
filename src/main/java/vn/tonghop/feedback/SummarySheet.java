package vn.tonghop.feedback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import vn.tonghop.feedback.SubmissionReport.ReportedProblem;
import vn.tonghop.report.SafeText;

/**
 * The sheet every report workbook opens on (its first, but the last of an annotated .xls): what
 * was checked, the outcome and the list of problems in both languages, each linked to its cell
 * when the workbook has that sheet.
 */
final class SummarySheet {

	static final String NAME = "Kết quả kiểm tra";

	/** Where the problem list starts (0-based): below the facts. */
	static final int HEADER_ROW = 13;

	static final String[] HEADERS = { "Ô / Cell", "Trang tính / Sheet", "Dòng / Row", "Cột / Column",
			"Giá trị / Value", "Mức / Severity", "Mã / Code", "Nội dung", "Message" };

	/** Column widths in characters. */
	static final int[] WIDTHS = { 14, 22, 12, 12, 20, 12, 22, 50, 50 };

	private SummarySheet() {
	}

	/** A sheet name no other sheet of the workbook has (Excel compares names ignoring case). */
	static String freeName(Workbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return freeName(names);
	}

	/** A sheet name none of {@code sheetNames} has, ignoring case as Excel does. */
	static String freeName(Collection<String> sheetNames) {
		Set<String> taken = new HashSet<>();
		sheetNames.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
		String name = NAME;
		for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
			name = NAME + " (" + n + ")";
		}
		return name;
	}

	/**
	 * @param links the sheet and cell a problem links to ("'Báo cáo'!F12"), or null for no link
	 */
	static void write(Workbook workbook, Sheet sheet, SubmissionReport report, CellMarks marks,
			Function<ReportedProblem, String> links) {
		Styles styles = new Styles(workbook);
		for (int column = 0; column < WIDTHS.length; column++) {
			sheet.setColumnWidth(column, WIDTHS[column] * 256);
		}
		// Printed or exported to PDF, the list reads across one landscape page.
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.setAutobreaks(true);
		sheet.setFitToPage(true);
		for (Line line : head(report)) {
			Row row = sheet.getRow(line.row()) != null ? sheet.getRow(line.row()) : sheet.createRow(line.row());
			text(row, line.column(), line.text(), switch (line.look()) {
				case TITLE -> styles.title;
				case BOLD -> styles.bold;
				case PLAIN -> null;
			});
		}
		List<ReportedProblem> problems = report.problems();
		for (int i = 0; i < problems.size(); i++) {
			ReportedProblem problem = problems.get(i);
			Row row = sheet.createRow(HEADER_ROW + 1 + i);
			Cell where = text(row, 0, problem.cell() != null ? problem.cell() : problem.row() != null ? "Dòng / Row " + problem.row() : "",
					null);
			String target = links.apply(problem);
			if (target != null && !where.getStringCellValue().isEmpty()) {
				Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
				link.setAddress(target);
				where.setHyperlink(link);
				where.setCellStyle(styles.link);
			}
			text(row, 1, problem.sheet(), null);
			if (problem.row() != null) {
				row.createCell(2).setCellValue(problem.row());
			}
			text(row, 3, problem.column(), null);
			text(row, 4, problem.value(), null);
			text(row, 5, ReportedProblem.severityInBoth(problem), marks.fill(ReportedProblem.isError(problem)));
			text(row, 6, problem.code(), null);
			text(row, 7, problem.message().vi(), null);
			text(row, 8, problem.message().en(), null);
		}
	}

	/**
	 * What the sheet shows above its problem rows: title, facts and the list's header, and the
	 * line saying there are none when there are none. Every report workbook shows the same.
	 */
	static List<Line> head(SubmissionReport report) {
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(0, 0, "KẾT QUẢ KIỂM TRA TỆP BÁO CÁO / FILE CHECK RESULT", Look.TITLE));
		int r = 2;
		fact(lines, r++, "Tệp / File", report.file().name());
		fact(lines, r++, "Đường dẫn / Path", report.file().path());
		fact(lines, r++, "SHA-256", report.file().sha256());
		fact(lines, r++, "Đơn vị / Unit", report.unit());
		fact(lines, r++, "Hội nghị / Conference", report.conference());
		fact(lines, r++, "Trang tính / Sheet", report.sheet());
		fact(lines, r++, "Kết quả / Outcome", outcome(report.outcome()));
		SubmissionReport.Counts counts = report.counts();
		fact(lines, r++, "Số dòng đã nạp / Rows loaded", Integer.toString(counts.rowsLoaded()));
		fact(lines, r++, "Lỗi / Errors", Integer.toString(counts.errors()));
		fact(lines, r++, "Cảnh báo / Warnings", Integer.toString(counts.warnings()));
		if (counts.problemsKept() < counts.problemsCounted()) {
			fact(lines, r, "Ghi chú / Note", "Chỉ liệt kê " + counts.problemsKept() + " trên " + counts.problemsCounted()
					+ " vấn đề / Only " + counts.problemsKept() + " of " + counts.problemsCounted() + " problems are listed");
		}
		for (int column = 0; column < HEADERS.length; column++) {
			lines.add(new Line(HEADER_ROW, column, HEADERS[column], Look.BOLD));
		}
		if (report.problems().isEmpty()) {
			lines.add(new Line(HEADER_ROW + 1, 0, "Không có lỗi hay cảnh báo / No errors or warnings", Look.PLAIN));
		}
		return lines;
	}

	/** A cell reference for a hyperlink: 'Sheet name'!F12. */
	static String reference(String sheet, String cell) {
		return "'" + sheet.replace("'", "''") + "'!" + cell;
	}

	static String outcome(String outcome) {
		switch (outcome) {
			case "accepted":
				return "Được chấp nhận / accepted";
			case "accepted_with_warnings":
				return "Được chấp nhận, có cảnh báo / accepted with warnings";
			case "rejected":
				return "Bị từ chối / rejected";
			default:
				return outcome;
		}
	}

	private static void fact(List<Line> lines, int row, String label, String value) {
		lines.add(new Line(row, 0, label, Look.BOLD));
		lines.add(new Line(row, 2, value != null ? value : "-", Look.PLAIN));
	}

	private static Cell text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(ReportText.cell(value));
		}
		if (style != null) {
			cell.setCellStyle(style);
		}
		SafeText.quoteIfFormula(cell, value);
		return cell;
	}

	/** A text cell of the head, in row order. */
	record Line(int row, int column, String text, Look look) {
	}

	enum Look {

		TITLE, BOLD, PLAIN

	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle bold;

		final CellStyle link;

		Styles(Workbook workbook) {
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			this.bold = workbook.createCellStyle();
			this.bold.setFont(boldFont);
			Font linkFont = workbook.createFont();
			linkFont.setUnderline(Font.U_SINGLE);
			linkFont.setColor(IndexedColors.BLUE.getIndex());
			this.link = workbook.createCellStyle();
			this.link.setFont(linkFont);
		}

	}

}
