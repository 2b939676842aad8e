package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * What a reader needs from an .xlsx's styles part: per cell style, its number format and its
 * font's name. Read with StAX in one pass; POI's StylesTable builds the whole XMLBeans model of
 * the part for every file, which was a quarter of the time spent reading a small workbook. The
 * answers are POI's: a style's format is the custom format of its id, else the built-in one, and
 * its font is its own, else that of the cell style it is based on.
 */
final class StylesPart {

	static final StylesPart NONE = new StylesPart(new int[0], new int[0], new int[0], new int[0], new String[0], Map.of());

	private final int[] formatIds;

	/** Per cell style, its font, or -1 when it names none and its base style's applies. */
	private final int[] fontIds;

	private final int[] baseStyles;

	private final int[] baseFontIds;

	private final String[] fontNames;

	private final Map<Integer, String> customFormats;

	private StylesPart(int[] formatIds, int[] fontIds, int[] baseStyles, int[] baseFontIds, String[] fontNames,
			Map<Integer, String> customFormats) {
		this.formatIds = formatIds;
		this.fontIds = fontIds;
		this.baseStyles = baseStyles;
		this.baseFontIds = baseFontIds;
		this.fontNames = fontNames;
		this.customFormats = customFormats;
	}

	/** The number of cell styles. */
	int size() {
		return this.formatIds.length;
	}

	int formatId(int style) {
		return this.formatIds[style];
	}

	/** The style's number format, or null when it has none known. */
	String format(int style) {
		int id = this.formatIds[style];
		String custom = this.customFormats.get(id);
		return (custom != null) ? custom : BuiltinFormats.getBuiltinFormat(id);
	}

	/** The name of the style's font, or null. */
	String fontName(int style) {
		int font = this.fontIds[style];
		if (font < 0) {
			int base = this.baseStyles[style];
			font = (base >= 0 && base < this.baseFontIds.length) ? this.baseFontIds[base] : 0;
		}
		return (font >= 0 && font < this.fontNames.length) ? this.fontNames[font] : null;
	}

	/**
	 * @param in the part, which {@link XmlSafety} has checked
	 */
	static StylesPart read(InputStream in) throws IOException, XMLStreamException {
		Builder builder = new Builder();
		XlsxReader.parse(in, builder::on);
		return builder.build();
	}

	private static final class Builder {

		private final Map<Integer, String> customFormats = new HashMap<>();

		private final List<Integer> formatIds = new ArrayList<>();

		private final List<Integer> fontIds = new ArrayList<>();

		private final List<Integer> baseStyles = new ArrayList<>();

		private final List<Integer> baseFontIds = new ArrayList<>();

		private final List<String> fontNames = new ArrayList<>();

		/** The list being read: numFmts, cellXfs, cellStyleXfs, fonts, or null outside them. */
		private String list;

		private int depth;

		/** The depth of the font being read inside fonts, or -1. */
		private int fontDepth = -1;

		void on(int event, XMLStreamReader xml) {
			if (event == XMLStreamConstants.START_ELEMENT) {
				this.depth++;
				start(xml, xml.getLocalName());
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				end();
				this.depth--;
			}
		}

		private void start(XMLStreamReader xml, String name) {
			// The lists are children of styleSheet: fonts inside dxfs, say, are not the font list.
			if (this.depth == 2) {
				this.list = switch (name) {
					case "numFmts", "cellXfs", "cellStyleXfs", "fonts" -> name;
					default -> null;
				};
				return;
			}
			if (this.depth == 3 && name.equals("numFmt") && "numFmts".equals(this.list)) {
				int id = number(XlsxReader.attribute(xml, "numFmtId"), Integer.MIN_VALUE);
				String code = XlsxReader.attribute(xml, "formatCode");
				if (id != Integer.MIN_VALUE && code != null) {
					this.customFormats.put(id, code);
				}
			}
			else if (this.depth == 3 && name.equals("xf") && "cellXfs".equals(this.list)) {
				this.formatIds.add(number(XlsxReader.attribute(xml, "numFmtId"), 0));
				this.fontIds.add(number(XlsxReader.attribute(xml, "fontId"), -1));
				this.baseStyles.add(number(XlsxReader.attribute(xml, "xfId"), 0));
			}
			else if (this.depth == 3 && name.equals("xf") && "cellStyleXfs".equals(this.list)) {
				this.baseFontIds.add(number(XlsxReader.attribute(xml, "fontId"), 0));
			}
			else if (this.depth == 3 && name.equals("font") && "fonts".equals(this.list)) {
				this.fontNames.add(null);
				this.fontDepth = this.depth;
			}
			else if (this.depth == this.fontDepth + 1 && name.equals("name")
					&& this.fontNames.get(this.fontNames.size() - 1) == null) {
				this.fontNames.set(this.fontNames.size() - 1, XlsxReader.attribute(xml, "val"));
			}
		}

		private void end() {
			if (this.depth == this.fontDepth) {
				this.fontDepth = -1;
			}
			if (this.depth == 2) {
				this.list = null;
			}
		}

		StylesPart build() {
			return new StylesPart(ints(this.formatIds), ints(this.fontIds), ints(this.baseStyles), ints(this.baseFontIds),
					this.fontNames.toArray(String[]::new), this.customFormats);
		}

		private static int[] ints(List<Integer> values) {
			return values.stream().mapToInt(Integer::intValue).toArray();
		}

		/** An index attribute, or the default when it is absent or not a number. */
		private static int number(String value, int absent) {
			if (value == null) {
				return absent;
			}
			try {
				return Integer.parseInt(value.trim());
			}
			catch (NumberFormatException ex) {
				return absent;
			}
		}

	}

}
