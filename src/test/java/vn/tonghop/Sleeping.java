package vn.tonghop;

import java.time.Duration;

/** A pause inside a lambda that may not throw InterruptedException (a copy hook, a transaction). */
public final class Sleeping {

	private Sleeping() {
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
