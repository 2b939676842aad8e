package vn.tonghop.feedback;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a package part parsed into a DOM back as UTF-8 XML. The JDK's Transformer did this for
 * {@link FrontSheet}; on a national day its XSLT machinery was a tenth of what the JIT compiled,
 * for four small parts a file. Declares a namespace an element or attribute uses where it is not
 * declared already, as the Transformer does: an attribute added with a prefix the part never bound.
 */
final class PartWriter {

	private PartWriter() {
	}

	static byte[] write(Document document) {
		StringBuilder xml = new StringBuilder(4096).append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
		for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
			node(xml, node, Map.of());
		}
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** @param scope the namespaces declared around the node, by prefix ("" for the default one) */
	private static void node(StringBuilder xml, Node node, Map<String, String> scope) {
		switch (node.getNodeType()) {
			case Node.ELEMENT_NODE -> element(xml, (Element) node, scope);
			case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(xml, node.getNodeValue(), false);
			case Node.COMMENT_NODE -> xml.append("<!--").append(node.getNodeValue()).append("-->");
			case Node.PROCESSING_INSTRUCTION_NODE -> {
				String data = node.getNodeValue();
				xml.append("<?").append(node.getNodeName()).append(data.isEmpty() ? "" : " ").append(data).append("?>");
			}
			default -> {
				// Nothing else is in a part parsed without a DOCTYPE.
			}
		}
	}

	private static void element(StringBuilder xml, Element element, Map<String, String> outer) {
		Map<String, String> scope = outer;
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
				scope = declared(scope, declaredPrefix(attribute), attribute.getValue());
			}
		}
		xml.append('<').append(element.getTagName());
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			xml.append(' ').append(attribute.getName()).append("=\"");
			escape(xml, attribute.getValue(), true);
			xml.append('"');
		}
		scope = declare(xml, scope, element.getPrefix(), element.getNamespaceURI());
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (attribute.getPrefix() != null && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
					&& !XMLConstants.XML_NS_URI.equals(attribute.getNamespaceURI())) {
				scope = declare(xml, scope, attribute.getPrefix(), attribute.getNamespaceURI());
			}
		}
		if (!element.hasChildNodes()) {
			xml.append("/>");
			return;
		}
		xml.append('>');
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			node(xml, child, scope);
		}
		xml.append("</").append(element.getTagName()).append('>');
	}

	/** "" for xmlns="…", the prefix for xmlns:prefix="…". */
	private static String declaredPrefix(Attr declaration) {
		return XMLConstants.XMLNS_ATTRIBUTE.equals(declaration.getName()) ? "" : declaration.getLocalName();
	}

	/** Declares a name's namespace on the element being written unless it is in scope already. */
	private static Map<String, String> declare(StringBuilder xml, Map<String, String> scope, String prefix,
			String namespace) {
		String key = (prefix != null) ? prefix : "";
		String uri = (namespace != null) ? namespace : "";
		if (uri.equals(scope.getOrDefault(key, ""))) {
			return scope;
		}
		xml.append(key.isEmpty() ? " xmlns" : " xmlns:" + key).append("=\"");
		escape(xml, uri, true);
		xml.append('"');
		return declared(scope, key, uri);
	}

	private static Map<String, String> declared(Map<String, String> scope, String prefix, String namespace) {
		Map<String, String> inner = new HashMap<>(scope);
		inner.put(prefix, namespace);
		return inner;
	}

	/**
	 * Escapes text, or an attribute's value, where tabs and line breaks are written as references
	 * so that reading it back keeps them.
	 */
	static void escape(StringBuilder xml, String text, boolean attribute) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> xml.append("&amp;");
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				case '"' -> xml.append(attribute ? "&quot;" : "\"");
				case '\r' -> xml.append("&#13;");
				case '\t' -> xml.append(attribute ? "&#9;" : "\t");
				case '\n' -> xml.append(attribute ? "&#10;" : "\n");
				// XML 1.0 has no way to write the other control characters, nor U+FFFE and U+FFFF; a file name may hold one.
				default -> xml.append((c < 0x20 || c == '\uFFFE' || c == '\uFFFF') ? '?' : c);
			}
		}
	}

}
