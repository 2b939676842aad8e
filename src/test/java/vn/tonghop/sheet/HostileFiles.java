package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Hostile submissions written in code: bombs, unsafe XML, encrypted and damaged files. Public so
 * the command-line tests can drop them into a folder too.
 */
public final class HostileFiles {

	public static final String SHEET = "xl/worksheets/sheet1.xml";

	public static final String SHARED_STRINGS = "xl/sharedStrings.xml";

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private HostileFiles() {
	}

	/** A small valid submission with the canonical header, in .xlsx or .xls. */
	public static byte[] submission(boolean xlsx) {
		try (Workbook workbook = xlsx ? new XSSFWorkbook() : new HSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Báo cáo");
			String[][] rows = { { "Đơn vị báo cáo: Quận ủy Long Biên" }, { "Hội nghị: NQDH13" }, {},
					{ "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" },
					{ "1", "Phường Bồ Đề", "Phường", "120", "5" }, { "2", "Phường Cự Khối", "Phường", "80", "0" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (r >= 4 && c >= 3) {
						row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
					}
					else {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The entries of a zip, in order. */
	public static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try {
			Path file = Files.createTempFile("unzip", ".zip");
			try {
				Files.write(file, zip);
				try (ZipFile zipFile = new ZipFile(file.toFile())) {
					for (Enumeration<? extends ZipEntry> e = zipFile.entries(); e.hasMoreElements();) {
						ZipEntry entry = e.nextElement();
						try (InputStream in = zipFile.getInputStream(entry)) {
							entries.put(entry.getName(), in.readAllBytes());
						}
					}
				}
			}
			finally {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	public static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The valid .xlsx submission with some parts replaced (or added). */
	public static byte[] xlsxWith(Map<String, byte[]> parts) {
		Map<String, byte[]> entries = unzip(submission(true));
		entries.putAll(parts);
		return zip(entries);
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A sheet part: its XML declaration and worksheet element around {@code body}. */
	public static String worksheet(String prolog, String sheetData) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + prolog + "<worksheet xmlns=\"" + MAIN
				+ "\"><sheetData>" + sheetData + "</sheetData></worksheet>";
	}

	/** Ten levels of entities, each ten of the one below: a billion "lol"s from a few hundred bytes. */
	public static String billionLaughs(String root) {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
		}
		return dtd.append("]>\n").toString();
	}

	/** A worksheet whose only cell is written many times over: it inflates a thousandfold. */
	public static byte[] zipBomb(int megabytes) {
		String row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>0</t></is></c></row>";
		StringBuilder sheetData = new StringBuilder(megabytes << 20);
		while (sheetData.length() < (megabytes << 20)) {
			sheetData.append(row);
		}
		return xlsxWith(Map.of(SHEET, utf8(worksheet("", sheetData.toString()))));
	}

	/** Shared strings: {@code count} distinct strings of about {@code length} characters. */
	public static byte[] sharedStrings(int count, int length) {
		Random random = new Random(count);
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
				+ "\" count=\"" + count + "\" uniqueCount=\"" + count + "\">");
		char[] text = new char[length];
		for (int i = 0; i < count; i++) {
			for (int c = 0; c < length; c++) {
				text[c] = (char) ('a' + random.nextInt(26));
			}
			xml.append("<si><t>").append(text).append("</t></si>");
		}
		return utf8(xml.append("</sst>").toString());
	}

	/** An .xlsx encrypted with a password, as Excel writes one: an OLE2 file with an EncryptedPackage. */
	public static byte[] encryptedXlsx() {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
			encryptor.confirmPassword("matkhau");
			try (OutputStream data = encryptor.getDataStream(fs)) {
				data.write(submission(true));
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An .xls with a password to open: BIFF8 with a FILEPASS record, RC4-encrypted. */
	public static byte[] encryptedXls() {
		Biff8EncryptionKey.setCurrentUserPassword("matkhau");
		try {
			return submission(false);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
	}

	/** An OLE2 file holding one stream, e.g. "Book" (Excel 5.0/95) or "Workbook". */
	public static byte[] ole2(String stream, byte[] content) {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			DirectoryNode root = fs.getRoot();
			root.createDocument(stream, new ByteArrayInputStream(content));
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A BIFF BOF record: the first record of every Excel stream, here for BIFF5 (Excel 5.0/95). */
	public static byte[] biff5Start() {
		return new byte[] { 0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00,
				0x00 };
	}

	/** A bare Excel 4.0 worksheet: BIFF4 BOF, then EOF. */
	public static byte[] biff4() {
		return new byte[] { 0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00 };
	}

	/** {@code length} bytes that start with {@code magic} and continue at random. */
	public static byte[] randomAfter(byte[] magic, int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		System.arraycopy(magic, 0, bytes, 0, magic.length);
		return bytes;
	}

	public static Path write(Path dir, String name, byte[] bytes) {
		try {
			Files.createDirectories(dir);
			return Files.write(dir.resolve(name), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
