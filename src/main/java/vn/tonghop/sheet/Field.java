package vn.tonghop.sheet;

/** The columns of the submission table (submission-format.md, "The table"). */
public enum Field {

	ROW_NUMBER, POINT_NAME, LEVEL, HOST_UNIT, FORMAT, DATE, MEMBERS, OTHERS, TOTAL, NOTES

}
