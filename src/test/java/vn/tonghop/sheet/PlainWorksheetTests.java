package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.xml.stream.XMLStreamException;

import com.fasterxml.aalto.UncheckedStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.sheet.HostileFiles.SHEET;
import static vn.tonghop.sheet.HostileFiles.utf8;
import static vn.tonghop.sheet.HostileFiles.xlsxWith;

class PlainWorksheetTests {

	private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

	/** The root element as Excel writes it, with the prefixes its rows and extensions use. */
	private static final String EXCEL_ROOT = "<worksheet xmlns=\"" + HostileFiles.MAIN + "\" "
			+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
			+ "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x14ac xr xr2 xr3\" "
			+ "xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" "
			+ "xmlns:xr=\"http://schemas.microsoft.com/office/spreadsheetml/2014/revision\" "
			+ "xr:uid=\"{00000000-0001-0000-0000-000000000000}\">";

	@TempDir
	Path dir;

	@Test
	void sheetAsExcelWritesItIsReadPlainAsTheParserReadsIt() {
		// given a sheet with what Excel puts around and inside its rows
		String xml = DECLARATION + EXCEL_ROOT + "<dimension ref=\"A1:D3\"/><sheetViews><sheetView tabSelected=\"1\" "
				+ "workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\" x14ac:dyDescent=\"0.25\"/>"
				+ "<cols><col min=\"1\" max=\"1\" width=\"9.140625\" customWidth=\"1\"/></cols><sheetData>"
				+ "<row r=\"1\" spans=\"1:4\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
				+ "<c r=\"B1\" s=\"3\" t=\"inlineStr\"><is><r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\">Tổng </t></r>"
				+ "<r><t>cộng</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></is></c></row>"
				+ "<row r=\"2\" spans=\"1:4\" ht=\"20.25\" customHeight=\"1\" x14ac:dyDescent=\"0.3\"><c r=\"A2\" s=\"1\"><v>17</v></c>"
				+ "<c r=\"B2\"><f>A2*2</f><v>34</v></c><c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"e\"><v>#N/A</v></c>"
				+ "<c r=\"E2\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c><c r=\"F2\" s=\"2\"/></row>"
				+ "<row r=\"3\"><c t=\"d\"><v>2026-11-24T00:00:00</v></c><c><v>1.5E3</v></c></row>"
				+ "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:D1\"/></mergeCells>"
				+ "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
				+ "<extLst><ext uri=\"{78C0D931-6437-407d-A8EE-F0AAD7539E65}\" "
				+ "xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\"><x14:conditionalFormattings>"
				+ "<x14:conditionalFormatting xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\">"
				+ "<xm:sqref>A1:A3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>"
				+ "</worksheet>";

		// when, then
		assertPlain(xml);
	}

	@Test
	void textIsDecodedAsTheParserDecodesIt() {
		// given references, Vietnamese and astral characters, line ends of three kinds, brackets and a DEL
		String texts = "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;&#x1F600; Thái Bình 😀 "
				+ "one\r\ntwo\rthree\nfour\tfive ] ]] ]>]] \u007F";

		// when, then
		assertPlain(DECLARATION + "<worksheet xmlns=\"" + HostileFiles.MAIN + "\"><sheetData><row r=\"4\">"
				+ "<c r=\"A4\" t=\"inlineStr\"><is><t>" + texts + "</t></is></c><c r=\"B4\" t=\"inlineStr\"><is><t> </t></is></c>"
				+ "<c r=\"C4\" t=\"inlineStr\"><is><t/></is></c></row></sheetData></worksheet>");
	}

