package vn.tonghop.sheet;

import java.util.Map;

/**
 * One data row of the table: the cells under each recognised column (absent or blank cells are
 * missing from the map).
 *
 * @param sheet the sheet name
 * @param number the row number as Excel shows it
 * @param cells the cells by column meaning
 */
public record PointRow(String sheet, int number, Map<Field, Cell> cells) {

	public Cell cell(Field field) {
		return this.cells.get(field);
	}

}
