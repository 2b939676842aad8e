package vn.tonghop.feedback;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import vn.tonghop.intake.FileNames;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.PartialFiles;

/**
 * Where a file's reports go on disk and how they are named. By default beside the file, in a
 * {@code reports} folder of its drop folder (input/004/x.xlsx → input/004/reports/x.xlsx.report.json
 * and x.xlsx.annotated.xlsx), which the scanner never takes; or, with a directory configured, under
 * that directory, mirroring the drop-folder tree. The names keep the file's whole name, extension
 * included: x.xlsx and x.csv side by side in one folder are two files, each with its reports. A
 * resubmission under the same name overwrites the earlier reports: the plain names always describe
 * the newest version (every version's reports stay in the database). A name too long for its
 * suffixes is shortened (see {@link FileNames#shorten}), the same way for both reports and every version.
 */
final class ReportFolders {

	private static final List<String> WORKBOOK_EXTENSIONS = List.of("xlsx", "xlsm", "xls");

	/** The longest suffix a report name has: {@code .annotated.xlsx}. */
	private static final int LONGEST_SUFFIX = ".annotated.xlsx".length();

	private final Path directory;

	/** @param directory one folder for all reports, or null for a reports folder beside each file */
	ReportFolders(Path directory) {
		this.directory = directory != null ? directory.toAbsolutePath().normalize() : null;
	}

	/** Whether reports go beside each file, in its drop folder, rather than to one folder for all. */
	boolean besideFiles() {
		return this.directory == null;
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
	 * Writes both reports under temporary names beside their final ones, so that a folder that
	 * cannot be written (permissions, disk full) shows before the outcome is committed. Publishing
	 * replaces the earlier reports at once and removes an earlier annotated workbook of another kind
	 * (x.xls.annotated.xls after a new x.xls that cannot be opened, whose listing is an .xlsx), or
	 * of any kind when this version has none.
	 * @param workbook null when none could be made
	 */
	Staged stage(Path folder, String fileName, byte[] json, ReportWorkbook workbook) throws IOException {
		return workbook != null ? stage(folder, fileName, json, workbook.extension(), workbook.content())
				: stage(folder, fileName, json, null, null);
	}

	/**
	 * As {@link #stage(Path, String, byte[], ReportWorkbook)}, from reports as they are stored.
	 * @param workbookExtension xlsx, xlsm or xls; null when there is no workbook
	 * @param workbook its bytes; null when there is none
	 */
	Staged stage(Path folder, String fileName, byte[] json, String workbookExtension, byte[] workbook)
			throws IOException {
		Files.createDirectories(folder);
		List<Path[]> files = new ArrayList<>();
		try {
			if (workbook != null) {
				files.add(partial(folder.resolve(workbookName(fileName, workbookExtension)), workbook));
			}
			// Last, so that it is published last.
			files.add(partial(folder.resolve(jsonName(fileName)), json));
		}
		catch (IOException ex) {
			for (Path[] file : files) {
				Files.deleteIfExists(file[0]);
			}
			throw ex;
		}
		// Without a workbook of its own, the version's JSON report must not sit beside an earlier version's.
		List<Path> stale = new ArrayList<>();
		for (String extension : WORKBOOK_EXTENSIONS) {
			if (!extension.equals(workbookExtension)) {
				stale.add(folder.resolve(workbookName(fileName, extension)));
			}
		}
		return new Staged(files, stale);
	}

	private static Path[] partial(Path target, byte[] content) throws IOException {
		Path partial = target.resolveSibling(PartialFiles.name(".tmp"));
		Files.write(partial, content);
		return new Path[] { partial, target };
	}

	/** Reports written under temporary names: published once the outcome is committed, else discarded. */
	static final class Staged {

		private final List<Path[]> files;

		private final List<Path> stale;

		private Staged(List<Path[]> files, List<Path> stale) {
			this.files = files;
			this.stale = stale;
		}

		/** In order, the JSON report last: one in place is a whole publication (see SubmissionFeedback#publishMissing). */
		void publish() throws IOException {
			for (Path path : this.stale) {
				Files.deleteIfExists(path);
			}
			for (Path[] file : this.files) {
				try {
					Files.move(file[0], file[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(file[0], file[1], StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}

		void discard() throws IOException {
			for (Path[] file : this.files) {
				Files.deleteIfExists(file[0]);
			}
		}

	}

	/**
	 * The district's whole name, shortened to leave room for the longest suffix, so that the two
	 * reports on a file share it. The extension stays: without it x.xlsx and x.csv in one folder
	 * would write over each other's reports.
	 */
	private static String base(String fileName) {
		return FileNames.shorten(fileName, FileNames.MAX_BYTES - LONGEST_SUFFIX);
	}

}
