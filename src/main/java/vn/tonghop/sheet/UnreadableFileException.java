package vn.tonghop.sheet;

/**
 * The file cannot be read as a submission at all (wrong format, corrupt, encrypted, too large...).
 * The reason code is stable; the message says what is wrong in plain words.
 */
public class UnreadableFileException extends Exception {

	private final String reason;

	public UnreadableFileException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	public UnreadableFileException(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** Stable code, e.g. "file-format", "file-corrupt", "file-encrypted". */
	public String reason() {
		return this.reason;
	}

}
