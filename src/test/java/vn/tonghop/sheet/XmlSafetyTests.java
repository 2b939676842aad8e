package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part in UTF-8 is scanned bytewise, with runs of plain tags read a buffer at a time; the same
 * bytes as UTF-16 characters are scanned a character at a time. Both must end alike on any markup.
 */
class XmlSafetyTests {

	private static final String PART = "xl/worksheets/sheet1.xml";

	private static final String[] PLAIN_NAMES = { "row", "c", "v", "is", "t", "x:c", "sheetData", "tên" };

	@Test
	void plainAndOddMarkupEndsAlikeReadBytewiseOrACharacterAtATime() throws IOException {
		Set<String> outcomes = new HashSet<>();
		for (int seed = 0; seed < 400; seed++) {
			// given
			Random random = new Random(seed);
			Trouble trouble = Trouble.values()[random.nextInt(Trouble.values().length)];
			String part = part(random, trouble);
			long maxMarkup = (trouble == Trouble.LONG_TEXT || trouble == Trouble.LONG_TAG) ? 20 + random.nextInt(200) : 1 << 20;
			boolean worksheet = random.nextInt(4) > 0;

			// when the same bytes are scanned bytewise, and a character at a time (each byte one character, as the scan reads UTF-8)
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			String bytewise = outcome(bytes, maxMarkup, worksheet);
			String characters = outcome(utf16(new String(bytes, StandardCharsets.ISO_8859_1)), maxMarkup, worksheet);

			// then
			assertThat(bytewise).as("seed %d", seed).isEqualTo(characters);
			outcomes.add(bytewise.replaceAll("\\[.*", "[...]").replaceAll("\\d[\\d,]*(?= (bytes|levels|different|attributes))", "N"));
		}
		// The parts reach every end: read, with merges noted or not, and each refusal.
		assertThat(outcomes).containsExactlyInAnyOrder("read [...]", "read null",
				"UnreadableFileException: f.xlsx: " + PART + " declares a DOCTYPE (entities or an external DTD); such XML is never read.",
				"UnreadableFileException: f.xlsx: " + PART + " refers to an external schema (schemaLocation); such XML is never read.",
				"LimitExceededException: XML text longer than N bytes in one piece in " + PART,
				"LimitExceededException: an XML tag, comment or instruction longer than N bytes in " + PART,
				"LimitExceededException: XML nested more than N levels deep in " + PART,
				"LimitExceededException: more than N different XML names in " + PART,
				"LimitExceededException: more than N attributes in one XML tag in " + PART);
	}

	/** What a part holds besides plain and odd markup, somewhere in it. */
	private enum Trouble {

		NONE, NONE_AGAIN, LONG_TEXT, LONG_TAG, DOCTYPE, SCHEMA, DEPTH, NAMES, ATTRIBUTES

	}

	@Test
	void instructionsAndCommentsOpenNoElement() throws IOException {
		// given as many of each as elements may nest, then the deepest nesting allowed
		String part = "<?xml version=\"1.0\"?>" + "<?pi?><!---->".repeat(XmlSafety.MAX_DEPTH)
				+ "<r>".repeat(XmlSafety.MAX_DEPTH) + "</r>".repeat(XmlSafety.MAX_DEPTH);

		// when
		String bytewise = outcome(part.getBytes(StandardCharsets.UTF_8), 1 << 20, true);

		// then
		assertThat(bytewise).isEqualTo("read []").isEqualTo(outcome(utf16(part), 1 << 20, true));
	}

	@Test
	void aLargeSheetOfPlainTagsHasItsMergesNoted() throws IOException {
		// given rows over many buffers, then the list
		StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet><sheetData>");
		for (int row = 1; row <= 5_000; row++) {
			sheet.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\" t=\"inlineStr\"><is><t>Chi bộ ")
				.append(row).append("</t></is></c><c r=\"B").append(row).append("\"><v>").append(row).append("</v></c></row>\n");
		}
		sheet.append("</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"A2:A4\"/></mergeCells></worksheet>");

		// when
		String outcome = outcome(sheet.toString().getBytes(StandardCharsets.UTF_8), 1 << 20, true);

