package vn.tonghop.feedback;

/**
 * The workbook a district gets back.
 *
 * @param extension xlsx, xlsm or xls: what the content is, so Excel opens it
 * @param mediaType the matching media type
 * @param content the bytes
 * @param annotated true for the submitted workbook annotated, false for a listing of the problems
 */
record ReportWorkbook(String extension, String mediaType, byte[] content, boolean annotated) {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";

	static final String XLS = "application/vnd.ms-excel";

	/** The district's .xlsx annotated; an .xlsm when its main part is macro-enabled, so Excel opens it. */
	static ReportWorkbook annotatedXlsx(byte[] content, boolean macros) {
		return macros ? new ReportWorkbook("xlsm", XLSM, content, true) : new ReportWorkbook("xlsx", XLSX, content, true);
	}

}
