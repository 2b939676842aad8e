package vn.tonghop.sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.record.RecordInputStream.LeftoverDataException;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.util.RecordFormatException;

/**
 * Reads .xls (BIFF8) workbooks. They are loaded whole: the format caps a sheet at 65,536 rows.
 * Merged cells read as in .xlsx ({@link MergedCells}).
 */
final class XlsReader {

	private XlsReader() {
	}

	static void read(Path file, String name, SheetVisitor visitor) throws UnreadableFileException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
				HSSFWorkbook workbook = open(fs, name)) {
			Map<Short, String> fonts = new HashMap<>();
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				// A BIFF sheet name may hold U+0000, which PostgreSQL text cannot.
				if (workbook.getSheetVisibility(i) != SheetVisibility.VISIBLE
						|| !visitor.startSheet(workbook.getSheetName(i).replace("\0", ""))) {
					continue;
				}
				readSheet(workbook, workbook.getSheetAt(i), fonts, visitor, name);
				if (visitor.endSheet()) {
					return;
				}
			}
		}
		catch (IOException ex) {
			throw damaged(name, ex);
		}
	}

	private static UnreadableFileException damaged(String name, Exception cause) {
		return new UnreadableFileException("file-corrupt", Detail.XLS_DAMAGED.with(),
				name + ": the workbook is damaged and cannot be read.", cause);
	}

	private static HSSFWorkbook open(POIFSFileSystem fs, String name) throws UnreadableFileException {
		try {
			return new HSSFWorkbook(fs.getRoot(), true);
		}
		catch (EncryptedDocumentException ex) {
			throw new UnreadableFileException("file-encrypted", null,
					name + ": the workbook is protected with a password; save it without a password.", ex);
		}
		catch (OldExcelFormatException ex) {
			throw new UnreadableFileException("file-format", Detail.BIFF5.with(),
					name + ": workbooks from Excel 95 or older are not supported; save it as .xlsx.", ex);
		}
		catch (IOException | RecordFormatException | LeftoverDataException | IndexOutOfBoundsException
				| IllegalArgumentException | IllegalStateException | NegativeArraySizeException | NoSuchElementException ex) {
			// What damaged BIFF records and OLE2 sectors surface as, found by FuzzTests.
			throw damaged(name, ex);
		}
	}

	private static void readSheet(HSSFWorkbook workbook, HSSFSheet sheet, Map<Short, String> fonts,
			SheetVisitor visitor, String name) throws UnreadableFileException {
		MergedCells merges = new MergedCells(sheet.getMergedRegions().stream()
			.map((region) -> new MergedCells.Region(region.getFirstRow() + 1, region.getLastRow() + 1,
					region.getFirstColumn(), region.getLastColumn()))
			.toList());
		ReadPosition position = new ReadPosition(sheet.getLastRowNum() + 1L);
		visitor.reading(position);
		for (Row row : sheet) {
			position.at(row.getRowNum() + 1L);
			List<Cell> cells = new ArrayList<>();
			for (int column = Math.max(row.getFirstCellNum(), 0); column < row.getLastCellNum(); column++) {
				HSSFCell source = (HSSFCell) row.getCell(column);
				if (source == null) {
					continue;
				}
				Cell cell;
				try {
					cell = cell(workbook, source, fonts);
				}
				catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException
						| RecordFormatException ex) {
					// A cell pointing past the shared strings, fonts or formats that the file holds.
					throw damaged(name, ex);
				}
				if (Workbooks.holdsSomething(cell)) {
					cells.add(cell);
				}
			}
			List<Cell> merged = merges.apply(row.getRowNum() + 1, cells);
			if (!merged.isEmpty()) {
				visitor.row(new SheetRow(row.getRowNum() + 1, List.copyOf(merged)));
				if (!visitor.wantsRows()) {
					return;
				}
			}
		}
	}

	private static Cell cell(HSSFWorkbook workbook, HSSFCell source, Map<Short, String> fonts) {
		int column = source.getColumnIndex();
		HSSFCellStyle style = source.getCellStyle();
		String font = fonts.computeIfAbsent(style.getIndex(), (index) -> style.getFont(workbook).getFontName());
		CellType type = source.getCellType();
		if (type == CellType.FORMULA) {
			type = source.getCachedFormulaResultType();
		}
		return switch (type) {
			case STRING -> new Cell(column, CellKind.TEXT, source.getRichStringCellValue().getString(), 0, null, false,
					font);
			case NUMERIC -> {
				double number = source.getNumericCellValue();
				String format = style.getDataFormatString();
				if (DateUtil.isValidExcelDate(number) && DateFormats.isDate(style.getDataFormat(), format)) {
					LocalDateTime dateTime = source.getLocalDateTimeCellValue();
					yield new Cell(column, CellKind.NUMBER, XlsxReader.dateText(number, dateTime, DateFormats.isTimeOnly(format)),
							number, dateTime.toLocalDate(), false, font);
				}
				String shown = ZeroFilled.text(number, ZeroFilled.digits(format));
				yield new Cell(column, CellKind.NUMBER, shown, number, null, PercentFormat.scales(format), font);
			}
			case BOOLEAN -> new Cell(column, CellKind.BOOLEAN, source.getBooleanCellValue() ? "TRUE" : "FALSE", 0, null,
					false, font);
			case ERROR -> new Cell(column, CellKind.ERROR, errorText(source.getErrorCellValue()), 0, null, false, font);
			default -> null;
		};
	}

	private static String errorText(byte code) {
		return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#N/A";
	}

}
