package vn.tonghop.sheet;

/**
 * A value found next to a label, e.g. "Đơn vị báo cáo: Quận ủy Long Biên".
 *
 * @param sheet the sheet name
 * @param row the row number as Excel shows it
 * @param value the value cell; for the one-cell form "Label: value" a TEXT cell holding only
 * the part after the colon, at the label's column
 */
public record LabelledCell(String sheet, int row, Cell value) {
}
