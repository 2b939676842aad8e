package vn.tonghop.sheet;

import java.util.List;

/**
 * The file cannot be read as a submission at all (wrong format, corrupt, encrypted, too large...).
 * The reason is the code of the rule that rejects the file (but for {@link #VANISHED}); the
 * arguments fill that rule's message (the format's name, the limit that was hit), in Vietnamese and
 * English alike; the message says it all in plain English words for logs.
 */
public class UnreadableFileException extends Exception {

	/**
	 * The file is not there (any more). No rule of a submission's: the file read is the archived
	 * copy, and one missing is the archive's fault, not the district's.
	 */
	public static final String VANISHED = "file-vanished";

	private final String reason;

	private final List<Phrase> arguments;

	private String sheet;

	private int row;

	private String column;

	UnreadableFileException(String reason, Phrase detail, String message) {
		this(reason, detail, message, null);
	}

	UnreadableFileException(String reason, Phrase detail, String message, Throwable cause) {
		this(reason, (detail != null) ? List.of(detail) : List.of(), message, cause);
	}

	private UnreadableFileException(String reason, List<Phrase> arguments, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.arguments = List.copyOf(arguments);
	}

	/** For rules whose message takes several arguments, such as file-too-large (size, limit). */
	static UnreadableFileException withArguments(String reason, List<Phrase> arguments, String message) {
		return new UnreadableFileException(reason, arguments, message, null);
	}

	/** The same, found in one cell: the district is shown where (a CSV's quote never closed). */
	UnreadableFileException at(String sheet, int row, String column) {
		this.sheet = sheet;
		this.row = row;
		this.column = column;
		return this;
	}

	/** The sheet of the cell where the file could be read no further, or null when the file as a whole is at fault. */
	public String sheet() {
		return this.sheet;
	}

	/** That cell's row as Excel shows it, 0 when there is no cell. */
	public int row() {
		return this.row;
	}

	/** That cell's column letters, or null. */
	public String column() {
		return this.column;
	}

	/** Stable rule code, e.g. "file-format", "file-corrupt", "file-encrypted". */
	public String reason() {
		return this.reason;
	}

	/** The first argument of the rule's message, e.g. the format "OpenDocument Spreadsheet (.ods)"; may be null. */
	Phrase detail() {
		return this.arguments.isEmpty() ? null : this.arguments.get(0);
	}

	/** Every argument of the rule's message, in order; empty when it takes none. */
	public List<Phrase> arguments() {
		return this.arguments;
	}

}
