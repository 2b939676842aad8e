package vn.tonghop.sheet;

/** Labelled cells around the table (submission-format.md, "Which unit and which conference", "Unit summary"). */
public enum Label {

	REPORTING_UNIT, CONFERENCE, REPORT_DATE, MEMBERS_TOTAL, MEMBERS_STUDIED, COVERAGE;

	/** Whether the label belongs to the unit summary, which may sit anywhere on the sheet. */
	boolean isSummary() {
		return this == MEMBERS_TOTAL || this == MEMBERS_STUDIED || this == COVERAGE;
	}

}
