package vn.tonghop.sheet;

/**
 * A value found next to a label, e.g. "Đơn vị báo cáo: Quận ủy Long Biên".
 *
 * @param sheet the sheet name
 * @param row the row number as Excel shows it
 * @param value the value cell; for the one-cell form "Label: value" a TEXT cell holding only
 * the part after the colon, at the label's column
 * @param label the label as written ("Đảng bộ:"), or the whole text of a place-date line
 */
public record LabelledCell(String sheet, int row, Cell value, String label) {

	/**
	 * Whether the label is a word for any party organisation ("Đảng bộ", "Đơn vị") rather than the
	 * reporting unit's own label ("Đơn vị báo cáo", "Mã đơn vị"): a letterhead names the
	 * organisation above the one that reports under such a word.
	 */
	public boolean isOrganisationWord() {
		return Vocabulary.isOrganisationWord(this.label);
	}

}
