package vn.tonghop.sheet;

/**
 * Text of the table's sheet that was typed in a legacy Vietnamese font and converted to Unicode.
 *
 * @param font the font of the first converted cell (".VnTime", "VNI-Times")
 * @param cells how many cells were converted (a merged cell counts once for each cell it covers)
 * @param sheet the sheet of the first converted cell
 * @param row its row as Excel shows it
 * @param column its 0-based column
 */
public record LegacyText(String font, int cells, String sheet, int row, int column) {

	/** The first converted cell as Excel names it: "Sheet1!B7". */
	public String firstCell() {
		return this.sheet + "!" + Cell.columnName(this.column) + this.row;
	}

}
