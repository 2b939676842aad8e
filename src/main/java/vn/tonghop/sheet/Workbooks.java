package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RecordFormatException;

/**
 * Reads a submission file, choosing the reader by what the bytes are rather than by the extension
 * districts happen to give them. Everything that decides whether a file may be opened at all is
 * here, before any reader sees it: its size, its format, and for zips and .xls what they would
 * unfold to ({@link ReadLimits}). Every reader works behind a {@link LimitedVisitor}.
 */
public final class Workbooks {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private static final int HEAD = 8192;

	/**
	 * From this size on, a second core parses while the first takes the rows, and inflates a zip's
	 * entry while the first scans it ({@link ZipLimits}): below it, not worth a thread.
	 */
	static final long READ_AHEAD_FROM = 1 << 20;

	private Workbooks() {
	}

	/** {@link #read(Path, ReadLimits, SheetVisitor)} with the default limits. */
	public static void read(Path file, SheetVisitor visitor) throws UnreadableFileException {
		read(file, ReadLimits.defaults(), visitor);
	}

	/**
	 * Offers the visible sheets of the file to the visitor in workbook order.
	 * @throws UnreadableFileException when the file is missing, empty, too large, corrupt,
	 * encrypted, unsafe, over a limit or not a supported spreadsheet
	 */
	public static void read(Path file, ReadLimits limits, SheetVisitor visitor) throws UnreadableFileException {
		read(file, limits, new FileChecks(), visitor);
	}

