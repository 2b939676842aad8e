package vn.tonghop.sheet;

/** Read positions for tests outside the readers' package. */
public final class ReadPositions {

	private ReadPositions() {
	}

	/** A position {@code read} bytes into a sheet of {@code size}. */
	public static ReadPosition of(long size, long read) {
		ReadPosition position = new ReadPosition(size);
		position.at(read);
		return position;
	}

}
