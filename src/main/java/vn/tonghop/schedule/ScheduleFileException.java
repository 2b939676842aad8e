package vn.tonghop.schedule;

import java.nio.file.Path;

/** A schedule file an administrator must fix; start-up stops with the file and line. */
class ScheduleFileException extends RuntimeException {

	private final Path file;

	ScheduleFileException(Path file, int line, String problem) {
		super(file + (line > 0 ? ":" + line : "") + ": " + problem);
		this.file = file;
	}

	Path file() {
		return this.file;
	}

}
