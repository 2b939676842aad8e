package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The shared string table of an .xlsx, held in memory as plain strings like POI's
 * ReadOnlySharedStringsTable (phonetic runs left out), but counted while it is read: a table of
 * millions of strings, or of a few huge ones, stops at the limit instead of filling the heap.
 * Cells get plain strings, not a rich text object each.
 */
final class SharedStringsPart {

	private final List<String> strings = new ArrayList<>();

	private final StringBuilder current = new StringBuilder();

	private final ReadLimits limits;

	private long characters;

	private boolean inText;

	private boolean inPhonetic;

	private SharedStringsPart(ReadLimits limits) {
		this.limits = limits;
	}

	/** The table of a workbook that has none. */
	static SharedStringsPart empty(ReadLimits limits) {
		return new SharedStringsPart(limits);
	}

	/** Reads the package's shared strings part. */
	static SharedStringsPart read(InputStream in, ReadLimits limits) throws IOException, XMLStreamException {
		SharedStringsPart table = new SharedStringsPart(limits);
		XlsxReader.parse(in, (event, xml) -> {
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> table.start(xml.getLocalName());
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (table.inText) {
						table.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
					}
				}
				case XMLStreamConstants.END_ELEMENT -> table.end(xml.getLocalName());
				default -> {
				}
			}
		});
		return table;
	}

	private void start(String localName) {
		switch (localName) {
			case "si" -> this.current.setLength(0);
			case "rPh" -> this.inPhonetic = true;
			case "t" -> this.inText = !this.inPhonetic;
			default -> {
			}
		}
	}

	private void characters(char[] ch, int start, int length) {
		if (this.current.length() + length > this.limits.maxCellText()) {
			throw new LimitExceededException(Detail.SHARED_STRING_TEXT.with(Sizes.count(this.limits.maxCellText())));
		}
		this.characters += length;
		if (this.characters > this.limits.maxTextSize()) {
			throw new LimitExceededException(Detail.SHARED_STRINGS_TEXT.with(Sizes.count(this.limits.maxTextSize())));
		}
		this.current.append(ch, start, length);
	}

	private void end(String localName) {
		switch (localName) {
			case "t" -> this.inText = false;
			case "rPh" -> this.inPhonetic = false;
			case "si" -> {
				if (this.strings.size() >= this.limits.maxSharedStrings()) {
					throw new LimitExceededException(Detail.SHARED_STRINGS.with(Sizes.count(this.limits.maxSharedStrings())));
				}
				this.strings.add(XmlText.unescape(this.current.toString()));
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
