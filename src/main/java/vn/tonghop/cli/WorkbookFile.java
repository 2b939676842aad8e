package vn.tonghop.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import vn.tonghop.intake.PartialFiles;
import vn.tonghop.report.UnknownReportSubjectException;

/** Writes a generated workbook to the path a command was given, whole or not at all. */
final class WorkbookFile {

	private WorkbookFile() {
	}

	/**
	 * Refuses, as a usage error, a name that is not an .xlsx file's: Excel refuses to open a workbook
	 * whose extension says another format, and a district would not know what it was sent.
	 */
	static Path checked(CommandSpec spec, Path out) {
		if (misnamed(out)) {
			throw new ParameterException(spec.commandLine(), "--out must name an .xlsx file, not " + out);
		}
		return out;
	}

	static boolean misnamed(Path out) {
		Path name = out.getFileName();
		return name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
	}

	/**
	 * @param staleAfter how long a workbook half-written beside the target (by a command killed while
	 * writing) is left alone: a command writing there now wrote to its own a moment ago
	 * @return the command's exit code: 0 written, 1 refused or not writable (the reason printed)
	 */
	static int write(Path target, Duration staleAfter, Writer writer) {
		// Moved onto, an empty folder would be replaced by the workbook.
		if (Files.isDirectory(target)) {
			System.err.println("Cannot write " + target + ": it is a folder; name the file to write");
			return 1;
		}
		Path parent = target.toAbsolutePath().getParent();
		Path firstMade = firstMissing(parent);
		try {
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
			removeMade(parent, firstMade);
			return 1;
		}
		catch (IOException ex) {
			System.err.println("Cannot write " + target + ": " + reason(ex));
			removeMade(parent, firstMade);
			return 1;
		}
	}

	/** The outermost folder of {@code folder}'s path that does not exist yet, or null. */
	private static Path firstMissing(Path folder) {
		Path missing = null;
		for (Path p = folder; p != null && Files.notExists(p); p = p.getParent()) {
			missing = p;
		}
		return missing;
	}

	/** Takes back the folders made for a workbook that was not written, as long as they are still empty. */
	private static void removeMade(Path folder, Path firstMade) {
		if (firstMade == null) {
			return;
		}
		for (Path p = folder; p != null && p.startsWith(firstMade); p = p.getParent()) {
			try {
				Files.deleteIfExists(p);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	/**
	 * What went wrong, in words: the file system's exceptions carry a bare path as their message, and
	 * the path of the hidden file written first names a file the administrator never asked for.
	 */
	private static String reason(IOException ex) {
		if (!(ex instanceof FileSystemException failed) || failed.getFile() == null) {
			return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		Path file = Path.of(failed.getFile());
		if (file.getFileName().toString().startsWith(".tonghop-")) {
			return (ex instanceof AccessDeniedException ? "permission denied in " : "cannot create a file in ")
					+ file.getParent();
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied: " + file;
		}
		if (ex instanceof FileAlreadyExistsException) {
			return file + " is a file, not a folder";
		}
		if (ex instanceof NoSuchFileException) {
			return file + " does not exist";
		}
		return file + ": " + (failed.getReason() != null ? failed.getReason() : ex.getClass().getSimpleName());
	}

	interface Writer {

		void write(OutputStream out) throws IOException;

	}

}
