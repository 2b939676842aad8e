package vn.tonghop.sheet;

/** How a cell was stored in the file, before any interpretation. */
public enum CellKind {

	TEXT, NUMBER, BOOLEAN, ERROR, BLANK

}
