package vn.tonghop.jobs;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.tonghop.feedback.FeedbackProperties;
import vn.tonghop.intake.FolderNesting;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.IntakeProperties;

/**
 * Refuses to start with the archive or the reports folder where a scan of the drop folder would
 * find them: every archived copy, or every report workbook, would be taken for a district's new
 * submission, and its report would be one more file to take at the next scan.
 */
@Component
final class FolderLayout {

	FolderLayout(IntakeProperties intake, FeedbackProperties feedback) {
		Path input = intake.input();
		if (FolderNesting.isInside(input, intake.archive())) {
			throw new FolderLayoutException("The drop folder " + input + " (tonghop.intake.input) is inside the archive "
					+ intake.archive() + " (tonghop.intake.archive): keep the two apart");
		}
		String problem = problem(input, " (tonghop.intake.input)", intake, feedback);
		if (problem != null) {
			throw new FolderLayoutException(problem);
		}
	}

	/**
	 * Why a scan of this folder would take tonghop's own files for submissions, or null: checked for
	 * every run too, since a command or a schedule may name another folder than the drop folder.
	 * @param named how the folder was given, after its path in the message
	 */
	static String problem(Path input, String named, IntakeProperties intake, FeedbackProperties feedback) {
		String archive = scanned(intake.archive(), "The archive", "tonghop.intake.archive", input, named);
		if (archive != null || feedback.directory() == null) {
			return archive;
		}
		return scanned(feedback.directory(), "The reports folder", "tonghop.feedback.directory", input, named);
	}

	private static String scanned(Path folder, String what, String property, Path input, String named) {
		if (!isScanned(folder, input)) {
			return null;
		}
		return ("%s %s (%s) is %sthe drop folder %s%s, so a scan would take its files for submissions: move it out, "
				+ "or into a folder named reports or starting with a dot there").formatted(what, folder, property,
						FolderNesting.isInside(folder, input) ? "inside " : "", input, named);
	}

	/**
	 * Whether a scan of the drop folder walks into the folder: it is the drop folder, or inside it
	 * and under no folder a scan skips.
	 */
	static boolean isScanned(Path folder, Path input) {
		Path where = folder.toAbsolutePath().normalize();
		Path drop = input.toAbsolutePath().normalize();
		if (!where.equals(drop) && !FolderNesting.isInside(folder, input)) {
			return false;
		}
		// Inside only through a link, the names between are unknown: the scan may well walk into it.
		if (!where.startsWith(drop)) {
			return true;
		}
		for (Path name : drop.relativize(where)) {
			if (InputScanner.skipsFolder(name.toString())) {
				return false;
			}
		}
		return true;
	}

	/** The folders are laid out so that files would be taken twice. */
	static final class FolderLayoutException extends RuntimeException {

		FolderLayoutException(String message) {
			super(message);
		}

	}

}
