package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tonghop.sheet.HostileFiles.MAIN;
import static vn.tonghop.sheet.HostileFiles.SHARED_STRINGS;
import static vn.tonghop.sheet.HostileFiles.SHEET;
import static vn.tonghop.sheet.HostileFiles.utf8;
import static vn.tonghop.sheet.HostileFiles.worksheet;
import static vn.tonghop.sheet.HostileFiles.xlsxWith;

/**
 * Every kind of hostile file gets its own rule code and detail, and none of them costs more
 * memory or time than the limits allow.
 */
class HostileFilesTests {

	private static final Random RANDOM = new Random(42);

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	@TempDir
	Path dir;

	private HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			byte[] body = utf8("<!ENTITY leak \"fetched\">");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	// Formats that are not ours

	@Test
	void emptyFile() {
		assertRejected(write("empty.xlsx", new byte[0]), "file-empty", null);
	}

	@Test
	void strictOpenXml() {
		byte[] strict = xlsxWith(Map.of("xl/workbook.xml",
				utf8("<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"></workbook>")));

		assertRejected(write("strict.xlsx", strict), "file-format", "Strict Open XML");
	}

	@Test
	void openDocumentSpreadsheet() {
		Map<String, byte[]> ods = new LinkedHashMap<>();
		ods.put("mimetype", utf8("application/vnd.oasis.opendocument.spreadsheet"));
		ods.put("content.xml", utf8("<office:document-content/>"));
		ods.put("META-INF/manifest.xml", utf8("<manifest:manifest/>"));

		assertRejected(write("report.ods", HostileFiles.zip(ods)), "file-format", "OpenDocument Spreadsheet (.ods)");
	}

	@Test
	void excelBinaryWorkbook() {
		byte[] xlsb = HostileFiles.zip(Map.of("[Content_Types].xml", utf8("<Types/>"), "xl/workbook.bin", new byte[64]));

		assertRejected(write("report.xlsb", xlsb), "file-format", "Excel Binary Workbook (.xlsb)");
	}

	@Test
	void htmlSavedAsXls() {
		byte[] html = utf8("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table><tr><td>Tên điểm cầu"
				+ "</td></tr></table></body></html>");

		assertRejected(write("report.xls", html), "file-format", "HTML web page");
	}

	@Test
	void spreadsheetMl2003SavedAsXls() {
		byte[] xml = utf8("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
				+ "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet/></Workbook>");

		assertRejected(write("report.xls", xml), "file-format", "XML Spreadsheet 2003");
	}

	@Test
	void excel95InItsOwnStream() {
		byte[] biff5 = HostileFiles.ole2("Book", HostileFiles.biff5Start());

		assertRejected(write("report.xls", biff5), "file-format", "Excel 5.0/95 (BIFF5)");
	}

	@Test
	void excel95InAWorkbookStream() {
		byte[] biff5 = HostileFiles.ole2("Workbook", HostileFiles.biff5Start());

		assertRejected(write("report.xls", biff5), "file-format", "Excel 5.0/95 (BIFF5)");
	}

	@Test
	void excel4Worksheet() {
		assertRejected(write("report.xls", HostileFiles.biff4()), "file-format", "Excel 2.x-4.0 (BIFF2-4)");
	}

	@Test
	void wordDocument() {
		byte[] word = HostileFiles.ole2("WordDocument", new byte[64]);

		assertRejected(write("letter.xls", word), "file-format", "Office document that is not a workbook");
	}

	// Encrypted

	@Test
	void encryptedXlsx() {
		UnreadableFileException ex = assertRejected(write("secret.xlsx", HostileFiles.encryptedXlsx()), "file-encrypted",
				null);

		assertThat(ex.getMessage()).isEqualTo("secret.xlsx: the workbook is protected with a password; "
				+ "save it without a password.");
	}

	@Test
	void encryptedXls() {
		UnreadableFileException ex = assertRejected(write("secret.xls", HostileFiles.encryptedXls()), "file-encrypted",
				null);

		assertThat(ex.getMessage()).contains("protected with a password");
	}

	@Test
	void passwordProtectedZip() {
		byte[] xlsx = HostileFiles.submission(true);
		// General purpose flag bit 0, in every local and central header: the entries are encrypted.
		for (int i = 0; i < xlsx.length - 10; i++) {
			if (xlsx[i] == 'P' && xlsx[i + 1] == 'K' && xlsx[i + 2] == 3 && xlsx[i + 3] == 4) {
				xlsx[i + 6] |= 1;
			}
			else if (xlsx[i] == 'P' && xlsx[i + 1] == 'K' && xlsx[i + 2] == 1 && xlsx[i + 3] == 2) {
				xlsx[i + 8] |= 1;
			}
		}

		assertRejected(write("zipped.xlsx", xlsx), "file-encrypted", null);
	}

	// Damaged

	@Test
	void truncatedZip() {
		byte[] xlsx = HostileFiles.submission(true);

		assertRejected(write("cut.xlsx", Arrays.copyOf(xlsx, xlsx.length * 2 / 3)), "file-corrupt", "not a readable zip");
	}

	@Test
	void randomBytesAfterZipMagic() {
		assertRejected(write("noise.xlsx", HostileFiles.randomAfter(ZIP, 20_000, 1)), "file-corrupt",
				"not a readable zip");
	}

	@Test
	void damagedEntryInsideAZip() {
		byte[] xlsx = HostileFiles.submission(true);
		int sheet = indexOf(xlsx, utf8(SHEET)) + SHEET.length();
		// The sheet's deflated bytes follow its local header: garble them.
		for (int i = sheet + 10; i < sheet + 60; i++) {
			xlsx[i] ^= 0x5A;
		}

		assertRejected(write("garbled.xlsx", xlsx), "file-corrupt", "not a readable zip");
	}

	@Test
	void xlsxValueItsTypeCannotHoldNamesItsCell() {
		// given a number cell of "12a", and a shared string past the end of the table
		String number = worksheet("", "<row r=\"5\"><c r=\"H5\"><v>12a</v></c></row>");
		String string = worksheet("", "<row r=\"2\"><c r=\"AB2\" t=\"s\"><v>999999</v></c></row>");

		// when, then
		UnreadableFileException ex = assertRejected(write("number.xlsx", xlsxWith(Map.of(SHEET, utf8(number)))),
				"file-corrupt", "damaged Excel workbook: an unreadable value in Báo cáo!H5");
		assertThat(ex.getMessage())
			.isEqualTo("number.xlsx: the workbook is damaged and cannot be read: unreadable value \"12a\" in Báo cáo!H5.");
		assertRejected(write("string.xlsx", xlsxWith(Map.of(SHEET, utf8(string)))), "file-corrupt",
				"damaged Excel workbook: an unreadable value in Báo cáo!AB2");
	}

	@Test
	void truncatedOle2() {
		byte[] xls = HostileFiles.submission(false);

		assertRejected(write("cut.xls", Arrays.copyOf(xls, 600)), "file-corrupt", "not a readable Office file");
	}

	@Test
	void randomBytesAfterOle2Magic() {
		assertRejected(write("noise.xls", HostileFiles.randomAfter(OLE2, 20_000, 2)), "file-corrupt",
				"not a readable Office file");
	}

	@Test
	void csvQuoteNeverClosed() {
		// given a quote opened in B2 and never closed: the rows after it would all be one cell
		Path file = write("quote.csv", utf8("Tên;Số\nXã A;\"40\n" + "Xã B;50\n".repeat(5_000)));

		// when, then: named, rather than a cell over 32,767 characters
		assertRejected(file, "file-corrupt", "a quote opened in B2 is never closed");
	}

	@Test
	void csvQuoteNeverClosedBeforeMoreThanARecordHolds() {
		// given
		Path file = write("quote.csv", utf8("Tên;Số\nXã A;\"40\n" + "Xã B;50\n".repeat(150_000)));

		// when, then: the record limit stops it first, and says where the quote opened
		assertRejected(file, "file-over-limit", "a CSV record longer than 1,000,000 characters, inside a quote opened in B2");
	}

	// Zip bombs

	@Test
	void entryInflatingAThousandfold() {
		Path bomb = write("bomb.xlsx", HostileFiles.zipBomb(30));

		assertRejected(bomb, "file-over-limit",
				"xl/worksheets/sheet1.xml inflates more than 100 times its compressed size (a zip bomb)");
		assertThat(bomb.toFile().length()).isLessThan(200_000);
	}

	@Test
	void largeEntryInflatingPastTheRatioAfterAFairStart() {
		// given a sheet of more than 1 MiB compressed, inflated on a thread of its own: random rows, then
		// blanks that inflate five hundredfold
		String sheetData = randomRows(2 << 20) + " ".repeat(4 << 20);
		byte[] xlsx = xlsxWith(Map.of(SHEET, utf8(worksheet("", sheetData))));

		// when / then: judged on what was read, as when inflated on the reading thread
		assertRejected(write("late-bomb.xlsx", xlsx), limits("min-inflate-ratio", "0.5"), "file-over-limit",
				"xl/worksheets/sheet1.xml inflates more than 2 times its compressed size (a zip bomb)");
		assertThat(this.dir.resolve("late-bomb.xlsx").toFile().length()).isGreaterThan(1 << 20);
	}

	@Test
	void entryLargerThanTheLimit() {
		byte[] xlsx = xlsxWith(Map.of(SHEET, utf8(worksheet("", randomRows(3 << 20)))));

		assertRejected(write("big.xlsx", xlsx), limits("max-unzipped-entry-size", "2MB"), "file-over-limit",
				"xl/worksheets/sheet1.xml unzips to more than 2 MB");
	}

	@Test
	void entryLargerThanItsZipDeclares() {
		byte[] xlsx = xlsxWith(Map.of(SHEET, utf8(worksheet("", randomRows(3 << 20)))));
		declareSize(xlsx, SHEET, 1000);
		Path file = write("liar.xlsx", xlsx);

		assertRejected(file, limits("max-unzipped-entry-size", "2MB"), "file-over-limit",
				"xl/worksheets/sheet1.xml unzips to more than 2 MB");
	}

	@Test
	void entriesLargerTogetherThanTheLimit() {
		byte[] xlsx = xlsxWith(Map.of(SHEET, utf8(worksheet("", randomRows(2 << 20))), "xl/worksheets/sheet2.xml",
				utf8(worksheet("", randomRows(2 << 20)))));

		assertRejected(write("two.xlsx", xlsx), limits("max-unzipped-size", "3MB"), "file-over-limit",
				"the workbook unzips to more than 3 MB in all");
	}

	@Test
	void tooManyEntries() {
		Map<String, byte[]> parts = new HashMap<>();
		for (int i = 0; i < 1000; i++) {
			parts.put("xl/media/image" + i + ".png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		}

		assertRejected(write("many.xlsx", xlsxWith(parts)), "file-over-limit",
				"more than 1,000 files inside the workbook's zip");
	}

	@Test
	void stylesTooLargeToReadWhole() {
		StringBuilder styles = new StringBuilder("<?xml version=\"1.0\"?><styleSheet xmlns=\"" + MAIN + "\"><cellXfs>");
		for (int i = 0; styles.length() < (6 << 20); i++) {
			styles.append("<xf numFmtId=\"").append(i % 200).append("\" fontId=\"0\" xfId=\"").append(i).append("\"/>");
		}
		byte[] xlsx = xlsxWith(Map.of("xl/styles.xml", utf8(styles.append("</cellXfs></styleSheet>").toString())));

		assertRejected(write("styles.xlsx", xlsx), "file-over-limit",
				"xl/styles.xml is more than 5 MB of XML, which is read whole into memory");
	}

	@Test
	void tooManySheets() {
		StringBuilder sheets = new StringBuilder();
		for (int i = 1; i <= 10_001; i++) {
			sheets.append("<sheet name=\"S").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId1\"/>");
		}
		String workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"" + MAIN + "\" xmlns:r=\""
				+ "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheets
				+ "</sheets></workbook>";

		assertRejected(write("sheets.xlsx", xlsxWith(Map.of("xl/workbook.xml", utf8(workbook)))), "file-over-limit",
				"more than 10,000 sheets");
	}

	@Test
	void aStyleIndexTheWorkbookDoesNotHaveIsPlain() throws Exception {
		String sheet = worksheet("", "<row r=\"1\"><c r=\"A1\" s=\"2000000000\"><v>44282</v></c></row>");
		Recorder recorder = new Recorder();

		Workbooks.read(write("style.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), recorder);

		assertThat(recorder.rows.get(0).cell(0).text()).isEqualTo("44282");
		assertThat(recorder.rows.get(0).cell(0).date()).isNull();
	}

	// Shared string amplification

	@Test
	void tooManySharedStrings() {
		byte[] xlsx = xlsxWith(Map.of(SHARED_STRINGS, HostileFiles.sharedStrings(1001, 6)));

		assertRejected(write("strings.xlsx", xlsx), limits("max-shared-strings", "1000"), "file-over-limit",
				"more than 1,000 shared strings");
	}

	@Test
	void tooMuchSharedText() {
		byte[] xlsx = xlsxWith(Map.of(SHARED_STRINGS, HostileFiles.sharedStrings(4, 30_000)));

		assertRejected(write("text.xlsx", xlsx), limits("max-text-size", "100000"), "file-over-limit",
				"shared strings of more than 100,000 characters in all");
	}

	@Test
	void sharedStringLongerThanACell() {
		byte[] xlsx = xlsxWith(Map.of(SHARED_STRINGS, HostileFiles.sharedStrings(1, 40_000)));

		assertRejected(write("long.xlsx", xlsx), "file-over-limit", "a shared string longer than 32,767 characters");
	}

	// Unsafe XML: never expanded, never fetched

	@ParameterizedTest
	@ValueSource(strings = { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
			SHEET, SHARED_STRINGS, "xl/styles.xml", "docProps/core.xml" })
	void billionLaughsInAnyPart(String part) {
		byte[] xlsx = withDoctype(part, HostileFiles.billionLaughs("x"));

		assertRejected(write("laughs.xlsx", xlsx), "file-unsafe-xml",
				part + " declares a DOCTYPE (entities or an external DTD)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[Content_Types].xml", "xl/workbook.xml", SHEET, SHARED_STRINGS, "xl/styles.xml" })
	void externalEntitiesAreNeverFetched(String part) throws IOException {
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "TOP SECRET");
		String doctype = "<!DOCTYPE x [<!ENTITY % remote SYSTEM \"" + url() + "/dtd\"> %remote;"
				+ "<!ENTITY file SYSTEM \"" + secret.toUri() + "\">]>";
		Recorder recorder = new Recorder();

		assertRejected(write("xxe.xlsx", withDoctype(part, doctype)), ReadLimits.defaults(), recorder, "file-unsafe-xml",
				part + " declares a DOCTYPE (entities or an external DTD)");
		assertThat(this.requests).hasValue(0);
		assertThat(recorder.rows).isEmpty();
	}

	@Test
	void anSvgImageWithItsDoctypeIsNotRefused() throws Exception {
		Map<String, byte[]> entries = HostileFiles.unzip(HostileFiles.submission(true));
		String types = new String(entries.get("[Content_Types].xml"), StandardCharsets.UTF_8);
		entries.put("[Content_Types].xml",
				utf8(types.replace("<Default ", "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/><Default ")));
		entries.put("xl/media/image1.svg", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
				+ "\"" + url() + "/svg11.dtd\"><svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
		Recorder recorder = new Recorder();

		Workbooks.read(write("icon.xlsx", HostileFiles.zip(entries)), recorder);

		assertThat(recorder.rows).hasSize(5);
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void externalSchemaIsNeverFetched() {
		String workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"" + MAIN + "\" xmlns:xsi=\""
				+ "http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + MAIN + " " + url()
				+ "/sml.xsd\"><sheets/></workbook>";

		assertRejected(write("schema.xlsx", xlsxWith(Map.of("xl/workbook.xml", utf8(workbook)))), "file-unsafe-xml",
				"xl/workbook.xml refers to an external schema (schemaLocation)");
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void doctypeInUtf16IsFoundToo() {
		byte[] sheet = (worksheet(HostileFiles.billionLaughs("worksheet"), "").replace("UTF-8", "UTF-16"))
			.getBytes(StandardCharsets.UTF_16);

		assertRejected(write("utf16.xlsx", xlsxWith(Map.of(SHEET, sheet))), "file-unsafe-xml",
				SHEET + " declares a DOCTYPE (entities or an external DTD)");
	}

	@Test
	void anEncodingThatWouldHideTheDoctype() {
		byte[] sheet = utf8(worksheet("", "").replace("UTF-8", "IBM037"));

		assertRejected(write("ebcdic.xlsx", xlsxWith(Map.of(SHEET, sheet))), "file-unsafe-xml",
				SHEET + " is XML in the encoding IBM037, which hides its declarations from checks");
	}

	@Test
	void theParsersRefuseADoctypeEvenWithoutTheCheck() {
		Path file = write("xxe.xlsx", withDoctype(SHEET, "<!DOCTYPE x [<!ENTITY % r SYSTEM \"" + url() + "/d\"> %r;]>"));
		// As if the sheet had been scanned: the reader goes straight to its parser.
		SheetMerges scanned = new SheetMerges();
		scanned.part(SHEET);

		assertThatThrownBy(() -> XlsxReader.read(file, "xxe.xlsx", ReadLimits.defaults(), scanned, new Recorder()))
			.isInstanceOfSatisfying(UnreadableFileException.class, (ex) -> assertThat(ex.reason()).isEqualTo("file-corrupt"));
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void deepNesting() {
		String sheet = worksheet("", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>" + "<r>".repeat(2000)
				+ "</r>".repeat(2000) + "</is></c></row>");

		assertRejected(write("deep.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), "file-over-limit",
				"XML nested more than 1,000 levels deep in " + SHEET);
	}

	@Test
	void tagWithMoreAttributesThanTheLimit() {
		StringBuilder attributes = new StringBuilder();
		for (int i = 0; i <= XmlSafety.MAX_ATTRIBUTES; i++) {
			attributes.append(" a").append(i).append("=\"\"");
		}
		// In a worksheet the limit on different names comes first.
		String part = "<?xml version=\"1.0\"?><extra" + attributes + "/>";

		assertRejected(write("attributes.xlsx", xlsxWith(Map.of("xl/extra.xml", utf8(part)))), "file-over-limit",
				"more than 10,000 attributes in one XML tag in xl/extra.xml");
	}

	@Test
	void textLongerThanTheLimitInOnePiece() {
		// The sheet parser would hold it whole before the cell's own limit could stop it.
		String sheet = worksheet("", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + randomText(2 << 20)
				+ "</t></is></c></row>");

		assertRejected(write("text.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), limits("max-xml-part-size", "1MB"),
				"file-over-limit", "XML text longer than 1 MB in one piece in " + SHEET);
	}

	@Test
	void aSheetPartTypedAsSomethingElseIsScannedBeforeItIsParsed() {
		Map<String, byte[]> parts = HostileFiles.unzip(HostileFiles.submission(true));
		String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8)
			.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", "application/xml");
		String sheet = worksheet("", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + randomText(2 << 20)
				+ "</t></is></c></row>");

		assertRejected(write("typed.xlsx", xlsxWith(Map.of("[Content_Types].xml", utf8(types), SHEET, utf8(sheet)))),
				limits("max-xml-part-size", "1MB"), "file-over-limit",
				"XML text longer than 1 MB in one piece in " + SHEET);
	}

	@Test
	void aWorkbookPartTypedAsAWorksheetIsCheckedWholeBeforeItIsParsed() {
		// given the workbook part, which a relationship finds, typed as a worksheet by a later Override
		String part = "xl/workbook.xml";
		Map<String, byte[]> parts = HostileFiles.unzip(HostileFiles.submission(true));
		String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8).replace("</Types>",
				"<Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\" PartName=\"/"
						+ part + "\"/></Types>");
		String xml = new String(parts.get(part), StandardCharsets.UTF_8);
		int rootEnd = xml.lastIndexOf("</");
		String deep = xml.substring(0, rootEnd) + "<sheetData>" + "<d>".repeat(2_000) + "</d>".repeat(2_000) + "</sheetData>"
				+ xml.substring(rootEnd);

		assertRejected(write("typed.xlsx", xlsxWith(Map.of("[Content_Types].xml", utf8(types), part, utf8(deep)))),
				"file-over-limit", "XML nested more than 1,000 levels deep in " + part);
	}

	@Test
	void sheetWithMoreDifferentNamesThanTheLimitForTheStaxParser() {
		// A comment among the rows leaves the sheet to the StAX parser, whose name table the limit is for.
		String sheet = worksheet("", manyNames() + "<!-- a comment -->");

		assertRejected(write("names.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), "file-over-limit",
				"more than 10,000 different XML names in " + SHEET);
	}

	@Test
	void sheetWithMoreDifferentNamesThanTheLimitReadPlain() throws Exception {
		Recorder recorder = new Recorder();

		Workbooks.read(write("names.xlsx", xlsxWith(Map.of(SHEET, utf8(worksheet("", manyNames()))))), recorder);

		assertThat(recorder.rows).hasSize(1);
		assertThat(recorder.rows.get(0).cell(0).text()).isEqualTo("1");
	}

	@Test
	void sheetWithMoreDifferentNamesThanTheLimitHandedToTheStaxParserByItsProlog() {
		// The rows are skipped at intake; the comment before the root hands the sheet to the StAX parser.
		String sheet = worksheet("<!-- a comment -->", manyNames());

		assertRejected(write("names.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), "file-over-limit",
				"more than 10,000 different XML names in " + SHEET);
	}

	@Test
	void aDeclarationAmongRowsNeverReadIsRefusedToo() {
		String sheet = worksheet("", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><!ENTITY e SYSTEM \"" + url()
				+ "/e\"></row>");
		Recorder firstRowOnly = new Recorder();
		firstRowOnly.wantedUpTo = 1;

		assertRejected(write("entity.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), ReadLimits.defaults(), firstRowOnly,
				"file-unsafe-xml", SHEET + " holds a <!ENTITY declaration");
	}

	@Test
	void aMergeCellAmongTheRowsIsAppliedAsBefore() throws Exception {
		// given a merge listed, out of place, among the rows: A2 then reads as A1, not as its stale copy
		String sheet = worksheet("", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Chi bộ</t></is></c></row>"
				+ "<mergeCell ref=\"A1:A2\"/><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>stale</t></is></c>"
				+ "<c r=\"B2\"><v>7</v></c></row>");
		Recorder recorder = new Recorder();

		// when
		Workbooks.read(write("merge.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), recorder);

		// then
		assertThat(recorder.rows).hasSize(2);
		assertThat(recorder.rows.get(1).cells()).extracting(Cell::text).containsExactly("Chi bộ", "7");
	}

	private static String manyNames() {
		StringBuilder elements = new StringBuilder("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
		for (int i = 0; i <= XmlSafety.MAX_NAMES; i++) {
			elements.append("<n").append(i).append("/>");
		}
		return elements.toString();
	}

	@Test
	void tagLongerThanTheLimit() {
		String sheet = worksheet("", "<row r=\"1\" x=\"" + randomText(2 << 20) + "\"/>");

		assertRejected(write("tag.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), limits("max-xml-part-size", "1MB"),
				"file-over-limit", "an XML tag, comment or instruction longer than 1 MB in " + SHEET);
	}

	// Size

	@Test
	void fileLargerThanTheLimit() throws IOException {
		Path file = sparse("huge.csv", 52_428_801);

		UnreadableFileException ex = assertRejected(file, "file-too-large", "50 MB");

		assertThat(ex.arguments()).containsExactly(new Phrase("50 MB", "50 MB"), new Phrase("50 MB", "50 MB"));
	}

	@Test
	void sizesAreWrittenForPeople() throws IOException {
		Path file = sparse("report.xlsx", 32_925_696);

		UnreadableFileException ex = assertRejected(file, limits("max-file-size", "20MB"), "file-too-large", "31.4 MB");

		// then each language writes the fraction its own way
		assertThat(ex.arguments()).containsExactly(new Phrase("31,4 MB", "31.4 MB"), new Phrase("20 MB", "20 MB"));
		assertThat(ex.getMessage()).isEqualTo("report.xlsx: the file is 31.4 MB, over the limit of 20 MB.");
	}

	@Test
	void xlsHasItsOwnSmallerLimit() throws IOException {
		Path file = sparse("report.xls", 21 << 20);
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.write(OLE2);
		}

		UnreadableFileException ex = assertRejected(file, "file-too-large", "21 MB");

		assertThat(ex.arguments()).containsExactly(new Phrase("21 MB", "21 MB"), new Phrase("20 MB", "20 MB"));
	}

	// Rows, cells and records

	@Test
	void tooManyRows() {
		Path file = write("rows.csv", utf8("1\n".repeat(1_048_577)));

		assertRejected(file, "file-over-limit", "a sheet with more than 1,048,576 rows (sheet rows)");
	}

	@Test
	void tooManyCells() {
		Path file = write("cells.csv", utf8("1;2;3;4;5;6;7;8;9;10\n".repeat(1001)));

		assertRejected(file, limits("max-cells", "10000"), "file-over-limit", "a sheet with more than 10,000 non-empty cells (sheet cells)");
	}

	@Test
	void csvCellBeyondTheLastColumn() {
		Path file = write("wide.csv", utf8(";".repeat(ReadLimits.MAX_COLUMNS) + "x\n"));

		assertRejected(file, "file-over-limit", "a cell beyond column XFD (sheet wide, row 1)");
	}

	@Test
	void xlsxCellBeyondTheLastColumn() {
		String sheet = worksheet("", "<row r=\"1\"><c r=\"XFE1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");

		assertRejected(write("wide.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), "file-over-limit",
				"a cell beyond column XFD (sheet Báo cáo, row 1)");
	}

	@Test
	void xlsxRowWithMoreCellsThanColumns() {
		StringBuilder cells = new StringBuilder();
		for (int i = 0; i <= ReadLimits.MAX_COLUMNS; i++) {
			cells.append("<c r=\"A1\"><v>").append(RANDOM.nextInt()).append("</v></c>");
		}
		String sheet = worksheet("", "<row r=\"1\">" + cells + "</row>");

		assertRejected(write("wide.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), "file-over-limit",
				"more than 16,384 cells in row 1 (sheet Báo cáo)");
	}

	@Test
	void xlsxCellLongerThanExcelAllows() {
		String sheet = worksheet("", "<row r=\"14\"><c r=\"D14\" t=\"inlineStr\"><is><t>" + randomText(40_000)
				+ "</t></is></c></row>");

		assertRejected(write("long.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), "file-over-limit",
				"a cell of more than 32,767 characters (Báo cáo!D14)");
	}

	@Test
	void csvCellLongerThanExcelAllows() {
		assertRejected(write("long.csv", utf8("a\nb\nc;" + randomText(40_000) + "\n")), "file-over-limit",
				"a cell of more than 32,767 characters (long!B3)");
	}

	@Test
	void csvRecordLongerThanTheLimit() {
		String quoted = "\"" + "x\n".repeat(600_000) + "\"";

		assertRejected(write("record.csv", utf8("a;" + quoted + "\n")), "file-over-limit",
				"a CSV record longer than 1,000,000 characters, inside a quote opened in B1");
	}

	// Each label naming another unit is kept for the placer to resolve: a sheet of a million of them,
	// within every limit above, filled a 256 MB heap.
	@Test
	void moreUnitLabelsThanAFormHas() throws IOException {
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo;Quận ủy Long Biên\nSTT;Tên điểm cầu;Cấp;Số ĐV\n1;Xã A;Xã;10\n");
		for (int i = 1; i <= 101; i++) {
			csv.append("Đơn vị báo cáo;Xã ").append(i).append('\n');
		}
		Path file = write("labels.csv", utf8(csv.toString()));

		assertThatThrownBy(() -> TableRecognizer.read(file, (point) -> {
		})).isInstanceOfSatisfying(UnreadableFileException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo("file-over-limit");
			assertThat(ex.detail().en()).isEqualTo("more than 100 reporting unit labels (labels!B104)");
			assertThat(ex.detail().vi()).isEqualTo("hơn 100 nhãn đơn vị báo cáo (labels!B104)");
		});
	}

	@Test
	void moreConferenceLabelsThanAFormHas() throws IOException {
		StringBuilder csv = new StringBuilder("Hội nghị;NQDH13\nSTT;Tên điểm cầu;Cấp;Số ĐV\n1;Xã A;Xã;10\n");
		for (int i = 1; i <= 101; i++) {
			csv.append("Hội nghị: Hội nghị số ").append(i).append('\n');
		}
		Path file = write("labels.csv", utf8(csv.toString()));

		assertThatThrownBy(() -> TableRecognizer.read(file, (point) -> {
		})).isInstanceOfSatisfying(UnreadableFileException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo("file-over-limit");
			assertThat(ex.detail().en()).isEqualTo("more than 100 conference labels (labels!A104)");
		});
	}

	@Test
	void xlsWithMoreRecordsThanTheLimit() {
		Path file = write("cells.xls", xls((sheet) -> {
			for (int r = 0; r < 100; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < 20; c++) {
					row.createCell(c).setCellValue(r * c);
				}
			}
		}));

		assertRejected(file, limits("max-xls-records", "1000"), "file-over-limit",
				"an .xls workbook with more than 1,000 cells, strings and other records");
	}

	@Test
	void xlsSharedStringTableDeclaringBillionsOfStrings() throws IOException {
		byte[] xls = HostileFiles.submission(false);
		byte[] stream = workbookStream(xls);
		int sst = record(stream, 0x00FC);
		ByteBuffer.wrap(stream, sst + 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE);

		assertRejected(write("sst.xls", HostileFiles.ole2("Workbook", stream)), "file-over-limit",
				"an .xls workbook with more than 500,000 cells, strings and other records");
	}

	@Test
	void xlsWithOverlappingMergedRegions() {
		Path file = write("merges.xls", xls((sheet) -> {
			for (int r = 0; r < 20; r++) {
				sheet.createRow(r).createCell(0).setCellValue(r);
			}
			for (int i = 0; i < 300; i++) {
				sheet.addMergedRegionUnsafe(new CellRangeAddress(0, 19, 0, 1 + i % 200));
			}
		}));

		assertRejected(file, "file-over-limit", "more than 256 merged areas over row 1");
	}

	@Test
	void xlsxWithMoreMergedAreasThanASheetMayHave() {
		StringBuilder merges = new StringBuilder("<mergeCells>");
		for (int r = 1; r <= 100_001; r++) {
			merges.append("<mergeCell ref=\"A").append(r).append(":B").append(r).append("\"/>");
		}
		String sheet = worksheet("", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
			.replace("</worksheet>", merges + "</mergeCells></worksheet>");

		assertRejected(write("merges.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet)))), "file-over-limit",
				"more than 100,000 merged areas on a sheet");
	}

	// Gone

	@Test
	void fileGoneBeforeItIsRead() {
		assertRejected(this.dir.resolve("gone.xlsx"), "file-vanished", null);
	}

	// Helpers

	private UnreadableFileException assertRejected(Path file, String reason, String detail) {
		return assertRejected(file, ReadLimits.defaults(), new Recorder(), reason, detail);
	}

	private UnreadableFileException assertRejected(Path file, ReadLimits limits, String reason, String detail) {
		return assertRejected(file, limits, new Recorder(), reason, detail);
	}

	/** @param detail the detail in English; {@code DetailTests} has every detail's Vietnamese */
	private UnreadableFileException assertRejected(Path file, ReadLimits limits, Recorder recorder, String reason,
			String detail) {
		UnreadableFileException[] thrown = new UnreadableFileException[1];
		assertThatThrownBy(() -> Workbooks.read(file, limits, recorder)).isInstanceOfSatisfying(
				UnreadableFileException.class, (ex) -> {
					assertThat(ex.reason()).as(ex.getMessage()).isEqualTo(reason);
					assertThat((ex.detail() != null) ? ex.detail().en() : null).isEqualTo(detail);
					assertThat(ex.getMessage()).startsWith(file.getFileName() + ": ");
					thrown[0] = ex;
				});
		return thrown[0];
	}

	/** The limits with some properties set as in application.yml, e.g. "max-rows", "100". */
	static ReadLimits limits(String... properties) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < properties.length; i += 2) {
			map.put("tonghop.limits." + properties[i], properties[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("tonghop.limits",
				Bindable.of(ReadLimits.class));
	}

	private Path write(String name, byte[] bytes) {
		return HostileFiles.write(this.dir, name, bytes);
	}

	private Path sparse(String name, long size) throws IOException {
		Path file = this.dir.resolve(name);
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(size);
		}
		return file;
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The submission with a DOCTYPE put after the XML declaration of one part. */
	private static byte[] withDoctype(String part, String doctype) {
		Map<String, byte[]> entries = HostileFiles.unzip(HostileFiles.submission(true));
		String xml = new String(entries.get(part), StandardCharsets.UTF_8);
		int declaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
		entries.put(part, utf8(xml.substring(0, declaration) + "\n" + doctype + xml.substring(declaration)));
		return HostileFiles.zip(entries);
	}

	/** Rows of random inline text: compresses hardly at all. */
	private static String randomRows(int characters) {
		StringBuilder rows = new StringBuilder(characters + 1000);
		for (int r = 1; rows.length() < characters; r++) {
			rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>")
				.append(randomText(1000)).append("</t></is></c></row>");
		}
		return rows.toString();
	}

	private static String randomText(int length) {
		char[] text = new char[length];
		for (int i = 0; i < length; i++) {
			text[i] = (char) ('a' + RANDOM.nextInt(26));
		}
		return new String(text);
	}

	/** Sets the uncompressed size an entry declares in the zip's central directory. */
	private static void declareSize(byte[] zip, String entry, int size) {
		byte[] name = utf8(entry);
		for (int i = 0; i < zip.length - 46; i++) {
			if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
					&& Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
				ByteBuffer.wrap(zip, i + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(size);
				return;
			}
		}
		throw new IllegalArgumentException(entry);
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		for (int i = 0; i <= bytes.length - part.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

	private static byte[] xls(Consumer<Sheet> content) {
		try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			content.accept(workbook.createSheet("S"));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] workbookStream(byte[] xls) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(xls));
				DocumentInputStream in = fs.createDocumentInputStream("Workbook")) {
			return in.readAllBytes();
		}
	}

	/** Where the first record with this id starts in a BIFF stream. */
	private static int record(byte[] stream, int sid) {
		ByteBuffer buffer = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
		for (int at = 0; at + 4 <= stream.length; at += 4 + (buffer.getShort(at + 2) & 0xFFFF)) {
			if ((buffer.getShort(at) & 0xFFFF) == sid) {
				return at;
			}
		}
		throw new IllegalArgumentException("no record " + sid);
	}

}
