package vn.tonghop.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.tonghop.report.ReportQueries.CompletenessLine;
import vn.tonghop.report.ReportQueries.ConferenceLine;
import vn.tonghop.report.ReportQueries.ProvinceLine;
import vn.tonghop.report.ReportQueries.UnitLine;

/**
 * The consolidated provincial report analysts send upwards: per province a sheet with one row per
 * reporting unit (points by level, attendance, coverage), a totals row and a chart of participants
 * by unit, then a sheet of who has reported. Printable on A4 landscape.
 */
@Component
public class ConsolidatedReport {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final String[] HEADERS = { "STT", "Mã đơn vị", "Đơn vị báo cáo", "Trung ương", "Cấp tỉnh",
			"Cấp huyện", "Cấp cơ sở", "Chi bộ", "Tổng số", "Đảng viên tham dự", "Người khác tham dự",
			"Tổng số người tham dự", "Tổng số đảng viên", "Số đảng viên được học tập", "Tỷ lệ (%)" };

	/** The last sheet's name, which no province's sheet may take. */
	private static final String COMPLETENESS = "Tình hình báo cáo";

	private static final int FIRST_POINTS = 3;

	private static final int PARTICIPANTS = 11;

	private static final int TOTAL_MEMBERS = 12;

	private static final int STUDIED = 13;

	private static final int COVERAGE = 14;

	private static final int GROUP_ROW = 3;

	private static final int HEADER_ROW = 4;

	private static final int FIRST_DATA_ROW = 5;

	private final ReportQueries queries;

	ConsolidatedReport(ReportQueries queries) {
		this.queries = queries;
	}

