package vn.tonghop.sheet;

/**
 * A number right of the header's last column in a data row of delimited text: what a number
 * written "1,234" without quotes leaves there, once split into two values that moved the rest of
 * the row.
 *
 * @param row the row number
 * @param cell the first value right of the header
 * @param headerColumns how many columns the header has
 */
public record ExtraValue(int row, Cell cell, int headerColumns) {
}
