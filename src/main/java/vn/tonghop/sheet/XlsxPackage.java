package vn.tonghop.sheet;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The parts of an .xlsx that reading needs, found as POI's OPCPackage finds them: the workbook
 * through the package's officeDocument relationship, sheets through the workbook's relationships,
 * shared strings and styles by content type. POI builds its whole package model for that (the
 * content types, every relationship part and the document properties, each through a new DOM
 * parser), which was a third of the time spent reading a small workbook. {@link ZipLimits} has
 * inflated and checked every part before this opens the zip.
 */
final class XlsxPackage implements Closeable {

	static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String OFFICE_DOCUMENT = RELATIONSHIPS + "/officeDocument";

	private static final String CONTENT_TYPES = "/[content_types].xml";

	private final ZipFile zip;

	/** Entries by part name in lower case: part names are compared without case. */
	private final Map<String, ZipArchiveEntry> parts;

	private final ContentTypeMap types;

	private XlsxPackage(ZipFile zip, Map<String, ZipArchiveEntry> parts, ContentTypeMap types) {
		this.zip = zip;
		this.parts = parts;
		this.types = types;
	}

	/**
	 * @throws DamagedPackageException when the zip is not an OPC package POI would open
	 */
	static XlsxPackage open(Path file) throws IOException {
		ZipFile zip = ZipFile.builder().setPath(file).get();
		try {
			Map<String, ZipArchiveEntry> parts = new HashMap<>();
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				if (entry.isDirectory()) {
					continue;
				}
				if (parts.put(key(entry.getName()), entry) != null) {
					throw new DamagedPackageException("two parts named " + entry.getName());
				}
			}
			ZipArchiveEntry typesEntry = parts.get(CONTENT_TYPES);
			if (typesEntry == null) {
				throw new DamagedPackageException("no content types part");
			}
			ContentTypeMap types;
			try (InputStream in = zip.getInputStream(typesEntry)) {
				types = new ContentTypeMap(in.readAllBytes());
			}
			if (!types.readable()) {
				throw new DamagedPackageException("the content types part does not parse");
			}
			return new XlsxPackage(zip, parts, types);
		}
		catch (IOException | RuntimeException ex) {
			zip.close();
			throw ex;
		}
	}

	/** The workbook's part name, which the package's officeDocument relationship leads to. */
	String workbookPart() throws IOException, XMLStreamException {
		Relationship office = relationships("/").first(OFFICE_DOCUMENT);
		if (office == null || office.part() == null || !has(office.part())) {
			throw new DamagedPackageException("no workbook part");
		}
		return office.part();
	}

	/** The relationships of a part ("/" for the package's own), empty when it has none. */
	Relationships relationships(String part) throws IOException, XMLStreamException {
		int slash = part.lastIndexOf('/');
		String folder = part.substring(0, slash + 1);
		String relsPart = folder + "_rels/" + part.substring(slash + 1) + ".rels";
		Relationships relationships = new Relationships();
		ZipArchiveEntry entry = entry(relsPart);
		if (entry == null) {
			return relationships;
		}
		XlsxReader.parse(this.zip.getInputStream(entry), (event, xml) -> {
			if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
				String id = XlsxReader.attribute(xml, "Id");
				String type = XlsxReader.attribute(xml, "Type");
				String target = XlsxReader.attribute(xml, "Target");
				boolean external = "External".equals(XlsxReader.attribute(xml, "TargetMode"));
				if (id == null || type == null || target == null) {
					throw new XMLStreamException("a relationship without an id, type or target in " + relsPart);
				}
				relationships.byId.putIfAbsent(id, new Relationship(type, external ? null : resolve(folder, target)));
			}
		});
		return relationships;
	}

	/** The first part (by name) of a content type, or null. */
	String partOfType(String contentType) {
		TreeMap<String, String> found = new TreeMap<>();
		this.parts.forEach((key, entry) -> {
			if (contentType.equals(this.types.of(entry.getName()))) {
				found.put(key, "/" + entry.getName());
			}
		});
		return found.isEmpty() ? null : found.firstEntry().getValue();
	}

	boolean has(String part) {
		return entry(part) != null;
	}

	/** The part's name as the zip spells it ("/xl/worksheets/sheet1.xml"). */
	String name(String part) {
		ZipArchiveEntry entry = entry(part);
		return (entry != null) ? "/" + entry.getName() : part;
	}

	/** The part's size once inflated, as the zip's directory gives it; -1 when it gives none. */
	long size(String part) {
		ZipArchiveEntry entry = entry(part);
		return (entry != null) ? entry.getSize() : -1;
	}

	InputStream open(String part) throws IOException {
		return this.zip.getInputStream(existing(part));
	}

	/** The part's stream, a large one inflated on a thread of its own while the caller parses it. */
	InputStream openAhead(String part) throws IOException {
		return InflatingAhead.of(this.zip, existing(part));
	}

	private ZipArchiveEntry existing(String part) throws DamagedPackageException {
		ZipArchiveEntry entry = entry(part);
		if (entry == null) {
			throw new DamagedPackageException("no part " + part);
		}
		return entry;
	}

	@Override
	public void close() throws IOException {
		this.zip.close();
	}

	/** A part's entry ("/xl/workbook.xml"), whatever the case of its name, or null. */
	private ZipArchiveEntry entry(String part) {
		return this.parts.get(part.toLowerCase(Locale.ROOT));
	}

	private static String key(String entryName) {
		return "/" + entryName.toLowerCase(Locale.ROOT);
	}

	/**
	 * A target relative to the source's folder, or absolute, as a part name: dot segments
	 * resolved and %-escapes decoded, as a URI resolves it.
	 */
	static String resolve(String folder, String target) {
		String path = decode(target.startsWith("/") ? target : folder + target);
		int query = path.indexOf('#');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.split("/")) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				segments.pollLast();
			}
			else {
				segments.addLast(segment);
			}
		}
		return "/" + String.join("/", segments);
	}

	private static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
				bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

	/** Where a relationship leads: a part name, or null when it leads outside the package. */
	record Relationship(String type, String part) {
	}

	/** A part's relationships by id. */
	static final class Relationships {

		/** In the order of the part: the first of a type is the one POI takes. */
		private final Map<String, Relationship> byId = new LinkedHashMap<>();

		Relationship get(String id) {
			return this.byId.get(id);
		}

		Relationship first(String type) {
			return this.byId.values().stream().filter(r -> r.type().equals(type)).findFirst().orElse(null);
		}

	}

	/** The zip is not a package POI would open: reported as a damaged workbook. */
	static final class DamagedPackageException extends IOException {

		private static final long serialVersionUID = 1L;

		DamagedPackageException(String message) {
			super(message);
		}

	}

}
