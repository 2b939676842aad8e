package vn.tonghop.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.concurrent.Semaphore;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.tonghop.feedback.Listing.Copy;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;

/**
 * Chooses and writes the workbook a district gets back: the submitted workbook annotated when it
 * can be opened and is small enough to hold in memory, else a listing of the problems.
 */
final class ReportWorkbooks {

	private static final Logger log = LoggerFactory.getLogger(ReportWorkbooks.class);

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	/** A workbook over this share of the largest annotated one is large. */
	private static final int LARGE_SHARE = 4;

	private final long maxSize;

	private final ReadLimits limits;

	private final Semaphore large = new Semaphore(1);

	/**
	 * @param maxSize the largest .xls (file size) or .xlsx (unpacked size) annotated in memory, and
	 * the largest file copied whole into a listing
	 * @param limits what a listing's copy of the file's rows is read under: those the file was read under
	 */
	ReportWorkbooks(long maxSize, ReadLimits limits) {
		this.maxSize = maxSize;
		this.limits = limits;
	}

	/** @param checks what reading the file found, so that a listing's copy of its rows need not check it again */
	ReportWorkbook write(Path file, SubmissionReport report, FileChecks checks) throws IOException {
		if (!readable(file, report)) {
			return Listing.write(file, report, Copy.NONE, this.limits, checks);
		}
		byte[] head = head(file);
		boolean zip = Arrays.equals(head, 0, ZIP.length, ZIP, 0, ZIP.length);
		boolean ole2 = Arrays.equals(head, OLE2);
		long size = zip ? unpacked(file, this.maxSize) : Files.size(file);
		boolean fits = size <= this.maxSize;
		if (fits && (zip || ole2)) {
			try {
				return annotate(file, report, zip, size);
			}
			catch (IOException | RuntimeException ex) {
				// POI's user model throws many unchecked kinds on odd files the streaming readers accepted;
				// as in SubmissionProcessor.read, a file must never stop the run: list its problems instead.
				log.warn("Could not annotate {} ({}); writing a listing instead", report.file().path(), ex.toString());
			}
		}
		return Listing.write(file, report, fits ? Copy.ALL : Copy.PROBLEM_ROWS, this.limits, checks);
	}

	/**
	 * Annotates in memory. Workers annotate small files side by side, but a large one holds a
	 * sizeable share of the heap: large ones take turns, so workers never hold two at once.
	 */
	private ReportWorkbook annotate(Path file, SubmissionReport report, boolean zip, long size) throws IOException {
		boolean large = size > this.maxSize / LARGE_SHARE;
		if (large) {
			this.large.acquireUninterruptibly();
		}
		try {
			return zip ? Annotator.xlsx(file, report) : Annotator.xls(file, report);
		}
		finally {
			if (large) {
				this.large.release();
			}
		}
	}

	/** Whether the readers could open the file at all: no file-level rule (file-encrypted, file-corrupt...) fired. */
	private static boolean readable(Path file, SubmissionReport report) {
		return Files.isRegularFile(file) && report.problems().stream().noneMatch(p -> p.code().startsWith("file-"));
	}

	/**
	 * Counts what the entries really inflate to, not what their headers claim, stopping past the
	 * limit. A damaged zip is not worth opening in memory: it counts as over.
	 * @return the unpacked size, or {@link Long#MAX_VALUE} when over the limit
	 */
	static long unpacked(Path file, long limit) throws IOException {
		long total = 0;
		byte[] buffer = new byte[1 << 16];
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				try (InputStream in = zip.getInputStream(entries.nextElement())) {
					for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
						total += n;
						if (total > limit) {
							return Long.MAX_VALUE;
						}
					}
				}
			}
		}
		catch (ZipException ex) {
			return Long.MAX_VALUE;
		}
		return total;
	}

	private static byte[] head(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.copyOf(in.readNBytes(OLE2.length), OLE2.length);
		}
	}

}
