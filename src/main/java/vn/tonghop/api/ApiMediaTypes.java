package vn.tonghop.api;

/** What the endpoints produce besides JSON. */
final class ApiMediaTypes {

	static final String CSV = "text/csv";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private ApiMediaTypes() {
	}

}
