package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;


/**
 * Reads a submission file, choosing the reader by what the bytes are rather than by the extension
 * districts happen to give them. Everything that decides whether a file may be opened at all is
 * here, before any reader sees it.
 */
public final class Workbooks {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private static final int HEAD = 8192;

	private Workbooks() {
	}

	/**
	 * Offers the visible sheets of the file to the visitor in workbook order.
	 * @throws UnreadableFileException when the file is empty, corrupt, encrypted or not a
	 * supported spreadsheet
	 */
	public static void read(Path file, SheetVisitor visitor) throws UnreadableFileException {
		String name = file.getFileName().toString();
		byte[] head = head(file);
		if (head.length == 0) {
			throw new UnreadableFileException("file-empty", null, name + ": the file is empty.");
		}
		if (startsWith(head, ZIP)) {
			checkZip(file, name);
			XlsxReader.read(file, name, visitor);
		}
		else if (startsWith(head, OLE2)) {
			checkOle2(file, name);
			XlsReader.read(file, name, visitor);
		}
		else {
			checkText(head, name);
			CsvSheetReader.read(file, name, visitor);
		}
	}

	/** Whether a cell is worth passing on: NBSP or zero-width characters alone are blank too. */
	static boolean holdsSomething(Cell cell) {
		return cell != null && !cell.isBlank();
	}

	private static void checkZip(Path file, String name) throws UnreadableFileException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			String kind = null;
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry zipEntry = entries.nextElement();
				String entry = zipEntry.getName().toLowerCase(Locale.ROOT);
				if (entry.equals("xl/workbook.xml")) {
					checkTransitional(zip, zipEntry, name);
					return;
				}
				if (entry.equals("xl/workbook.bin")) {
					kind = "Excel Binary Workbook (.xlsb)";
				}
				else if (entry.equals("mimetype") || entry.equals("content.xml")) {
					kind = "OpenDocument Spreadsheet (.ods)";
				}
			}
			throw new UnreadableFileException("file-format", (kind != null) ? kind : "zip archive",
					name + ": " + ((kind != null) ? kind + " files are not supported" : "this is a zip archive, not a spreadsheet")
							+ "; save it as .xlsx.");
		}
		catch (ZipException ex) {
			throw new UnreadableFileException("file-corrupt", "not a readable zip", name + ": the file is damaged (not a readable zip).", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Strict Open XML uses other namespaces; POI cannot read it and Excel can save as transitional.
	private static void checkTransitional(ZipFile zip, ZipEntry workbook, String name)
			throws IOException, UnreadableFileException {
		try (InputStream in = zip.getInputStream(workbook)) {
			String start = new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
			if (start.contains("purl.oclc.org/ooxml/spreadsheetml/main")) {
				throw new UnreadableFileException("file-format", "Strict Open XML",
						name + ": Strict Open XML workbooks are not supported; save it as an ordinary Excel Workbook (.xlsx).");
			}
		}
		catch (ZipException ex) {
			throw new UnreadableFileException("file-corrupt", "not a readable zip", name + ": the file is damaged (not a readable zip).", ex);
		}
	}

	private static void checkOle2(Path file, String name) throws UnreadableFileException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("EncryptedPackage")) {
				throw new UnreadableFileException("file-encrypted", null,
						name + ": the workbook is protected with a password; save it without a password.");
			}
			if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK")) {
				return;
			}
			throw new UnreadableFileException("file-format",
					root.hasEntry("Book") ? "Excel 5.0/95 (BIFF5)" : "Office document that is not a workbook",
					name + ": " + (root.hasEntry("Book")
					? "Excel 5.0/95 workbooks are not supported; save it as .xlsx."
					: "this is an Office document but not an Excel workbook."));
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableFileException("file-corrupt", "not a readable Office file",
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
			throw new UnreadableFileException("file-format", "HTML web page", name + ": this is a web page (HTML) saved as " + extension
					+ "; open it in Excel and save it as Excel Workbook (.xlsx).");
		}
		if (start.startsWith("<?xml")) {
			boolean spreadsheetMl = start.contains("urn:schemas-microsoft-com:office:spreadsheet");
			throw new UnreadableFileException("file-format", spreadsheetMl ? "XML Spreadsheet 2003" : "XML",
					name + ": " + (spreadsheetMl
							? "this is an XML Spreadsheet 2003 saved as " + extension
									+ "; open it in Excel and save it as Excel Workbook (.xlsx)."
							: "this is an XML file, not a spreadsheet."));
		}
		if (!extension.equals(".csv") && !looksLikeText(head)) {
			throw new UnreadableFileException("file-format", "not a spreadsheet", name + ": this is not a spreadsheet.");
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

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(HEAD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