	/**
	 * Writes the report of a conference, for every province in its scope or only {@code province}.
	 * @throws UnknownReportSubjectException when the conference, or the province within it, is unknown
	 */
	public void write(String conference, String province, OutputStream out) throws IOException {
		ConferenceLine subject = this.queries.conference(conference)
			.orElseThrow(() -> new UnknownReportSubjectException("No conference " + conference + "."));
		List<ProvinceLine> provinces = this.queries.provinces(subject.code(), province);
		if (province != null && provinces.isEmpty()) {
			throw new UnknownReportSubjectException("Province " + province + " is not in the scope of " + subject.code()
					+ " and holds no figures for it.");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			Set<String> sheetNames = new HashSet<>();
			sheetNames.add(COMPLETENESS.toLowerCase(Locale.ROOT));
			Map<String, List<UnitLine>> units = this.queries.units(subject.code(), province);
			for (ProvinceLine line : provinces) {
				provinceSheet(workbook, styles, subject, line, sheetName(line, sheetNames),
						units.getOrDefault(line.code(), List.of()));
			}
			completenessSheet(workbook, styles, subject, this.queries.completeness(subject.code(), province));
			// Cached results let viewers that do not recalculate (and our own readers) show the totals.
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
	}

	private void provinceSheet(XSSFWorkbook workbook, Styles styles, ConferenceLine conference, ProvinceLine province,
			String name, List<UnitLine> units) {
		XSSFSheet sheet = workbook.createSheet(name);
		titles(sheet, styles, conference, "BÁO CÁO TỔNG HỢP KẾT QUẢ HỌC TẬP, QUÁN TRIỆT — " + province.name().toUpperCase(),
				"Đơn vị đã báo cáo: " + province.reported() + "/" + province.expected());
		Row group = sheet.createRow(GROUP_ROW);
		Row header = sheet.createRow(HEADER_ROW);
		header.setHeightInPoints(30);
		for (int c = 0; c < HEADERS.length; c++) {
			Sheets.text(group, c, "", styles.header);
			Sheets.text(header, c, HEADERS[c], styles.header);
		}
		Sheets.text(group, FIRST_POINTS, "Số điểm cầu", styles.header);
		Sheets.text(group, 9, "Số người tham dự", styles.header);
		Sheets.text(group, TOTAL_MEMBERS, "Học tập của đảng viên", styles.header);
		sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, GROUP_ROW, FIRST_POINTS, 8));
		sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, GROUP_ROW, 9, PARTICIPANTS));
		sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, GROUP_ROW, TOTAL_MEMBERS, COVERAGE));
		for (int c = 0; c < FIRST_POINTS; c++) {
			Sheets.text(group, c, HEADERS[c], styles.header);
			sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, HEADER_ROW, c, c));
		}
		int r = FIRST_DATA_ROW;
		for (UnitLine unit : units) {
			Row row = sheet.createRow(r);
			number(row, 0, r - FIRST_DATA_ROW + 1, styles.integer);
			Sheets.text(row, 1, unit.code(), styles.text);
			Sheets.text(row, 2, unit.name() + (unit.reported() ? "" : " (chưa báo cáo)"), styles.text);
			for (int level = 0; level < 5; level++) {
				number(row, FIRST_POINTS + level, unit.points()[level], styles.integer);
			}
			number(row, 8, unit.points()[5], styles.integer);
			number(row, 9, unit.members(), styles.integer);
			number(row, 10, unit.others(), styles.integer);
			number(row, PARTICIPANTS, unit.participants(), styles.integer);
			optional(row, TOTAL_MEMBERS, unit.membersTotal(), styles.integer);
			optional(row, STUDIED, unit.membersStudied(), styles.integer);
			Cell coverage = row.createCell(COVERAGE);
			coverage.setCellStyle(styles.percent);
			if (unit.coveragePct() != null) {
				coverage.setCellValue(unit.coveragePct().movePointLeft(2).doubleValue());
			}
			r++;
		}
		int last = r - 1;
		Row totals = sheet.createRow(r);
		Sheets.text(totals, 0, "", styles.totalText);
		Sheets.text(totals, 1, "", styles.totalText);
		Sheets.text(totals, 2, "Tổng cộng", styles.totalText);
		for (int c = FIRST_POINTS; c < COVERAGE; c++) {
			Cell cell = totals.createCell(c);
			cell.setCellStyle(styles.totalInteger);
			String sum = units.isEmpty() ? "0" : "SUM(" + range(c, FIRST_DATA_ROW, last) + ")";
			// Members total and studied are optional per unit: no figure at all stays blank, not 0.
			boolean optional = c == TOTAL_MEMBERS || c == STUDIED;
			cell.setCellFormula(optional && !units.isEmpty()
					? "IF(COUNT(" + range(c, FIRST_DATA_ROW, last) + ")=0,\"\"," + sum + ")" : sum);
		}
		Cell coverage = totals.createCell(COVERAGE);
		coverage.setCellStyle(styles.totalPercent);
		String studied = Sheets.ref(STUDIED, r);
		String total = Sheets.ref(TOTAL_MEMBERS, r);
		coverage.setCellFormula("IF(ISNUMBER(" + total + "),IF(" + total + ">0," + studied + "/" + total + ",\"\"),\"\")");
		layout(sheet, HEADERS.length, HEADER_ROW);
		sheet.setColumnWidth(2, 40 * 256);
		if (!units.isEmpty()) {
			chart(sheet, FIRST_DATA_ROW, last, r + 2);
		}
	}

	private static void chart(XSSFSheet sheet, int first, int last, int anchorRow) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		int height = Math.max(15, (last - first + 1) + 6);
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, anchorRow, HEADERS.length, anchorRow + height);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText("Số người tham dự theo đơn vị");
		chart.setTitleOverlay(false);
		XDDFCategoryAxis units = chart.createCategoryAxis(AxisPosition.LEFT);
		XDDFValueAxis participants = chart.createValueAxis(AxisPosition.BOTTOM);
		participants.setCrosses(AxisCrosses.AUTO_ZERO);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, units, participants);
		data.setBarDirection(BarDirection.BAR);
		data.setVaryColors(false);
		XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(
				XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(first, last, 2, 2)),
				XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, PARTICIPANTS,
						PARTICIPANTS)));
		series.setTitle("Tổng số người tham dự", new CellReference(sheet.getSheetName(), HEADER_ROW, PARTICIPANTS, true,
				true));
		// An explicit fill: without one LibreOffice draws the axes but no bars.
		XDDFShapeProperties bars = new XDDFShapeProperties();
		bars.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
		series.setShapeProperties(bars);
		chart.plot(data);
	}

	private void completenessSheet(XSSFWorkbook workbook, Styles styles, ConferenceLine conference,
			List<CompletenessLine> lines) {
		XSSFSheet sheet = workbook.createSheet(COMPLETENESS);
		long reported = lines.stream().filter(CompletenessLine::reported).count();
		titles(sheet, styles, conference, "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
				"Đã báo cáo " + reported + "/" + lines.size() + " đơn vị; hạn báo cáo "
						+ (conference.deadline() != null ? DAY.format(conference.deadline()) : "-"));
		String[] headers = { "STT", "Tỉnh", "Mã đơn vị", "Đơn vị", "Đã báo cáo", "Thời điểm nộp", "Đúng hạn" };
		Row header = sheet.createRow(HEADER_ROW);
		for (int c = 0; c < headers.length; c++) {
			Sheets.text(header, c, headers[c], styles.header);
		}
		int r = FIRST_DATA_ROW;
		for (CompletenessLine line : lines) {
			Row row = sheet.createRow(r);
			number(row, 0, r - FIRST_DATA_ROW + 1, styles.integer);
			Sheets.text(row, 1, line.province(), styles.text);
			Sheets.text(row, 2, line.unitCode(), styles.text);
			Sheets.text(row, 3, line.unitName(), styles.text);
			Sheets.text(row, 4, line.reported() ? "Có" : "Chưa", line.reported() ? styles.text : styles.missing);
			Sheets.text(row, 5, line.submittedAt() != null ? MOMENT.format(line.submittedAt().atZoneSameInstant(VIETNAM)) : "",
					styles.text);
			Sheets.text(row, 6, line.onTime() == null ? "" : line.onTime() ? "Đúng hạn" : "Trễ hạn",
					Boolean.FALSE.equals(line.onTime()) ? styles.missing : styles.text);
			r++;
		}
		layout(sheet, headers.length, HEADER_ROW);
		sheet.setColumnWidth(3, 40 * 256);
	}

	private static void titles(XSSFSheet sheet, Styles styles, ConferenceLine conference, String title, String note) {
		Sheets.text(sheet.createRow(0), 0, title, styles.title);
		String dates = DAY.format(conference.start())
				+ (conference.end() != null && !conference.end().equals(conference.start()) ? " – " + DAY.format(conference.end()) : "");
		Sheets.text(sheet.createRow(1), 0, conference.title() + " (" + conference.code() + ", " + dates + ")", styles.subtitle);
		Sheets.text(sheet.createRow(2), 0, note, styles.subtitle);
	}

	private static void layout(XSSFSheet sheet, int columns, int headerRow) {
		for (int c = 0; c < columns; c++) {
			sheet.setColumnWidth(c, (c == 0 ? 6 : 13) * 256);
		}
		sheet.createFreezePane(3, headerRow + 1);
		sheet.setRepeatingRows(new CellRangeAddress(headerRow - 1, headerRow, -1, -1));
		Sheets.printOnA4Landscape(sheet);
		sheet.setHorizontallyCenter(true);
		sheet.getFooter().setCenter("Trang &P / &N");
	}

	/** The province's name as a sheet's, or with its code in front when another sheet has it: Excel ignores case there. */
	private static String sheetName(ProvinceLine province, Set<String> taken) {
		String name = WorkbookUtil.createSafeSheetName(province.name());
		if (!taken.add(name.toLowerCase(Locale.ROOT))) {
			name = WorkbookUtil.createSafeSheetName(province.code() + " " + province.name());
			taken.add(name.toLowerCase(Locale.ROOT));
		}
		return name;
	}

	private static String range(int column, int first, int last) {
		return Sheets.ref(column, first) + ":" + Sheets.ref(column, last);
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void optional(Row row, int column, Long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	/** The report's few styles, created once per workbook. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle subtitle;

		final CellStyle header;

		final CellStyle text;

		final CellStyle integer;

		final CellStyle percent;

		final CellStyle totalText;

		final CellStyle totalInteger;

		final CellStyle totalPercent;

		final CellStyle missing;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 13);
			Font red = workbook.createFont();
			red.setColor(IndexedColors.DARK_RED.getIndex());
			short integerFormat = workbook.createDataFormat().getFormat("#,##0");
			short percentFormat = workbook.createDataFormat().getFormat("0.0%");
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.subtitle = workbook.createCellStyle();
			this.header = Sheets.header(workbook, bold);
			this.text = Sheets.bordered(workbook, true);
			this.integer = Sheets.bordered(workbook, true);
			this.integer.setDataFormat(integerFormat);
			this.percent = Sheets.bordered(workbook, true);
			this.percent.setDataFormat(percentFormat);
			this.totalText = Sheets.bordered(workbook, true);
			this.totalText.setFont(bold);
			this.totalInteger = Sheets.bordered(workbook, true);
			this.totalInteger.setFont(bold);
			this.totalInteger.setDataFormat(integerFormat);
			this.totalPercent = Sheets.bordered(workbook, true);
			this.totalPercent.setFont(bold);
			this.totalPercent.setDataFormat(percentFormat);
			this.missing = Sheets.bordered(workbook, true);
			this.missing.setFont(red);
		}

	}

}
