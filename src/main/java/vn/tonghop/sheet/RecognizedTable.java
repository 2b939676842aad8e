package vn.tonghop.sheet;

import java.util.List;
import java.util.Map;

/**
 * What the recognizer found on the submission sheet once it has been read to the end.
 *
 * @param sheet the name of the sheet holding the table
 * @param headerRow the (last) header row number as Excel shows it
 * @param columns the 0-based column of each recognised field
 * @param unknownColumns header cells that match no field (reported as a warning)
 * @param labels labelled cells found above or below the table, the unit summary's also beside it;
 * REPORT_DATE may be a place-date line such as "Hà Nội, ngày 27 tháng 3 năm 2021" (the whole text as value)
 * @param repeatedLabels the unit's and the conference's labels found again with another text, after the
 * one in {@code labels}
 * @param totalsRow the totals row ("Tổng cộng", ...) or null when the file has none
 * @param totalsAboveRow a second totals row for all rows, right under the header, when the table also
 * ends with one; null otherwise
 * @param dataRows the number of data rows passed to the listener
 * @param legacyText the sheet's text converted from a legacy font, or null when it had none
 * @param rowAfterTable the first row below the table's end that looks like a point row, or null
 * @param levellessAfterTable the first row below the table's end with a name and a members figure but no
 * level, or null
 * @param extraValue the first value right of the header in a data row of a CSV, or null
 * @param splitNumber the first number written "1,100" without quotes inside the header of a comma-separated
 * file, or null
 * @param duplicateColumn the first figure in a column headed again with a head count's field, or null
 */
public record RecognizedTable(String sheet, int headerRow, Map<Field, Integer> columns,
		List<HeaderCell> unknownColumns, Map<Label, LabelledCell> labels,
		Map<Label, List<LabelledCell>> repeatedLabels, PointRow totalsRow, PointRow totalsAboveRow,
		int dataRows,
		LegacyText legacyText, RowAfterTable rowAfterTable,
		RowAfterTable levellessAfterTable, ExtraValue extraValue,
		SplitNumber splitNumber, DuplicateColumn duplicateColumn) {
}
