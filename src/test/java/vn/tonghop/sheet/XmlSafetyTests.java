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