		// then
		assertThat(outcome).isEqualTo("read [Region[firstRow=1, lastRow=1, firstColumn=0, lastColumn=1], "
				+ "Region[firstRow=2, lastRow=4, firstColumn=0, lastColumn=0]]");
	}

	@Test
	void aWorksheetsRowsAreSkippedAndTheMergesAfterThemNotedWhateverTheReads() throws IOException {
		// given rows over many buffers, then the list, read whole and in reads of every few sizes
		byte[] sheet = largeSheet("", "</sheetData>").getBytes(StandardCharsets.UTF_8);

		for (int read : new int[] { Integer.MAX_VALUE, 1, 3, 7, 4093 }) {
			// when
			String outcome = worksheetOutcome(sheet, 1 << 20, read);

			// then
			assertThat(outcome).as("reads of %d bytes", read).isEqualTo("rows skipped, "
					+ "[Region[firstRow=1, lastRow=1, firstColumn=0, lastColumn=1], Region[firstRow=2, lastRow=4, firstColumn=0, lastColumn=0]]");
		}
	}

	@Test
	void theRowsEndAtTheirOwnEndTagWhereverItFallsInTheBuffer() throws IOException {
		String start = "<x:worksheet xmlns:x=\"u\"><x:sheetData>";
		for (int pad = 16_384 - start.length() - 20; pad < 16_384 - start.length() + 4; pad++) {
			// given an end tag, prefixed and spaced, across the end of the scan's buffer of 16 KB
			String part = start + "<x:row/>".repeat(pad / 8) + " ".repeat(pad % 8)
					+ "</x:sheetData \n><x:mergeCells><x:mergeCell ref=\"B2:C3\"/></x:mergeCells></x:worksheet>";

			// when
			String outcome = worksheetOutcome(part.getBytes(StandardCharsets.UTF_8), 1 << 20, Integer.MAX_VALUE);

			// then
			assertThat(outcome).as("pad %d", pad).isEqualTo("rows skipped, [Region[firstRow=2, lastRow=3, firstColumn=1, lastColumn=2]]");
		}
	}

	@Test
	void onlyTheSheetDataEndTagEndsTheRows() throws IOException {
		// given elements whose names end alike among the rows
		String part = "<worksheet><sheetData><row><c><mysheetData></mysheetData><x-sheetData/><x:mergeCells/></c></row>"
				+ "</sheetData><mergeCells><mergeCell ref=\"B1:B2\"/></mergeCells></worksheet>";

		// when
		String outcome = worksheetOutcome(part.getBytes(StandardCharsets.UTF_8), 1 << 20, Integer.MAX_VALUE);

		// then
		assertThat(outcome).isEqualTo("rows skipped, [Region[firstRow=1, lastRow=2, firstColumn=1, lastColumn=1]]");
	}

	@Test
	void rowsHoldingMoreThanTagsAndTextAreNotSkipped() throws IOException {
		for (String odd : new String[] { "<!-- c -->", "<![CDATA[<v>1</v>]]>", "<?pi?>", "<!DOCTYPE x>",
				"<mergeCell ref=\"A1:A2\"/>", "<x:mergeCell ref=\"A1:A2\"/>", "</c" + " ".repeat(20_000) + ">",
				"<c" + "x".repeat(20_000) + "/>", "" }) {
			// given (the last: rows never closed)
			String part = "<worksheet><sheetData><row><c><v>1</v></c>" + odd + "</row>"
					+ (odd.isEmpty() ? "" : "</sheetData><mergeCells><mergeCell ref=\"B1:B2\"/></mergeCells></worksheet>");

			// when
			String outcome = worksheetOutcome(part.getBytes(StandardCharsets.UTF_8), 1 << 20, Integer.MAX_VALUE);

			// then
			assertThat(outcome).as("%.20s", odd).isEqualTo("not skipped");
		}
	}

	@Test
	void aroundTheRowsAWorksheetIsCheckedAsBefore() throws IOException {
		// given a schema before the rows, a tag too long after them, and nesting after them at the limit and past it
		String schema = largeSheet(" xsi:schemaLocation=\"u\"", "</sheetData>");
		String longTag = largeSheet("", "</sheetData><c r=\"" + "A".repeat(300) + "\"/>");
		String deepest = largeSheet("", "</sheetData>" + "<r>".repeat(XmlSafety.MAX_DEPTH - 1) + "</r>".repeat(XmlSafety.MAX_DEPTH - 1));
		String deeper = largeSheet("", "</sheetData>" + "<r>".repeat(XmlSafety.MAX_DEPTH) + "</r>".repeat(XmlSafety.MAX_DEPTH));

		// when, then
		assertThat(worksheetOutcome(schema.getBytes(StandardCharsets.UTF_8), 1 << 20, Integer.MAX_VALUE))
			.isEqualTo("UnreadableFileException: f.xlsx: " + PART + " refers to an external schema (schemaLocation); such XML is never read.");
		assertThat(worksheetOutcome(longTag.getBytes(StandardCharsets.UTF_8), 200, Integer.MAX_VALUE))
			.isEqualTo("LimitExceededException: an XML tag, comment or instruction longer than 200 bytes in " + PART);
		assertThat(worksheetOutcome(deepest.getBytes(StandardCharsets.UTF_8), 1 << 20, Integer.MAX_VALUE)).startsWith("rows skipped");
		assertThat(worksheetOutcome(deeper.getBytes(StandardCharsets.UTF_8), 1 << 20, Integer.MAX_VALUE))
			.isEqualTo("LimitExceededException: XML nested more than 1,000 levels deep in " + PART);
	}

	@Test
	void rowsAreReadTagByTagWhenTheyCannotBeSkipped() throws IOException {
		// given rows in UTF-16, which is not read bytewise, and rows that are an empty element
		String sheet = largeSheet("", "</sheetData>");
		String empty = "<worksheet><sheetData/><mergeCells><mergeCell ref=\"B1:B2\"/></mergeCells></worksheet>";

		// when, then
		assertThat(worksheetOutcome(utf16(sheet), 1 << 20, Integer.MAX_VALUE)).startsWith("checked whole, [Region");
		assertThat(worksheetOutcome(empty.getBytes(StandardCharsets.UTF_8), 1 << 20, Integer.MAX_VALUE))
			.isEqualTo("checked whole, [Region[firstRow=1, lastRow=2, firstColumn=1, lastColumn=1]]");
	}

	/** 5,000 rows in a worksheet whose root element has {@code rootAttributes}, {@code end} after them, then two merged regions. */
	private static String largeSheet(String rootAttributes, String end) {
		StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet" + rootAttributes + "><sheetData>");
		for (int row = 1; row <= 5_000; row++) {
			sheet.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\" t=\"inlineStr\"><is><t>Chi bộ ")
				.append(row).append("</t></is></c><c r=\"B").append(row).append("\"><v>").append(row).append("</v></c></row>\n");
		}
		return sheet.append(end).append("<mergeCells count=\"2\"><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"A2:A4\"/></mergeCells></worksheet>")
			.toString();
	}

	/**
	 * What {@link XmlSafety#checkWorksheet} made of a part given {@code read} bytes at most a read:
	 * how it scanned the rows and the merges noted, "not skipped", or the refusal's message.
	 */
	private static String worksheetOutcome(byte[] part, long maxMarkup, int read) throws IOException {
		SheetMerges merges = new SheetMerges();
		boolean skipped;
		try {
			skipped = XmlSafety.checkWorksheet("f.xlsx", PART, new ByteArrayInputStream(part) {
				@Override
				public synchronized int read(byte[] b, int off, int len) {
					return super.read(b, off, Math.min(len, read));
				}

				@Override
				public synchronized int available() {
					// Else the scan's BufferedInputStream reads on to fill what it was asked for.
					return 0;
				}
			}, maxMarkup, merges.part(PART));
		}
		catch (UnreadableFileException | LimitExceededException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		if (!skipped) {
			return "not skipped";
		}
		return (merges.checkedWhole("/" + PART) ? "checked whole, " : "rows skipped, ") + merges.of("/" + PART);
	}

	/** The refusal's message, or "read" and the merges noted (null where the part is not a worksheet or they are unknown). */
	private static String outcome(byte[] part, long maxMarkup, boolean worksheet) throws IOException {
		SheetMerges merges = new SheetMerges();
		try {
			if (worksheet) {
				XmlSafety.check("f.xlsx", PART, new ByteArrayInputStream(part), maxMarkup, merges.part(PART));
			}
			else {
				XmlSafety.check("f.xlsx", PART, new ByteArrayInputStream(part), maxMarkup);
			}
			return "read " + merges.of("/" + PART);
		}
		catch (UnreadableFileException | LimitExceededException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	private static byte[] utf16(String part) {
		byte[] text = part.getBytes(StandardCharsets.UTF_16LE);
		byte[] bytes = new byte[text.length + 2];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xFE;
		System.arraycopy(text, 0, bytes, 2, text.length);
		return bytes;
	}

	/** Markup, mostly plain tags, the odd forms mixed in, and one trouble; often longer than a buffer. */
	private static String part(Random random, Trouble trouble) {
		StringBuilder part = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet>");
		int items = random.nextInt(3_000);
		int troubleAt = random.nextInt(items + 1);
		for (int i = 0; i <= items; i++) {
			if (i == troubleAt) {
				part.append(trouble(random, trouble));
			}
			int kind = random.nextInt(100);
			if (kind < 40) {
				part.append('<').append(name(random)).append(attributes(random)).append(random.nextInt(5) == 0 ? "/>" : ">");
			}
			else if (kind < 65) {
				part.append("</").append(name(random)).append(random.nextInt(10) == 0 ? " >" : ">");
			}
			else if (kind < 92) {
				part.append(text(random));
			}
			else {
				part.append(odd(random));
			}
		}
		return part.append("</worksheet>").toString();
	}

	private static String trouble(Random random, Trouble trouble) {
		return switch (trouble) {
			case NONE, NONE_AGAIN -> "";
			case LONG_TEXT -> "0".repeat(230);
			case LONG_TAG -> "<c r=\"" + "A".repeat(230) + "\">";
			case DOCTYPE -> random.nextBoolean() ? "<!DOCTYPE x>" : "<!DOCTYPE>";
			case SCHEMA -> "<c xsi:" + (random.nextBoolean() ? "schemaLocation" : "noNamespaceSCHEMALocation") + "=\"x\">";
			case DEPTH -> "<r>".repeat(XmlSafety.MAX_DEPTH + 1);
			case NAMES -> {
				StringBuilder names = new StringBuilder();
				for (int n = 0; n <= XmlSafety.MAX_NAMES; n++) {
					names.append("<n").append(n).append(random.nextBoolean() ? "/>" : " a=\"1\"></n0>");
				}
				yield names.toString();
			}
			case ATTRIBUTES -> "<c" + " a=\"\"".repeat(XmlSafety.MAX_ATTRIBUTES + 1) + ">";
		};
	}

	private static String name(Random random) {
		return PLAIN_NAMES[random.nextInt(PLAIN_NAMES.length)];
	}

	private static String attributes(Random random) {
		StringBuilder attributes = new StringBuilder();
		for (int a = random.nextInt(4); a > 0; a--) {
			String value = random.nextInt(8) == 0 ? "x/>y" : "A" + random.nextInt(1000);
			switch (random.nextInt(12)) {
				case 0 -> attributes.append(" r = '").append(value).append('\'');
				case 1 -> attributes.append(" r").append('"').append(value).append('"');
				case 2 -> attributes.append(" r");
				case 3 -> attributes.append("t=\"s\"");
				case 4 -> attributes.append("\n\tr=\"").append(value).append('"');
				default -> attributes.append(" r=\"").append(value).append('"');
			}
		}
		return attributes.toString();
	}

	private static String text(Random random) {
		int length = random.nextInt(12);
		String alphabet = " 0123456789abc>/'\"=ộ\u0001\r\t";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static String odd(Random random) {
		return switch (random.nextInt(14)) {
			case 0 -> "<!-- <c r=\"A1\"> -->";
			case 1 -> "<?pi x?>";
			case 12 -> "<?pi?>";
			case 13 -> "<!---->";
			case 2 -> "<![CDATA[ <v>1</v> ]]>";
			case 3 -> "<mergeCell ref=\"A1:B" + (1 + random.nextInt(9)) + "\"/>";
			case 4 -> "<x:mergeCell ref='C1:C2'></x:mergeCell>";
			case 5 -> "<mergeCell ref=\"A1:B&#50;\"/>";
			case 6 -> "< c>";
			case 7 -> "<c/ >";
			case 8 -> "<>";
			case 9 -> "<c =\"1\">";
			case 10 -> "<c\"q\">";
			default -> "</>";
		};
	}

}
