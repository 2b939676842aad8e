package vn.tonghop.sheet;

/**
 * A header cell as found.
 *
 * @param row the row number as Excel shows it
 * @param column 0-based column
 * @param text the header text as written (both rows joined with a space for two-row headers)
 */
public record HeaderCell(int row, int column, String text) {
}
