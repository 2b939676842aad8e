package vn.tonghop.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

import vn.tonghop.feedback.SubmissionReport.ReportedProblem;

/**
 * The submitted workbook itself, in memory, with its offending cells marked and the summary sheet
 * in front (last in an .xls, opened first all the same). Everything else (formulas, formats, other
 * sheets, macros of an .xlsm, which POI never runs) is written back as it was.
 */
final class Annotator {

	private Annotator() {
	}

	static ReportWorkbook xlsx(Path file, SubmissionReport report) throws IOException {
		if (report.problems().isEmpty()) {
			Optional<ReportWorkbook> front = FrontSheet.insert(file, report);
			if (front.isPresent()) {
				return front.get();
			}
		}
		// From a stream: POI holds the package in memory and never writes back to the archived copy.
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			// The main part's content type must match the extension or Excel refuses the file.
			boolean macros = workbook.getPackagePart().getContentType().contains("macroEnabled");
			workbook.setWorkbookType(macros ? XSSFWorkbookType.XLSM : XSSFWorkbookType.XLSX);
			return ReportWorkbook.annotatedXlsx(annotate(workbook, report), macros);
		}
	}

	static ReportWorkbook xls(Path file, SubmissionReport report) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
				HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
			return new ReportWorkbook("xls", ReportWorkbook.XLS, annotate(workbook, report), true);
		}
	}

	private static byte[] annotate(Workbook workbook, SubmissionReport report) throws IOException {
		CellMarks marks = new CellMarks(workbook);
		Map<String, List<CellRangeAddress>> merged = new HashMap<>();
		for (Map.Entry<Spot, List<ReportedProblem>> entry : spots(workbook, merged, report.problems()).entrySet()) {
			Spot spot = entry.getKey();
			marks.mark(workbook.getSheet(spot.sheet()), spot.row(), spot.column(), entry.getValue());
		}
		marks.showOverConditionalFormats();
		String name = SummarySheet.freeName(workbook);
		Sheet summary = workbook.createSheet(name);
		SummarySheet.write(workbook, summary, report, marks, problem -> link(workbook, merged, problem));
		int opened = workbook.getNumberOfSheets() - 1;
		if (!(workbook instanceof HSSFWorkbook)) {
			// An .xls keeps its order, the summary last: POI's move of an .xls sheet renumbers references to
			// other sheets wrongly (a SUM or a print area over the district's sheet ends on another one).
			// An .xlsx names the sheets in its formulas.
			workbook.setSheetOrder(name, 0);
			opened = 0;
		}
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			// More than one selected tab would open the workbook with its sheets grouped.
			workbook.getSheetAt(i).setSelected(i == opened);
		}
		workbook.setActiveSheet(opened);
		workbook.setFirstVisibleTab(0);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	/** The cells to mark: problems with a cell, and the first cell of rows with a row-only problem. */
	private static Map<Spot, List<ReportedProblem>> spots(Workbook workbook, Map<String, List<CellRangeAddress>> merged,
			List<ReportedProblem> problems) {
		Map<Spot, List<ReportedProblem>> spots = new LinkedHashMap<>();
		for (ReportedProblem problem : problems) {
			Spot spot = spot(workbook, merged, problem);
			if (spot != null) {
				spots.computeIfAbsent(spot, key -> new ArrayList<>()).add(problem);
			}
		}
		return spots;
	}

	/**
	 * Where a problem is marked: its cell, or the first cell of the merged area that covers it, the
	 * only one of the area Excel shows (the reader gives a merged value to every cell it covers).
	 */
	private static Spot spot(Workbook workbook, Map<String, List<CellRangeAddress>> merged, ReportedProblem problem) {
		Sheet sheet = problem.sheet() != null ? workbook.getSheet(problem.sheet()) : null;
		if (sheet == null || problem.row() == null) {
			return null;
		}
		int row = problem.row() - 1;
		int column = problem.column() != null ? CellReference.convertColStringToIndex(problem.column())
				: CellMarks.firstColumn(sheet, row);
		for (CellRangeAddress area : merged.computeIfAbsent(problem.sheet(), name -> sheet.getMergedRegions())) {
			if (area.isInRange(row, column)) {
				return new Spot(problem.sheet(), area.getFirstRow(), area.getFirstColumn());
			}
		}
		return new Spot(problem.sheet(), row, column);
	}

	private static String link(Workbook workbook, Map<String, List<CellRangeAddress>> merged, ReportedProblem problem) {
		Spot spot = spot(workbook, merged, problem);
		return spot == null ? null
				: SummarySheet.reference(Objects.requireNonNull(problem.sheet()),
						new CellReference(spot.row(), spot.column()).formatAsString(false));
	}

	private record Spot(String sheet, int row, int column) {
	}

}
