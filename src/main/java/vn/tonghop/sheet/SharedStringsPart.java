package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared string table of an .xlsx, held in memory as plain strings like POI's
 * ReadOnlySharedStringsTable (phonetic runs left out), but counted while it is read: a table of
 * millions of strings, or of a few huge ones, stops at the limit instead of filling the heap.
 * Cells get plain strings, not a rich text object each.
 */
final class SharedStringsPart extends DefaultHandler {

	private final List<String> strings = new ArrayList<>();

	private final StringBuilder current = new StringBuilder();

	private final ReadLimits limits;

	private long characters;

	private boolean inText;

	private boolean inPhonetic;

	private SharedStringsPart(ReadLimits limits) {
		this.limits = limits;
	}

	/** The package's shared strings, found as POI finds them (by content type); empty when it has none. */
	static SharedStringsPart read(OPCPackage pkg, ReadLimits limits) throws IOException, SAXException {
		SharedStringsPart table = new SharedStringsPart(limits);
		List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (!parts.isEmpty()) {
			try (InputStream in = parts.get(0).getInputStream()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(table);
				xml.parse(new InputSource(in));
			}
			catch (ParserConfigurationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return table;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		switch (localName) {
			case "si" -> this.current.setLength(0);
			case "rPh" -> this.inPhonetic = true;
			case "t" -> this.inText = !this.inPhonetic;
			default -> {
			}
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (!this.inText) {
			return;
		}
		if (this.current.length() + length > this.limits.maxCellText()) {
			throw new LimitExceededException(
					"a shared string longer than " + Sizes.count(this.limits.maxCellText()) + " characters");
		}
		this.characters += length;
		if (this.characters > this.limits.maxTextSize()) {
			throw new LimitExceededException(
					"shared strings of more than " + Sizes.count(this.limits.maxTextSize()) + " characters in all");
		}
		this.current.append(ch, start, length);
	}

	@Override
	public void endElement(String uri, String localName, String qName) {
		switch (localName) {
			case "t" -> this.inText = false;
			case "rPh" -> this.inPhonetic = false;
			case "si" -> {
				if (this.strings.size() >= this.limits.maxSharedStrings()) {
					throw new LimitExceededException(
							"more than " + Sizes.count(this.limits.maxSharedStrings()) + " shared strings");
				}
				this.strings.add(this.current.toString());
			}
			default -> {
			}
		}
	}

	/**
	 * The string at a cell's index, as plain text (no rich text object per cell).
	 * @throws IndexOutOfBoundsException when the table has no such string
	 */
	String string(int index) {
		return this.strings.get(index);
	}

}
