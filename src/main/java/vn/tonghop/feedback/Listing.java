package vn.tonghop.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.tonghop.feedback.SubmissionReport.ReportedProblem;
import vn.tonghop.report.SafeText;
import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.CellKind;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;
import vn.tonghop.sheet.SheetRow;
import vn.tonghop.sheet.SheetVisitor;
import vn.tonghop.sheet.UnreadableFileException;
import vn.tonghop.sheet.Workbooks;

/**
 * A new .xlsx that lists the problems, for files that are not annotated in place: the summary
 * sheet, then, when the file can be read, a copy of the values of each sheet with problems, at
 * their original rows and columns and marked as in an annotated workbook. Written with SXSSF
 * when rows of a large file are copied, so memory does not grow with them; otherwise in memory,
 * which spares the temporary file SXSSF writes for every sheet.
 */
final class Listing {

	private static final Logger log = LoggerFactory.getLogger(Listing.class);

	private static final int WINDOW = 100;

	/** Files up to this size have their rows copied into an in-memory workbook. */
	private static final long SMALL_FILE = 256 * 1024;

	/** Copied values have no widths of their own: wide enough for names and head counts. */
	private static final int COLUMN_WIDTH = 18;

	private Listing() {
	}

	/**
	 * @param copy what to copy of the file's rows
	 * @param limits the limits the rows are read under
	 * @param checks what checking the file found when it was read before
	 */
	static ReportWorkbook write(Path file, SubmissionReport report, Copy copy, ReadLimits limits, FileChecks checks)
			throws IOException {
		if (report.problems().isEmpty()) {
			// Nothing to list or copy: the summary alone.
			return new ReportWorkbook("xlsx", ReportWorkbook.XLSX, FrontSheet.alone(report), false);
		}
		if (copy != Copy.NONE) {
			try (Draft draft = new Draft(report, copy, Files.size(file) <= SMALL_FILE)) {
				draft.copyRows(file, limits, checks);
				return draft.finish();
			}
			catch (UnreadableFileException | RuntimeException ex) {
				// Read once already, so this is rare; the summary alone still tells the district everything.
				log.warn("Could not copy the rows of {} into its listing; the summary alone instead", report.file().path(),
						ex);
			}
		}
		try (Draft draft = new Draft(report, Copy.NONE, true)) {
			return draft.finish();
		}
	}

	/** A listing being written: the summary first, then the copied rows. */
	private static final class Draft implements AutoCloseable {

		private final Workbook workbook;

		private final CellMarks marks;

		private final Map<String, Copied> copies = new LinkedHashMap<>();

		private final Copy copy;

		private final SubmissionReport report;

		private final Sheet summary;

		Draft(SubmissionReport report, Copy copy, boolean inMemory) {
			this.workbook = inMemory ? new XSSFWorkbook() : new SXSSFWorkbook(WINDOW);
			this.marks = new CellMarks(this.workbook);
			this.copy = copy;
			this.report = report;
			this.summary = this.workbook.createSheet(SummarySheet.NAME);
			if (copy != Copy.NONE) {
				for (ReportedProblem problem : report.problems()) {
					boolean located = problem.sheet() != null && (problem.row() != null || copy == Copy.ALL);
					if (located && !this.copies.containsKey(problem.sheet())) {
						Sheet sheet = this.workbook.createSheet(safeName(this.workbook, problem.sheet()));
						sheet.setDefaultColumnWidth(COLUMN_WIDTH);
						this.copies.put(problem.sheet(), new Copied(sheet));
					}
					if (located && problem.row() != null) {
						this.copies.get(problem.sheet()).add(problem);
					}
				}
			}
			this.summary.setSelected(true);
			this.workbook.setActiveSheet(0);
		}

		void copyRows(Path file, ReadLimits limits, FileChecks checks) throws UnreadableFileException {
			if (!this.copies.isEmpty()) {
				Workbooks.read(file, limits, checks, new Copier(this.copies, this.copy, this.marks));
			}
		}

		/** Writes the summary, whose links lead to the cells the copy marked, and the workbook. */
		ReportWorkbook finish() throws IOException {
			SummarySheet.write(this.workbook, this.summary, this.report, this.marks, problem -> link(this.copies, problem));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.workbook.write(out);
			return new ReportWorkbook("xlsx", ReportWorkbook.XLSX, out.toByteArray(), false);
		}

		@Override
		public void close() throws IOException {
			this.workbook.close();
		}

	}

