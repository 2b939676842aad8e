package vn.tonghop.sheet;

/**
 * The file cannot be read as a submission at all (wrong format, corrupt, encrypted, too large...).
 * The reason is the code of the rule that rejects the file; the detail fills that rule's message
 * (the format's name, the limit that was hit); the message says it all in plain words for logs.
 */
public class UnreadableFileException extends Exception {

	private final String reason;

	private final String detail;

	public UnreadableFileException(String reason, String detail, String message) {
		this(reason, detail, message, null);
	}

	public UnreadableFileException(String reason, String detail, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.detail = detail;
	}

	/** Stable rule code, e.g. "file-format", "file-corrupt", "file-encrypted". */
	public String reason() {
		return this.reason;
	}

	/** What fills the rule's message, e.g. "OpenDocument (.ods)"; may be null. */
	public String detail() {
		return this.detail;
	}

}
