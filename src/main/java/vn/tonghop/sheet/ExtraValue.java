package vn.tonghop.sheet;

/**
 * A value right of the header's last column in a data row of delimited text: usually a number
 * written "1,234" without quotes, which split into two values and moved the rest of the row.
 *
 * @param row the row number
 * @param cell the first such value
 * @param headerColumns how many columns the header has
 */
public record ExtraValue(int row, Cell cell, int headerColumns) {
}
