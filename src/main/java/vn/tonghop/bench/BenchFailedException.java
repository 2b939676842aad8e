package vn.tonghop.bench;

/** A workload did not load what it should have: its figures would mean nothing. */
public class BenchFailedException extends RuntimeException {

	BenchFailedException(String message) {
		super(message);
	}

}
