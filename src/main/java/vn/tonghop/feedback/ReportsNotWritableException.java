package vn.tonghop.feedback;

/**
 * A district's reports cannot be written to its folder. The file's outcome is rolled back with
 * it, so the file stays pending and the run fails saying why; the next run tries again.
 */
public class ReportsNotWritableException extends RuntimeException {

	ReportsNotWritableException(String message, Throwable cause) {
		super(message, cause);
	}

}
