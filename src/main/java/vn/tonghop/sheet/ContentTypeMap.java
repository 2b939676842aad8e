package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.UncheckedStreamException;

/** [Content_Types].xml: the content type of each part, by name or by extension, as POI resolves them. */
final class ContentTypeMap {

	private final Map<String, String> byExtension = new HashMap<>();

	private final Map<String, String> byPart = new HashMap<>();

	private final boolean readable;

	/**
	 * @param bytes the part, which {@link XmlSafety} has checked
	 */
	ContentTypeMap(byte[] bytes) {
		boolean parsed;
		try {
			XlsxReader.parse(new ByteArrayInputStream(bytes), (event, xml) -> {
				if (event == XMLStreamConstants.START_ELEMENT) {
					add(xml);
				}
			});
			parsed = true;
		}
		catch (IOException | XMLStreamException | UncheckedStreamException ex) {
			// POI refuses the package itself when its content types do not parse.
			this.byPart.clear();
			this.byExtension.clear();
			parsed = false;
		}
		this.readable = parsed;
	}

	/** Whether the part parsed: a package whose content types do not is not read. */
	boolean readable() {
		return this.readable;
	}

	private void add(XMLStreamReader xml) {
		String type = XlsxReader.attribute(xml, "ContentType");
		if (type == null) {
			return;
		}
		String extension = XlsxReader.attribute(xml, "Extension");
		String part = XlsxReader.attribute(xml, "PartName");
		if (xml.getLocalName().equals("Default") && extension != null) {
			this.byExtension.put(extension.toLowerCase(Locale.ROOT), type);
		}
		else if (xml.getLocalName().equals("Override") && part != null) {
			this.byPart.put(part.toLowerCase(Locale.ROOT), type);
		}
	}

	/** The content type of a zip entry, or null. */
	String of(String entry) {
		String part = "/" + entry.toLowerCase(Locale.ROOT);
		String type = this.byPart.get(part);
		if (type != null) {
			return type;
		}
		int dot = part.lastIndexOf('.');
		return (dot >= 0) ? this.byExtension.get(part.substring(dot + 1)) : null;
	}

}