	private static String link(Map<String, Copied> copies, ReportedProblem problem) {
		Copied copied = problem.sheet() != null ? copies.get(problem.sheet()) : null;
		if (copied == null || problem.row() == null) {
			return null;
		}
		String column = problem.column() != null ? problem.column()
				: CellReference.convertNumToColString(copied.firstColumns.getOrDefault(problem.row(), 0));
		return SummarySheet.reference(copied.sheet.getSheetName(), column + problem.row());
	}

	private static String safeName(Workbook workbook, String name) {
		String safe = WorkbookUtil.createSafeSheetName(name);
		String candidate = safe;
		for (int n = 2; workbook.getSheet(candidate) != null; n++) {
			String suffix = " (" + n + ")";
			candidate = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
		}
		return candidate;
	}

	/** Which of the file's rows a listing copies. */
	enum Copy {

		/** None: the file cannot be read. */
		NONE,

		/** The rows that have a problem: the file is too large to copy whole. */
		PROBLEM_ROWS,

		/** Every row. */
		ALL

	}

	/** A copied sheet and the problems on its rows, by row number. */
	private static final class Copied {

		final Sheet sheet;

		final Map<Integer, List<ReportedProblem>> byRow = new HashMap<>();

		/** The column a problem of a row without one marks, by row number: the row's first cell. */
		final Map<Integer, Integer> firstColumns = new HashMap<>();

		/** The last row with a problem: where a copy of the problem rows alone ends. */
		int lastRow;

		Copied(Sheet sheet) {
			this.sheet = sheet;
		}

		void add(ReportedProblem problem) {
			this.byRow.computeIfAbsent(problem.row(), row -> new ArrayList<>()).add(problem);
			this.lastRow = Math.max(this.lastRow, problem.row());
		}

	}

	private static final class Copier implements SheetVisitor {

		private final Map<String, Copied> copies;

		private final Copy copy;

		private final CellMarks marks;

		private Copied current;

		private int rowNumber;

		private int sheetsCopied;

		private CellStyle percent;

		Copier(Map<String, Copied> copies, Copy copy, CellMarks marks) {
			this.copies = copies;
			this.copy = copy;
			this.marks = marks;
		}

		@Override
		public boolean startSheet(String name) {
			this.current = this.copies.get(name);
			this.rowNumber = 0;
			return this.current != null;
		}

		@Override
		public void row(SheetRow source) {
			this.rowNumber = source.number();
			List<ReportedProblem> problems = this.current.byRow.getOrDefault(source.number(), List.of());
			if (this.copy != Copy.ALL && problems.isEmpty()) {
				return;
			}
			Row row = this.current.sheet.createRow(source.number() - 1);
			for (Cell cell : source.cells()) {
				if (cell.kind() == CellKind.NUMBER && cell.date() == null) {
					org.apache.poi.ss.usermodel.Cell copy = row.createCell(cell.column());
					copy.setCellValue(cell.number());
					if (cell.percent()) {
						// Coverage as the district sees it (93.8%), which the problem's message quotes, not 0.938.
						copy.setCellStyle(percent(row.getSheet().getWorkbook()));
					}
				}
				else {
					// A cell may be as long as tonghop.limits.max-cell-text allows, which can be set past Excel's limit.
					org.apache.poi.ss.usermodel.Cell copy = row.createCell(cell.column());
					copy.setCellValue(ReportText.cell(cell.text()));
					SafeText.quoteIfFormula(copy, cell.text());
				}
			}
			Map<Integer, List<ReportedProblem>> byColumn = new LinkedHashMap<>();
			for (ReportedProblem problem : problems) {
				int column = problem.column() != null ? CellReference.convertColStringToIndex(problem.column())
						: this.current.firstColumns.computeIfAbsent(source.number(),
								n -> CellMarks.firstColumn(this.current.sheet, row.getRowNum()));
				byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(problem);
			}
			byColumn.forEach((column, marked) -> this.marks.mark(this.current.sheet, row.getRowNum(), column, marked));
		}

		/** A huge file with a problem in its header is not read to its end again for the one row copied. */
		@Override
		public boolean wantsRows() {
			return this.copy == Copy.ALL || this.rowNumber < this.current.lastRow;
		}

		@Override
		public boolean endSheet() {
			return ++this.sheetsCopied == this.copies.size();
		}

		private CellStyle percent(Workbook workbook) {
			if (this.percent == null) {
				this.percent = workbook.createCellStyle();
				this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			}
			return this.percent;
		}

	}

}
