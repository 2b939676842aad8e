package vn.tonghop.sheet;

/**
 * A number written "1,100" without quotes in comma-separated text, split into two figures ("1" |
 * "100"), the figures after it moved one column right, the last into a column that holds none.
 *
 * @param row the row number
 * @param first the figure that holds the number's leading digits
 * @param rest the next figure, three digits: the number's thousands group
 * @param pushed the number moved into the column after the figures
 */
public record SplitNumber(int row, Cell first, Cell rest, Cell pushed) {
}
