package vn.tonghop.feedback;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import vn.tonghop.intake.InputScanner;

/**
 * Where a file's reports go on disk and how they are named. By default beside the file, in a
 * {@code reports} folder of its drop folder (input/004/x.xlsx → input/004/reports/x.report.json
 * and x.annotated.xlsx), which the scanner never takes; or, with a directory configured, under
 * that directory, mirroring the drop-folder tree. A resubmission under the same name overwrites
 * the earlier reports: the plain names always describe the newest version (every version's
 * reports stay in the database).
 */
final class ReportFolders {

	private static final List<String> WORKBOOK_EXTENSIONS = List.of("xlsx", "xlsm", "xls");

	private final Path directory;

	/** @param directory one folder for all reports, or null for a reports folder beside each file */
	ReportFolders(Path directory) {
		this.directory = directory != null ? directory.toAbsolutePath().normalize() : null;
	}

	/**
	 * @param dropRoot the drop folder the file was taken from
	 * @param sourcePath where the file was found, relative to the drop folder
	 */
	Path folder(Path dropRoot, String sourcePath) {
		Path parent = Path.of(sourcePath).getParent();
		if (this.directory != null) {
			return parent != null ? this.directory.resolve(parent).normalize() : this.directory;
		}
		Path root = dropRoot.toAbsolutePath().normalize();
		return (parent != null ? root.resolve(parent).normalize() : root).resolve(InputScanner.REPORTS_FOLDER);
	}

	static String jsonName(String fileName) {
		return base(fileName) + ".report.json";
	}

	static String workbookName(String fileName, String extension) {
		return base(fileName) + ".annotated." + extension;
	}

	/**
	 * Writes both reports, each replacing the earlier one at once, and removes an earlier annotated
	 * workbook of another kind (an .xls version's after an .xlsx resubmission).
	 * @param workbook null when none could be made
	 */
	void write(Path folder, String fileName, byte[] json, ReportWorkbook workbook) throws IOException {
		Files.createDirectories(folder);
		replace(folder.resolve(jsonName(fileName)), json);
		if (workbook == null) {
			return;
		}
		replace(folder.resolve(workbookName(fileName, workbook.extension())), workbook.content());
		for (String extension : WORKBOOK_EXTENSIONS) {
			if (!extension.equals(workbook.extension())) {
				Files.deleteIfExists(folder.resolve(workbookName(fileName, extension)));
			}
		}
	}

	private static void replace(Path target, byte[] content) throws IOException {
		Path partial = target.resolveSibling("." + target.getFileName() + ".tmp");
		Files.write(partial, content);
		try {
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String base(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 ? fileName.substring(0, dot) : fileName;
	}

}
