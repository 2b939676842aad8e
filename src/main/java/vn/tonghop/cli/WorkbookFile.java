package vn.tonghop.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

import vn.tonghop.intake.PartialFiles;
import vn.tonghop.report.UnknownReportSubjectException;

/** Writes a generated workbook to the path a command was given, whole or not at all. */
final class WorkbookFile {

	private WorkbookFile() {
	}

	/**
	 * @param staleAfter how long a workbook half-written beside the target (by a command killed while
	 * writing) is left alone: a command writing there now wrote to its own a moment ago
	 * @return the command's exit code: 0 written, 1 refused or not writable (the reason printed)
	 */
	static int write(Path target, Duration staleAfter, Writer writer) {
		try {
			Path parent = target.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			PartialFiles.sweep(parent, Instant.now().minus(staleAfter));
			// Written beside the target and moved, so a failed run never leaves half a workbook; not
			// through createTempFile, whose owner-only permissions the moved report would keep.
			Path partial = parent.resolve(PartialFiles.name(".part"));
			try {
				try (OutputStream stream = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE)) {
					writer.write(stream);
				}
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(partial);
			}
			System.out.println("Wrote " + target);
			return 0;
		}
		catch (UnknownReportSubjectException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			System.err.println("Cannot write " + target + ": " + ex.getMessage());
			return 1;
		}
	}

	interface Writer {

		void write(OutputStream out) throws IOException;

	}

}