	@Test
	void tagsWrittenOtherwiseAreReadPlainAsTheParserReadsThem() {
		// given single quotes, spaces around '=' and inside tags, no declaration, a prefixed main
		// namespace, cells and rows without references, and a BOM
		assertPlain("<worksheet xmlns='" + HostileFiles.MAIN + "'  >\n <sheetData >\n <row>\n<c t = 'inlineStr' ><is><t >x</t ></is></c>"
				+ "<c s='0'><v>2</v></c><c/><c r='Z'/></row ><row><c><v>3</v></c></row></sheetData>\n</worksheet>\n\n");
		assertPlain("<x:worksheet xmlns:x=\"" + HostileFiles.MAIN + "\"><x:sheetData><x:row r=\"7\"><x:c r=\"B7\">"
				+ "<x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>");
		assertPlain("<worksheet" + prefixes(64) + "><sheetData><p63:row r=\"1\"/></sheetData></worksheet>");
		assertPlain("\uFEFF<?xml version='1.0'?><worksheet><sheetData><row r=\"000000009\"><c r=\"AA9\" s=\"007\"><v>1</v></c>"
				+ "</row></sheetData></worksheet>");
	}

	@Test
	void whatIsNotPlainIsLeftToTheParser() {
		// given sheets that are well-formed but written as no spreadsheet program writes a sheet
		List<String> legal = List.of("<!-- a comment --><worksheet/>", row("<c><v><![CDATA[1]]></v></c>"),
				row("<!-- here --><c><v>1</v></c>"), row("<?pi x?><c><v>1</v></c>"),
				"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet/>", row("<c r=\"&#65;1\"><v>1</v></c>"),
				row("<c s=\"+1\"><v>1</v></c>"), row("<c r=\"A\n1\"><v>1</v></c>"), row("<c><v>&#x000000041;</v></c>"),
				row("<cé><v>1</v></cé>"), "<worksheet/><!-- after -->",
				"<?xml version=\"1.1\"?><worksheet/>", "<worksheet xmlns:p=\"\"/>", "<worksheet xmlns:p=\"urn:&#120;\"/>",
				"<worksheet xmlns=\"urn:&#120;\"/>", "<worksheet " + prefixes(65) + "/>");
		// and sheets that are not XML at all
		List<String> broken = List.of(row("<c><v>1</v></d>"), row("<c><v>1</v>"), row("<p:c><v>1</v></p:c>"),
				row("<c r=\"A1\" r=\"B1\"><v>1</v></c>"), row("<c r=\"A1\"s=\"1\"><v>1</v></c>"), row("<c><v>&nbsp;</v></c>"),
				row("<c><v>a]]>b</v></c>"), row("<c><v>\u0001</v></c>"), row("<c x=\"<\"><v>1</v></c>"),
				row("<c><v>&#0;</v></c>"), row("<c><v>&#xD800;</v></c>"), "<worksheet/>x", "<worksheet>",
				"<worksheet></worksheet><worksheet/>", row("<c><v>&amp</v></c>"),
				"<worksheet xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>", "<worksheet xmlns=\"http://www.w3.org/2000/xmlns/\"/>");

		// when, then
		for (String xml : legal) {
			assertLeftToTheParser(utf8(xml), false);
		}
		for (String xml : broken) {
			assertLeftToTheParser(utf8(xml), true);
		}
		// and bytes that are no UTF-8: a stray continuation byte, an overlong '<', a surrogate, UTF-16
		for (byte[] bytes : new byte[][] { { (byte) 0x80 }, { (byte) 0xC0, (byte) 0xBC }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xEF, (byte) 0xBF, (byte) 0xBF } }) {
			assertLeftToTheParser(concat(utf8(row("<c><v>")), bytes, utf8("</v></c>") , utf8(ROW_END)), true);
		}
		assertLeftToTheParser(row("<c><v>1</v></c>").getBytes(StandardCharsets.UTF_16), false);
	}

	@Test
	void sheetsChangedAtRandomReadAsTheParserReadsThem() {
		// given sheets made of random pieces, then some of them damaged a byte at a time
		Random random = new Random(20261124);
		int plain = 0;
		for (int round = 0; round < 3_000; round++) {
			byte[] xml = utf8(randomSheet(random));
			if (round % 2 == 1) {
				xml = damage(xml, random);
			}

			// when, then
			plain += assertSameAsTheParser(xml) ? 1 : 0;
		}
		// The undamaged half reads plain: the pieces are all plain.
		assertThat(plain).isGreaterThanOrEqualTo(1_500);
	}

	@Test
	void tokensAcrossTheBufferAreReadWhole() {
		// given a sheet whose rows, cells and texts fall across the edges of the reading buffer, read a
		// few bytes at a time
		StringBuilder rows = new StringBuilder();
		for (int r = 1; r <= 6_000; r++) {
			rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>Chi bộ số ")
				.append(r).append(" &amp; ").append("x".repeat(r % 97)).append("</t></is></c><c r=\"B").append(r)
				.append("\"><v>").append(r).append("</v></c></row>\n");
		}
		rows.append("<row r=\"6001\"><c r=\"A6001\" t=\"inlineStr\"><is><t>").append("y".repeat(200_000)).append("</t></is></c></row>");
		byte[] xml = utf8("<worksheet><sheetData>" + rows + "</sheetData></worksheet>");

		// when
		Log plain = new Log();
		boolean whole = readPlain(new ByteArrayInputStream(xml) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 1 + (this.pos % 7)));
			}

		}, plain);

		// then
		assertThat(whole).isTrue();
		assertThat(plain.text()).isEqualTo(stax(xml).text());
	}

	@Test
	void aTokenLongerThanTheSafetyCheckAllowsIsLeftToTheParser() throws IOException {
		int max = 100;
		// given a start tag, an end tag and a text each as long as the check allows, as it measures them, and one byte longer
		for (int extra = 0; extra <= 1; extra++) {
			String startTag = "c r=\"A1\" t=\"inlineStr\" x=\"" + "a".repeat(max - 28 + extra) + "\">";
			String endTag = "t" + " ".repeat(max - 2 + extra) + ">";
			String text = "b".repeat(max + extra);
			for (String sheet : new String[] { row("<" + startTag + "<is><t>1</t></is></c>"),
					row("<c r=\"A1\" t=\"inlineStr\"><is><t>1</" + endTag + "</is></c>"),
					row("<c r=\"A1\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>") }) {
				byte[] xml = utf8(sheet);

				// when
				boolean plain;
				try {
					new PlainWorksheet(new Log(), max).parse(new ByteArrayInputStream(xml));
					plain = true;
				}
				catch (PlainWorksheet.NotPlain ex) {
					plain = false;
				}
				catch (XMLStreamException ex) {
					throw new AssertionError(ex);
				}
				boolean allowed;
				try {
					XmlSafety.check("f.xlsx", "sheet.xml", new ByteArrayInputStream(xml), max);
					allowed = true;
				}
				catch (LimitExceededException | UnreadableFileException ex) {
					allowed = false;
				}

				// then
				assertThat(plain).as(sheet).isEqualTo(extra == 0).isEqualTo(allowed);
			}
		}
	}

	@Test
	void aSheetFoundNotPlainHalfwayIsReadOnceWhole() throws UnreadableFileException {
		// given a sheet with a comment between its rows, after the header and a first point
		String sheet = HostileFiles.worksheet("", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Hội nghị: NQDH13</t></is></c></row>"
				+ "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>STT</t></is></c><c r=\"B4\" t=\"inlineStr\"><is><t>Tên điểm cầu</t></is></c></row>"
				+ "<row r=\"5\"><c r=\"A5\"><v>1</v></c><c r=\"B5\" t=\"inlineStr\"><is><t>Phường Bồ Đề</t></is></c></row>"
				+ "<!-- edited by hand -->"
				+ "<row r=\"6\"><c r=\"A6\"><v>2</v></c><c r=\"B6\" t=\"inlineStr\"><is><t>Phường Cự Khối</t></is></c></row>");
		Path file = HostileFiles.write(this.dir, "commented.xlsx", xlsxWith(Map.of(SHEET, utf8(sheet))));

		// when
		Recorder recorder = new Recorder();
		Workbooks.read(file, recorder);

		// then: every row once, in order
		assertThat(recorder.rows).extracting(SheetRow::number).containsExactly(1, 4, 5, 6);
		assertThat(recorder.rows.get(3).cells()).extracting(Cell::text).containsExactly("2", "Phường Cự Khối");
	}

	@Test
	void aSheetStoppedEarlyIsNotReadFurther() {
		// given a sheet whose second row is all that is wanted, then XML that is not well-formed
		byte[] xml = utf8("<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row>"
				+ "<row r=\"3\"><c><v>3</v></d></row></sheetData></worksheet>");
		Log plain = new Log();
		plain.rowsWanted = 2;

		// when
		boolean whole = readPlain(new ByteArrayInputStream(xml), plain);

		// then: it stopped after the second row, as the parser does, before the damage
		assertThat(whole).isTrue();
		Log stax = new Log();
		stax.rowsWanted = 2;
		assertThat(readStax(xml, stax)).isNull();
		assertThat(plain.text()).isEqualTo(stax.text()).endsWith("/row ");
	}

	/** Declarations of {@code count} prefixes. */
	private static String prefixes(int count) {
		StringBuilder declarations = new StringBuilder();
		for (int p = 0; p < count; p++) {
			declarations.append(" xmlns:p").append(p).append("=\"urn:p\"");
		}
		return declarations.toString();
	}

	private static final String ROW_END = "</row></sheetData></worksheet>";

	private static String row(String cells) {
		return "<worksheet xmlns=\"" + HostileFiles.MAIN + "\"><sheetData><row r=\"1\">" + cells + ROW_END;
	}

	private static void assertPlain(String xml) {
		byte[] bytes = utf8(xml);
		assertThat(assertSameAsTheParser(bytes)).as("read plain: %s", xml).isTrue();
	}

	/** @param broken whether the parser must refuse it too */
	private static void assertLeftToTheParser(byte[] xml, boolean broken) {
		String shown = new String(xml, StandardCharsets.UTF_8);
		assertThat(assertSameAsTheParser(xml)).as("left to the parser: %s", shown).isFalse();
		assertThat(readStax(xml, new Log())).as("the parser refuses: %s", shown).matches(failure -> (failure != null) == broken);
	}

	/**
	 * Reads a sheet both ways: read plain, it must hand on what the parser does; left to the parser,
	 * what it handed on must be what the parser hands on first.
	 * @return whether it was read plain
	 */
	private static boolean assertSameAsTheParser(byte[] xml) {
		Log plain = new Log();
		boolean whole = readPlain(new ByteArrayInputStream(xml), plain);
		Log stax = new Log();
		Exception failure = readStax(xml, stax);
		String shown = new String(xml, StandardCharsets.UTF_8);
		if (whole) {
			assertThat(failure).as("the parser reads what was read plain: %s", shown).isNull();
			assertThat(plain.text()).as(shown).isEqualTo(stax.text());
		}
		else if (failure == null) {
			assertThat(stax.text()).as(shown).startsWith(plain.text());
		}
		else {
			// Both refuse it, the parser maybe sooner: a sheet refused is refused whole.
			assertThat(stax.text().startsWith(plain.text()) || plain.text().startsWith(stax.text())).as(shown).isTrue();
		}
		return whole;
	}

	private static boolean readPlain(java.io.InputStream in, Log log) {
		try {
			new PlainWorksheet(log, PlainWorksheet.MAX_TOKEN).parse(in);
			return true;
		}
		catch (PlainWorksheet.NotPlain ex) {
			return false;
		}
		catch (IOException | XMLStreamException ex) {
			throw new AssertionError(ex);
		}
	}

	private static Log stax(byte[] xml) {
		Log log = new Log();
		assertThat(readStax(xml, log)).isNull();
		return log;
	}

	/** @return what the parser threw, or null */
	private static Exception readStax(byte[] xml, Log log) {
		try {
			XlsxReader.parseWorksheet(new ByteArrayInputStream(xml), log);
			return null;
		}
		catch (IOException | XMLStreamException | UncheckedStreamException ex) {
			return ex;
		}
	}

	private static final String[] ROWS = { "<row r=\"%d\">", "<row>", "<row r=\"%d\" spans=\"1:3\" x14ac:dyDescent=\"0.25\">" };

	private static final String[] CELLS = { "<c r=\"A%d\" t=\"inlineStr\"><is><t>%s</t></is></c>", "<c r=\"B%d\" s=\"%d\"><v>%d</v></c>",
			"<c t=\"s\"><v>%d</v></c>", "<c r=\"C%d\"/>", "<c><f>SUM(A1:A2)</f><v>%d.5</v></c>",
			"<c t=\"inlineStr\"><is><r><t xml:space=\"preserve\">%s</t></r><rPh sb=\"0\" eb=\"1\"><t>%s</t></rPh></is></c>", "\n",
			" ", "<c r=\"D%d\" t='e'><v>#DIV/0!</v></c>", "<v>%d</v>", "<t>%s</t>" };

	private static final String[] TEXTS = { "Chi bộ", "a &amp; b", "&#x1F600;", "x\r\ny", "&lt;&gt;", "]", "", " ", "Điểm cầu\tsố 1",
			"&#13;" };

	private static String randomSheet(Random random) {
		StringBuilder xml = new StringBuilder(random.nextBoolean() ? DECLARATION : "");
		xml.append(random.nextBoolean() ? EXCEL_ROOT : "<worksheet xmlns:x14ac=\"urn:x\">").append("<sheetData>");
		for (int row = random.nextInt(8); row > 0; row--) {
			xml.append(filled(ROWS[random.nextInt(ROWS.length)], random));
			for (int cell = random.nextInt(8); cell > 0; cell--) {
				xml.append(filled(CELLS[random.nextInt(CELLS.length)], random));
			}
			xml.append("</row>\n");
		}
		return xml.append("</sheetData></worksheet>").toString();
	}

	private static String filled(String piece, Random random) {
		return piece.replace("%d", Integer.toString(random.nextInt(30))).replace("%s", TEXTS[random.nextInt(TEXTS.length)]);
	}

	private static final byte[] DAMAGE = utf8("<>/=\"'&;:!?-]x \r\u0001é");

	private static byte[] damage(byte[] xml, Random random) {
		int at = random.nextInt(xml.length);
		return switch (random.nextInt(3)) {
			case 0 -> concat(Arrays.copyOf(xml, at), Arrays.copyOfRange(xml, at + 1, xml.length));
			case 1 -> concat(Arrays.copyOf(xml, at), new byte[] { DAMAGE[random.nextInt(DAMAGE.length)] },
					Arrays.copyOfRange(xml, at, xml.length));
			default -> Arrays.copyOf(xml, at);
		};
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	/** Every event as text, and the text between as it comes: parsers may split a text anywhere. */
	private static final class Log implements PlainWorksheet.Events {

		private final StringBuilder log = new StringBuilder();

		int rowsWanted = Integer.MAX_VALUE;

		private int rows;

		String text() {
			return this.log.toString();
		}

		private void event(String event) {
			this.log.append('\u0000').append(event).append(' ');
		}

		@Override
		public boolean wanted() {
			return this.rows < this.rowsWanted;
		}

		@Override
		public void startRow(boolean numbered, int number) {
			event("row" + (numbered ? number : "+"));
		}

		@Override
		public void startCell(boolean referenced, int column, String type, int style) {
			event("c" + (referenced ? column : "+") + "/" + type + "/" + style);
		}

		@Override
		public void startValue() {
			event("v");
		}

		@Override
		public void startInline() {
			event("is");
		}

		@Override
		public void startPhonetic() {
			event("rPh");
		}

		@Override
		public void startText() {
			event("t");
		}

		@Override
		public void endValue() {
			event("/v");
		}

		@Override
		public void endInline() {
			event("/is");
		}

		@Override
		public void endPhonetic() {
			event("/rPh");
		}

		@Override
		public void endCell() {
			event("/c");
		}

		@Override
		public void endRow() {
			this.rows++;
			event("/row");
		}

		@Override
		public void characters(char[] text, int start, int length) {
			this.log.append(text, start, length);
		}

	}

}