	/**
	 * Offers the visible sheets of the file to the visitor in workbook order, without checking a zip
	 * again that {@code checks} has seen pass.
	 * @throws UnreadableFileException when the file is missing, empty, too large, corrupt,
	 * encrypted, unsafe, over a limit or not a supported spreadsheet
	 */
	public static void read(Path file, ReadLimits limits, FileChecks checks, SheetVisitor visitor)
			throws UnreadableFileException {
		String name = file.getFileName().toString();
		try {
			long size = Files.size(file);
			if (size == 0) {
				throw new UnreadableFileException("file-empty", null, name + ": the file is empty.");
			}
			byte[] head = head(file);
			boolean ole2 = startsWith(head, OLE2);
			long max = (ole2 ? limits.maxXlsSize() : limits.maxFileSize()).toBytes();
			if (size > max) {
				Phrase actual = Sizes.bytes(size);
				Phrase limit = Sizes.bytes(max);
				throw UnreadableFileException.withArguments("file-too-large", List.of(actual, limit),
						name + ": the file is " + actual.en() + ", over the limit of " + limit.en()
								+ (ole2 ? " for .xls files" : "") + ".");
			}
			LimitedVisitor limited = new LimitedVisitor(visitor, limits);
			if (startsWith(head, ZIP)) {
				SheetMerges merges = checks.merges(file, limits);
				if (merges == null) {
					merges = checkZip(file, name, limits);
					checks.passed(file, limits, merges);
				}
				XlsxReader.read(file, name, limits, merges, limited);
			}
			else if (ole2) {
				checkOle2(file, name, limits);
				XlsReader.read(file, name, limited);
			}
			else {
				checkText(head, name);
				CsvSheetReader.read(file, name, size, limits, limited);
			}
		}
		catch (LimitExceededException ex) {
			throw overLimit(name, ex);
		}
		catch (NoSuchFileException ex) {
			throw new UnreadableFileException(UnreadableFileException.VANISHED, null,
					name + ": the file was removed or moved before it could be read.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * As {@link #read(Path, ReadLimits, FileChecks, SheetVisitor)}, parsing a large file on a thread
	 * of its own while the visitor takes its rows on this one ({@link ReadAhead}).
	 */
	static void readAhead(Path file, ReadLimits limits, FileChecks checks, SheetVisitor visitor)
			throws UnreadableFileException {
		if (sizeOrZero(file) < READ_AHEAD_FROM) {
			read(file, limits, checks, visitor);
		}
		else {
			try {
				ReadAhead.read((ahead) -> read(file, limits, checks, ahead), visitor);
			}
			catch (LimitExceededException ex) {
				// A limit the visitor keeps (labels, host units), thrown on this thread rather than inside the read.
				throw overLimit(file.getFileName().toString(), ex);
			}
		}
	}

	private static UnreadableFileException overLimit(String name, LimitExceededException ex) {
		return new UnreadableFileException("file-over-limit", ex.limit(),
				name + ": the file exceeds a safety limit: " + ex.limit().en() + ".", ex);
	}

	private static long sizeOrZero(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			// Read on this thread, which tells what is wrong with the file.
			return 0;
		}
	}

	/** Whether a cell is worth passing on: NBSP or zero-width characters alone are blank too. */
	static boolean holdsSomething(Cell cell) {
		return cell != null && !cell.isBlank();
	}

	private static SheetMerges checkZip(Path file, String name, ReadLimits limits) throws UnreadableFileException {
		try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			ZipArchiveEntry workbook = workbookEntry(entries, name);
			SheetMerges merges = ZipLimits.check(zip, entries, name, limits);
			checkTransitional(zip, workbook, name);
			ZipLimits.applyToPoi(limits);
			return merges;
		}
		catch (UnsupportedZipFeatureException ex) {
			if (ex.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION) {
				throw new UnreadableFileException("file-encrypted", null,
						name + ": the zip is protected with a password; save the workbook without a password.", ex);
			}
			throw corruptZip(name, ex);
		}
		catch (IOException ex) {
			throw corruptZip(name, ex);
		}
	}

	/** The workbook part, or the reason there is none: another format in a zip. */
	private static ZipArchiveEntry workbookEntry(List<ZipArchiveEntry> entries, String name)
			throws UnreadableFileException {
		Detail kind = null;
		for (ZipArchiveEntry zipEntry : entries) {
			String entry = zipEntry.getName().toLowerCase(Locale.ROOT);
			if (entry.equals("xl/workbook.xml")) {
				return zipEntry;
			}
			if (entry.equals("xl/workbook.bin")) {
				kind = Detail.XLSB;
			}
			else if (entry.equals("mimetype") || entry.equals("content.xml")) {
				kind = Detail.ODS;
			}
		}
		Phrase format = ((kind != null) ? kind : Detail.ZIP).with();
		throw new UnreadableFileException("file-format", format,
				name + ": " + ((kind != null) ? format.en() + " files are not supported"
						: "this is a zip archive, not a spreadsheet") + "; save it as .xlsx.");
	}

	private static UnreadableFileException corruptZip(String name, IOException ex) {
		return new UnreadableFileException("file-corrupt", Detail.ZIP_UNREADABLE.with(),
				name + ": the file is damaged (not a readable zip).", ex);
	}

	// Strict Open XML uses other namespaces; POI cannot read it and Excel can save as transitional.
	private static void checkTransitional(ZipFile zip, ZipArchiveEntry workbook, String name)
			throws IOException, UnreadableFileException {
		try (InputStream in = zip.getInputStream(workbook)) {
			String start = new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
			if (start.contains("purl.oclc.org/ooxml/spreadsheetml/main")) {
				throw new UnreadableFileException("file-format", Detail.STRICT_OPEN_XML.with(),
						name + ": Strict Open XML workbooks are not supported; save it as an ordinary Excel Workbook (.xlsx).");
			}
		}
	}

	private static void checkOle2(Path file, String name, ReadLimits limits) throws UnreadableFileException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("EncryptedPackage")) {
				throw new UnreadableFileException("file-encrypted", null,
						name + ": the workbook is protected with a password; save it without a password.");
			}
			String stream = root.hasEntry("Workbook") ? "Workbook" : root.hasEntry("WORKBOOK") ? "WORKBOOK" : null;
			boolean biff8 = false;
			if (stream != null) {
				try (DocumentInputStream in = root.createDocumentInputStream(stream)) {
					biff8 = BiffLimits.check(in, limits);
				}
				if (biff8) {
					return;
				}
			}
			boolean biff5 = stream != null || root.hasEntry("Book");
			throw new UnreadableFileException("file-format", (biff5 ? Detail.BIFF5 : Detail.OFFICE_NOT_WORKBOOK).with(),
					name + ": " + (biff5
					? "Excel 5.0/95 workbooks are not supported; save it as .xlsx."
					: "this is an Office document but not an Excel workbook."));
		}
		catch (IOException | RecordFormatException | IndexOutOfBoundsException | IllegalArgumentException
				| IllegalStateException | NegativeArraySizeException | NoSuchElementException ex) {
			// What damaged OLE2 headers and sector chains surface as, found by FuzzTests.
			throw new UnreadableFileException("file-corrupt", Detail.OFFICE_FILE_UNREADABLE.with(),
					name + ": the file is damaged and cannot be opened.", ex);
		}
	}

	private static void checkText(byte[] head, String name) throws UnreadableFileException {
		String start = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		String extension = extension(name);
		if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")
				|| start.startsWith("mime-version:") || (start.startsWith("<?xml") && start.contains("<html"))) {
			throw new UnreadableFileException("file-format", Detail.HTML.with(), name + ": this is a web page (HTML) saved as "
					+ extension + "; open it in Excel and save it as Excel Workbook (.xlsx).");
		}
		if (start.startsWith("<?xml")) {
			boolean spreadsheetMl = start.contains("urn:schemas-microsoft-com:office:spreadsheet");
			throw new UnreadableFileException("file-format", (spreadsheetMl ? Detail.XML_SPREADSHEET_2003 : Detail.XML).with(),
					name + ": " + (spreadsheetMl
							? "this is an XML Spreadsheet 2003 saved as " + extension
									+ "; open it in Excel and save it as Excel Workbook (.xlsx)."
							: "this is an XML file, not a spreadsheet."));
		}
		// A bare BIFF2-4 stream starts with its BOF record: id 0x0009, 0x0209 or 0x0409, length 4 or 6.
		if (head.length >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04)
				&& (head[2] == 4 || head[2] == 6) && head[3] == 0x00) {
			throw new UnreadableFileException("file-format", Detail.BIFF4.with(),
					name + ": workbooks from Excel 4.0 or older are not supported; save it as .xlsx.");
		}
		if (!extension.equals(".csv") && !looksLikeText(head)) {
			throw new UnreadableFileException("file-format", Detail.NOT_A_SPREADSHEET.with(),
					name + ": this is not a spreadsheet.");
		}
	}

	private static boolean looksLikeText(byte[] head) {
		if (CsvSheetReader.hasUtf16Bom(head)) {
			return true;
		}
		int control = 0;
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
			if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				control++;
			}
		}
		return control * 100 < head.length;
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "a file without extension" : name.substring(dot).toLowerCase(Locale.ROOT);
	}

	private static byte[] head(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(HEAD);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
