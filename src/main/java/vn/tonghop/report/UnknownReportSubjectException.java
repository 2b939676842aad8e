package vn.tonghop.report;

/** The conference or province a report or template was asked for does not exist. */
public class UnknownReportSubjectException extends RuntimeException {

	public UnknownReportSubjectException(String message) {
		super(message);
	}

}
