package vn.tonghop.sheet;

/**
 * A figure in a column headed again with a head count's field: two figures for one field, of which
 * the one loaded may not be the one the district means (a column of old figures left, or hidden,
 * beside the new ones).
 *
 * @param row the first data row with a figure there
 * @param cell that figure
 * @param field the field both columns name
 * @param fieldColumn the 0-based column the field is read from
 * @param header the header over the figure's column, as written
 * @param fieldHeader the header over the field's column, as written
 */
public record DuplicateColumn(int row, Cell cell, Field field, int fieldColumn, String header, String fieldHeader) {
}
