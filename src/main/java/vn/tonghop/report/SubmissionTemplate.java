package vn.tonghop.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.tonghop.report.ReportQueries.ConferenceLine;
import vn.tonghop.report.ReportQueries.TreeUnit;

/**
 * A blank submission in the canonical layout of submission-format.md, made for one unit and one
 * conference: the labels filled in, one row per sub-unit, drop-down lists for level and format,
 * whole-number-only cells for head counts, and everything but the input cells locked.
 */
@Component
public class SubmissionTemplate {

	static final String SHEET = "Báo cáo";

	static final String[] HEADERS = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì", "Hình thức", "Ngày",
			"Số đảng viên tham dự", "Số người khác tham dự", "Tổng số người tham dự", "Ghi chú" };

	static final String[] LEVELS = { "Trung ương", "Cấp tỉnh", "Cấp huyện", "Cơ sở", "Chi bộ" };

	static final String[] FORMATS = { "Trực tuyến", "Trực tiếp", "Ghi hình / Xem lại" };

	/** Rows after the pre-filled ones, for points the tree does not know (a second hall, a cell). */
	static final int SPARE_ROWS = 20;

	static final int HEADER_ROW = 9;

	private static final int NAME = 1;

	private static final int LEVEL = 2;

	private static final int FORMAT = 4;

	private static final int DATE = 5;

	private static final int MEMBERS = 6;

	private static final int OTHERS = 7;

	private static final int TOTAL = 8;

	private static final int NOTES = 9;

	private final ReportQueries queries;

	SubmissionTemplate(ReportQueries queries) {
		this.queries = queries;
	}

	/**
	 * Writes the template.
	 * @throws UnknownReportSubjectException when the conference is unknown or the unit did not
	 * exist on the conference date
	 */
	public void write(String unitCode, String conferenceCode, OutputStream out) throws IOException {
		ConferenceLine conference = this.queries.conference(conferenceCode)
			.orElseThrow(() -> new UnknownReportSubjectException("No conference " + conferenceCode + "."));
		TreeUnit unit = this.queries.unit(unitCode, conference.start())
			.orElseThrow(() -> new UnknownReportSubjectException(
					"No unit " + unitCode + " on " + conference.start() + ", the date of " + conference.code() + "."));
		List<TreeUnit> points = new ArrayList<>();
		points.add(unit);
		points.addAll(this.queries.children(unit.code(), conference.start()));
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			XSSFSheet sheet = workbook.createSheet(SHEET);
			header(sheet, styles, unit, conference);
			int first = HEADER_ROW + 1;
			int r = first;
			for (TreeUnit point : points) {
				Row row = inputRow(sheet, styles, r);
				Sheets.text(row, 0, Integer.toString(r - first + 1), styles.lockedCell);
				row.getCell(NAME).setCellValue(point.name());
				row.getCell(LEVEL).setCellValue(level(point.kind()));
				row.getCell(3).setCellValue(point.code());
				row.getCell(FORMAT).setCellValue(FORMATS[0]);
				r++;
			}
			for (int spare = 0; spare < SPARE_ROWS; spare++, r++) {
				inputRow(sheet, styles, r);
			}
			int last = r - 1;
			totals(sheet, styles, r, first, last);
			Sheets.text(sheet.createRow(r + 2), 6, "NGƯỜI LẬP BIỂU", styles.bold);
			Sheets.text(sheet.createRow(r + 3), 6, "(Ký, ghi rõ họ tên)", styles.plain);
			validations(sheet, first, last);
			layout(sheet);
			instructions(workbook.createSheet("Hướng dẫn"), styles);
			workbook.setActiveSheet(0);
			workbook.write(out);
		}
	}

	private static void header(XSSFSheet sheet, Styles styles, TreeUnit unit, ConferenceLine conference) {
		Sheets.text(sheet.createRow(0), 0, "BÁO CÁO KẾT QUẢ TỔ CHỨC HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT", styles.title);
		Sheets.text(sheet.createRow(1), 0, unit.name().toUpperCase() + " — " + conference.title(), styles.bold);
		label(sheet, styles, 2, "Đơn vị báo cáo:", unit.code(), styles.lockedValue);
		label(sheet, styles, 3, "Hội nghị:", conference.code(), styles.lockedValue);
		label(sheet, styles, 4, "Ngày báo cáo:", null, styles.date);
		label(sheet, styles, 5, "Tổng số đảng viên:", null, styles.count);
		label(sheet, styles, 6, "Số đảng viên được học tập:", null, styles.count);
		Row coverage = sheet.createRow(7);
		Sheets.text(coverage, 0, "Tỷ lệ (%):", styles.bold);
		Cell formula = coverage.createCell(2);
		formula.setCellStyle(styles.percent);
		formula.setCellFormula("IF(AND(ISNUMBER(C6),ISNUMBER(C7)),IF(C6>0,C7/C6,\"\"),\"\")");
		Row header = sheet.createRow(HEADER_ROW);
		header.setHeightInPoints(32);
		for (int c = 0; c < HEADERS.length; c++) {
			Sheets.text(header, c, HEADERS[c], styles.header);
		}
	}

	private static void label(XSSFSheet sheet, Styles styles, int r, String label, String value, CellStyle valueStyle) {
		Row row = sheet.createRow(r);
		Sheets.text(row, 0, label, styles.bold);
		Cell cell = row.createCell(2);
		cell.setCellStyle(valueStyle);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	private static Row inputRow(XSSFSheet sheet, Styles styles, int r) {
		Row row = sheet.createRow(r);
		Sheets.text(row, 0, "", styles.lockedCell);
		for (int c = 1; c < HEADERS.length; c++) {
			Cell cell = row.createCell(c);
			cell.setCellStyle(c == DATE ? styles.date : (c == MEMBERS || c == OTHERS) ? styles.count : styles.input);
		}
		String members = Sheets.ref(MEMBERS, r);
		String others = Sheets.ref(OTHERS, r);
		Cell total = row.getCell(TOTAL);
		total.setCellStyle(styles.lockedCount);
		total.setCellFormula("IF(AND(" + members + "=\"\"," + others + "=\"\"),\"\"," + members + "+" + others + ")");
		return row;
	}

	private static void totals(XSSFSheet sheet, Styles styles, int r, int first, int last) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < HEADERS.length; c++) {
			Sheets.text(row, c, "", styles.lockedCell);
		}
		Sheets.text(row, NAME, "Tổng cộng", styles.header);
		for (int c : new int[] { MEMBERS, OTHERS, TOTAL }) {
			Cell cell = row.getCell(c);
			cell.setCellStyle(styles.lockedCount);
			cell.setCellFormula("SUM(" + Sheets.ref(c, first) + ":" + Sheets.ref(c, last) + ")");
		}
	}

	private static void validations(XSSFSheet sheet, int first, int last) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		list(sheet, helper, LEVELS, new CellRangeAddressList(first, last, LEVEL, LEVEL));
		list(sheet, helper, FORMATS, new CellRangeAddressList(first, last, FORMAT, FORMAT));
		DataValidationConstraint whole = helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
		CellRangeAddressList counts = new CellRangeAddressList(first, last, MEMBERS, OTHERS);
		counts.addCellRangeAddress(5, 2, 6, 2);
		DataValidation numbers = helper.createValidation(whole, counts);
		numbers.setShowErrorBox(true);
		numbers.setErrorStyle(DataValidation.ErrorStyle.STOP);
		numbers.createErrorBox("Chỉ nhập số nguyên", "Số người là số nguyên, không âm (ví dụ 1250).");
		sheet.addValidationData(numbers);
		DataValidation dates = helper.createValidation(
				helper.createDateConstraint(OperatorType.GREATER_OR_EQUAL, "DATE(2000,1,1)", null, "dd/mm/yyyy"),
				new CellRangeAddressList(first, last, DATE, DATE));
		dates.setShowErrorBox(true);
		dates.createErrorBox("Ngày không hợp lệ", "Nhập ngày dạng ngày/tháng/năm, ví dụ 27/03/2021.");
		sheet.addValidationData(dates);
	}

	private static void list(XSSFSheet sheet, DataValidationHelper helper, String[] values, CellRangeAddressList cells) {
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values), cells);
		validation.setSuppressDropDownArrow(true);
		validation.setShowErrorBox(true);
		validation.createErrorBox("Giá trị không có trong danh sách", "Chọn một giá trị trong danh sách.");
		sheet.addValidationData(validation);
	}

	private static void layout(XSSFSheet sheet) {
		int[] widths = { 6, 36, 14, 16, 16, 12, 14, 14, 14, 24 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, NOTES));
		sheet.createFreezePane(0, HEADER_ROW + 1);
		Sheets.printOnA4Landscape(sheet);
		// Locked labels, but rows may still be added or removed for points the tree does not list.
		sheet.lockInsertRows(false);
		sheet.lockDeleteRows(false);
		sheet.lockFormatColumns(false);
		sheet.lockFormatRows(false);
		sheet.enableLocking();
	}

	private static void instructions(XSSFSheet sheet, Styles styles) {
		String[] lines = { "HƯỚNG DẪN", "1. Mỗi dòng là một điểm cầu; các đơn vị trực thuộc đã được điền sẵn.",
				"2. Nhập số đảng viên và số người khác tham dự; cột Tổng số tự tính.",
				"3. Xóa dòng của đơn vị không mở điểm cầu; thêm điểm cầu khác vào các dòng trống.",
				"4. Cấp điểm cầu và Hình thức chọn trong danh sách; Ngày để trống nếu học đúng ngày hội nghị.",
				"5. Không đổi tên các cột và các ô nhãn (Đơn vị báo cáo, Hội nghị).",
				"6. Lưu dạng Excel Workbook (.xlsx), không đặt mật khẩu, rồi gửi vào thư mục của đơn vị." };
		for (int i = 0; i < lines.length; i++) {
			Sheets.text(sheet.createRow(i), 0, lines[i], i == 0 ? styles.title : styles.plain);
		}
		sheet.setColumnWidth(0, 100 * 256);
	}

	private static String level(String kind) {
		return switch (kind) {
			case "province" -> LEVELS[1];
			case "district" -> LEVELS[2];
			case "grassroots" -> LEVELS[3];
			default -> LEVELS[4];
		};
	}

	/** The template's styles: locked for what the format fixes, unlocked for what the district types. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle bold;

		final CellStyle plain;

		final CellStyle header;

		final CellStyle lockedCell;

		final CellStyle lockedValue;

		final CellStyle lockedCount;

		final CellStyle input;

		final CellStyle count;

		final CellStyle date;

		final CellStyle percent;

		Styles(XSSFWorkbook workbook) {
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 13);
			short integer = workbook.createDataFormat().getFormat("#,##0");
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.bold = workbook.createCellStyle();
			this.bold.setFont(boldFont);
			this.plain = workbook.createCellStyle();
			this.header = Sheets.header(workbook, boldFont);
			this.lockedCell = Sheets.bordered(workbook, true);
			this.lockedValue = workbook.createCellStyle();
			this.lockedValue.setFont(boldFont);
			this.lockedCount = Sheets.bordered(workbook, true);
			this.lockedCount.setDataFormat(integer);
			this.input = Sheets.bordered(workbook, false);
			this.count = Sheets.bordered(workbook, false);
			this.count.setDataFormat(integer);
			this.date = Sheets.bordered(workbook, false);
			this.date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			this.percent = workbook.createCellStyle();
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		}

	}

}
