package vn.tonghop.warehouse;

/**
 * The database did not take a file's rows. Never a verdict on the file: the run fails and the
 * file stays pending for the next one.
 */
public class StagingFailedException extends RuntimeException {

	StagingFailedException(Throwable cause) {
		super("COPY into staging failed: " + cause.getMessage(), cause);
	}

}
