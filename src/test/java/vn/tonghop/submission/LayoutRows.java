package vn.tonghop.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** A district's sheet for the awkward-layout tests: its labels, the canonical table, and how rows are written. */
final class LayoutRows {

	private LayoutRows() {
	}

	/** The unit and conference labels, then a blank row. */
	static List<Object[]> labels() {
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "Đơn vị báo cáo:", "Quận ủy Long Biên" });
		rows.add(new Object[] { "Hội nghị:", "NQDH13" });
		rows.add(new Object[] {});
		return rows;
	}

	/** The labels, the template's header and two of Long Biên's wards. */
	static List<Object[]> canonical() {
		List<Object[]> rows = labels();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10 });
		return rows;
	}

	/** Writes rows from row 1 on: a String is a text cell, a Number a number, a LocalDate a dd/mm/yyyy date. */
	static void fill(Sheet sheet, List<Object[]> rows) {
		CellStyle date = null;
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < rows.get(r).length; c++) {
				Object value = rows.get(r)[c];
				if (value instanceof String text) {
					row.createCell(c).setCellValue(text);
				}
				else if (value instanceof Number number) {
					row.createCell(c).setCellValue(number.doubleValue());
				}
				else if (value instanceof LocalDate day) {
					if (date == null) {
						date = sheet.getWorkbook().createCellStyle();
						date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("dd/mm/yyyy"));
					}
					row.createCell(c).setCellValue(day);
					row.getCell(c).setCellStyle(date);
				}
			}
		}
	}

}
