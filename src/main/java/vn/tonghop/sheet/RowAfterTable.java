package vn.tonghop.sheet;

/**
 * A row below the end of the table that has what every point row has (a name, a level, a members
 * figure): a point left under the totals row or the notes, which must not be lost silently.
 *
 * @param row the row
 * @param tableEnd the row number that ended the table, as Excel shows it
 */
public record RowAfterTable(PointRow row, int tableEnd) {
}
