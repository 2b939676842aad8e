package vn.tonghop.api;

/** What the endpoints produce besides JSON. */
final class ApiMediaTypes {

	static final String CSV = "text/csv";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * A district's macro-enabled workbook, annotated as it was sent. In lower case, as Spring holds a
	 * media type: written as registered, the API description would list it twice.
	 */
	static final String XLSM = "application/vnd.ms-excel.sheet.macroenabled.12";

	/** A district's Excel 97 workbook, annotated as it was sent. */
	static final String XLS = "application/vnd.ms-excel";

	private ApiMediaTypes() {
	}

}
