package vn.tonghop.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import vn.tonghop.report.SafeText;
import vn.tonghop.sheet.Cell;

/**
 * Puts the summary sheet in front of an .xlsx with nothing to mark, without opening it as a
 * workbook. POI's user model parses every part of a file into objects and writes every part back:
 * for a district's small clean workbook that was most of the CPU spent on its file. Here the
 * package is copied part by part, compressed parts byte for byte, and only what must change is
 * rewritten: the workbook part (the new first sheet, the views and sheet-local names moved up by
 * one), its relationships, the content types, the styles (two fonts and three cell formats added)
 * and any sheet or chart sheet whose tab was selected (two selected tabs open as a group).
 * <p>
 * Anything it does not recognise (strict OOXML, parts missing or elsewhere) gives no result, and
 * the caller annotates with POI as before.
 */
final class FrontSheet {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

	private static final String OFFICE_DOCUMENT = RELATIONSHIPS + "/officeDocument";

	private static final String WORKSHEET = RELATIONSHIPS + "/worksheet";

	/** A chart on a tab of its own; its tab can be the selected one too. */
	private static final String CHARTSHEET = RELATIONSHIPS + "/chartsheet";

	private static final String STYLES = RELATIONSHIPS + "/styles";

	private static final String WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

	/** A template's main part saved as a workbook: Excel refuses a template type under .xlsx. */
	private static final Map<String, String> NOT_TEMPLATE = Map.of(
			"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
			"application/vnd.ms-excel.template.macroEnabled.main+xml",
			"application/vnd.ms-excel.sheet.macroEnabled.main+xml");

	/** sheetViews come before sheetData; a selected tab shows there. */
	private static final Pattern SELECTED_TAB = Pattern.compile("\\s+tabSelected\\s*=\\s*([\"'])(?:1|true)\\1");

	private static final Pattern SHEET_DATA = Pattern.compile("<(?:\\w+:)?sheetData[\\s/>]");

	/** How much of a sheet is looked at for a selected tab: its views lead the part. */
	private static final int HEAD = 1 << 16;

	private static final DocumentBuilderFactory DOCUMENTS = documentBuilderFactory();

	/**
	 * A parser per thread, used again for every part: making one was most of the time spent on the
	 * four parts of a small workbook.
	 */
	private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(FrontSheet::newBuilder);

	private FrontSheet() {
	}

	/**
	 * @return the workbook with the summary in front, or empty when the package is not one this
	 * understands
	 */
	static Optional<ReportWorkbook> insert(Path file, SubmissionReport report) throws IOException {
		try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
			return new Package(zip).insert(report);
		}
		catch (SAXException ex) {
			throw new IOException("Cannot put the summary in front of " + file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	private static DocumentBuilderFactory documentBuilderFactory() {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		try {
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
		factory.setExpandEntityReferences(false);
		return factory;
	}

	/** Factories are not safe to share between threads; what they make is used by one. */
	private static DocumentBuilder newBuilder() {
		synchronized (DOCUMENTS) {
			try {
				return DOCUMENTS.newDocumentBuilder();
			}
			catch (ParserConfigurationException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * A workbook of the summary sheet alone: the listing of a file with nothing to mark (a clean CSV,
	 * or a clean workbook too large to annotate). Written as the few parts it needs, since POI's user
	 * model costs more than everything else done for such a file.
	 */
	static byte[] alone(SubmissionReport report) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
			Package.put(out, "[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<Types xmlns=\"" + CONTENT_TYPES + "\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" "
					+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + WORKSHEET_TYPE + "\"/>"
					+ "<Override PartName=\"/xl/styles.xml\" "
					+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>")
				.getBytes(StandardCharsets.UTF_8));
			Package.put(out, "_rels/.rels", relationships("<Relationship Id=\"rId1\" Type=\"" + OFFICE_DOCUMENT
					+ "\" Target=\"xl/workbook.xml\"/>"));
			Package.put(out, "xl/workbook.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
					+ "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets><sheet name=\"" + SummarySheet.NAME
					+ "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
				.getBytes(StandardCharsets.UTF_8));
			Package.put(out, "xl/_rels/workbook.xml.rels", relationships("<Relationship Id=\"rId1\" Type=\"" + WORKSHEET
					+ "\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + STYLES
					+ "\" Target=\"styles.xml\"/>"));
			Package.put(out, "xl/styles.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"3\">" + font("", 11) + font("<b/>", 14)
					+ font("<b/>", 11) + "</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
					+ "<fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/>"
					+ "<right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" "
					+ "fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"4\">" + format(0)
					+ format(1) + format(2) + QUOTED + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" "
					+ "builtinId=\"0\"/></cellStyles></styleSheet>")
				.getBytes(StandardCharsets.UTF_8));
			Package.put(out, "xl/worksheets/sheet1.xml", Package.summary(report, new int[] { 1, 2, 3 })
				.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static byte[] relationships(String relationships) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
				+ PACKAGE_RELATIONSHIPS + "\">" + relationships + "</Relationships>")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String font(String bold, int size) {
		return "<font>" + bold + "<sz val=\"" + size + "\"/><name val=\"Calibri\"/><family val=\"2\"/></font>";
	}

	/** The plain look quote-prefixed: text that would read as a formula stays text when the cell is edited. */
	private static final String QUOTED = "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
			+ "quotePrefix=\"1\"/>";

	private static String format(int font) {
		return "<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
				+ (font > 0 ? " applyFont=\"1\"" : "") + "/>";
	}

	private static final class Package {

		private final ZipFile zip;

		/** Rewritten parts by entry name; every other entry is copied as it is. */
		private final Map<String, byte[]> rewritten = new LinkedHashMap<>();

		Package(ZipFile zip) {
			this.zip = zip;
		}

		Optional<ReportWorkbook> insert(SubmissionReport report) throws IOException, SAXException {
			Document rootRels = parse("_rels/.rels");
			String workbookPart = rootRels == null ? null : target(rootRels, OFFICE_DOCUMENT, "");
			Document workbook = workbookPart == null ? null : parse(workbookPart);
			if (workbook == null || !MAIN.equals(workbook.getDocumentElement().getNamespaceURI())) {
				return Optional.empty();
			}
			String relsPart = folder(workbookPart) + "_rels/" + workbookPart.substring(folder(workbookPart).length()) + ".rels";
			Document rels = parse(relsPart);
			Document types = parse("[Content_Types].xml");
			if (rels == null || types == null) {
				return Optional.empty();
			}
			String stylesPart = target(rels, STYLES, folder(workbookPart));
			Document styles = stylesPart == null ? null : parse(stylesPart);
			Element sheets = child(workbook.getDocumentElement(), MAIN, "sheets");
			if (styles == null || sheets == null) {
				return Optional.empty();
			}
			int[] looks = addLooks(styles);
			if (looks == null) {
				return Optional.empty();
			}
			String sheetPart = freePart(folder(workbookPart) + "worksheets/tonghop-summary", ".xml");
			String relId = freeRelationshipId(rels);
			addSheet(workbook, sheets, relId);
			addRelationship(rels, relId, sheetPart.substring(folder(workbookPart).length()));
			boolean macros = addContentType(types, "/" + workbookPart, "/" + sheetPart);
			for (String type : List.of(WORKSHEET, CHARTSHEET)) {
				for (String sheet : targets(rels, type, folder(workbookPart))) {
					unselectTab(sheet);
				}
			}
			this.rewritten.put(workbookPart, PartWriter.write(workbook));
			this.rewritten.put(relsPart, PartWriter.write(rels));
			this.rewritten.put(stylesPart, PartWriter.write(styles));
			this.rewritten.put("[Content_Types].xml", PartWriter.write(types));
			this.rewritten.put(sheetPart, summary(report, looks).getBytes(StandardCharsets.UTF_8));
			return Optional.of(ReportWorkbook.annotatedXlsx(write(), macros));
		}

		/**
		 * Adds the title and bold looks, fonts made from the workbook's default font and formats using
		 * them, and the plain look quote-prefixed.
		 */
		private static int[] addLooks(Document styles) {
			Element fonts = child(styles.getDocumentElement(), MAIN, "fonts");
			Element formats = child(styles.getDocumentElement(), MAIN, "cellXfs");
			if (fonts == null || formats == null) {
				return null;
			}
			List<Element> existing = children(fonts, MAIN, "font");
			Element base = existing.isEmpty() ? null : existing.get(0);
			int title = append(fonts, font(styles, fonts, base, 14));
			int bold = append(fonts, font(styles, fonts, base, 0));
			Element titleFormat = element(styles, formats, "xf");
			Element boldFormat = element(styles, formats, "xf");
			Element quotedFormat = element(styles, formats, "xf");
			int[] looks = { 0, 0, 0 };
			int i = 0;
			for (Element format : List.of(titleFormat, boldFormat, quotedFormat)) {
				format.setAttribute("numFmtId", "0");
				format.setAttribute("fontId", Integer.toString(i == 0 ? title : i == 1 ? bold : 0));
				format.setAttribute("fillId", "0");
				format.setAttribute("borderId", "0");
				format.setAttribute("xfId", "0");
				format.setAttribute(i < 2 ? "applyFont" : "quotePrefix", "1");
				looks[i++] = append(formats, format);
			}
			return looks;
		}

		/** A bold font of the given size (0: the base font's), in the base font's face. */
		private static Element font(Document styles, Element fonts, Element base, int size) {
			Element font = element(styles, fonts, "font");
			font.appendChild(element(styles, fonts, "b"));
			Element baseSize = base == null ? null : child(base, MAIN, "sz");
			if (size > 0 || baseSize != null) {
				Element sz = element(styles, fonts, "sz");
				sz.setAttribute("val", size > 0 ? Integer.toString(size) : baseSize.getAttribute("val"));
				font.appendChild(sz);
			}
			// The face, in the order the schema wants after the size.
			for (String face : List.of("name", "family", "charset", "scheme")) {
				Element part = base == null ? null : child(base, MAIN, face);
				if (part != null) {
					font.appendChild(part.cloneNode(true));
				}
			}
			return font;
		}

		/** Appends to a counted list (fonts, cellXfs) and returns the new entry's index. */
		private static int append(Element list, Element entry) {
			int index = children(list, list.getNamespaceURI(), entry.getLocalName()).size();
			list.appendChild(entry);
			list.setAttribute("count", Integer.toString(index + 1));
			return index;
		}

		private static void addSheet(Document workbook, Element sheets, String relId) {
			List<String> names = new ArrayList<>();
			int maxId = 0;
			for (Element sheet : children(sheets, MAIN, "sheet")) {
				names.add(sheet.getAttribute("name"));
				maxId = Math.max(maxId, number(sheet.getAttribute("sheetId")));
			}
			String name = SummarySheet.freeName(names);
			Element sheet = element(workbook, sheets, "sheet");
			sheet.setAttribute("name", name);
			sheet.setAttribute("sheetId", Integer.toString(maxId + 1));
			sheet.setAttributeNS(RELATIONSHIPS, prefix(sheets, RELATIONSHIPS) + ":id", relId);
			sheets.insertBefore(sheet, sheets.getFirstChild());
			Element views = child(workbook.getDocumentElement(), MAIN, "bookViews");
			for (Element view : views == null ? List.<Element>of() : children(views, MAIN, "workbookView")) {
				view.setAttribute("activeTab", "0");
				view.setAttribute("firstSheet", "0");
			}
			// Names local to a sheet point at it by position, and every sheet moved one place on.
			Element definedNames = child(workbook.getDocumentElement(), MAIN, "definedNames");
			for (Element definedName : definedNames == null ? List.<Element>of()
					: children(definedNames, MAIN, "definedName")) {
				if (definedName.hasAttribute("localSheetId")) {
					definedName.setAttribute("localSheetId",
							Integer.toString(number(definedName.getAttribute("localSheetId")) + 1));
				}
			}
		}

		private static void addRelationship(Document rels, String id, String target) {
			Element relationship = rels.createElementNS(PACKAGE_RELATIONSHIPS, "Relationship");
			relationship.setAttribute("Id", id);
			relationship.setAttribute("Type", WORKSHEET);
			relationship.setAttribute("Target", target);
			rels.getDocumentElement().appendChild(relationship);
		}

		/** @return whether the main part is macro-enabled */
		private static boolean addContentType(Document types, String workbookPart, String sheetPart) {
			boolean macros = false;
			for (Element override : children(types.getDocumentElement(), CONTENT_TYPES, "Override")) {
				if (override.getAttribute("PartName").equals(workbookPart)) {
					String type = NOT_TEMPLATE.getOrDefault(override.getAttribute("ContentType"),
							override.getAttribute("ContentType"));
					override.setAttribute("ContentType", type);
					macros = type.contains("macroEnabled");
				}
			}
			Element override = types.createElementNS(CONTENT_TYPES, "Override");
			override.setAttribute("PartName", sheetPart);
			override.setAttribute("ContentType", WORKSHEET_TYPE);
			types.getDocumentElement().appendChild(override);
			return macros;
		}

		/** Rewrites a sheet (or chart sheet) whose tab is selected without it; the summary is the selected tab now. */
		private void unselectTab(String worksheet) throws IOException {
			ZipArchiveEntry entry = this.zip.getEntry(worksheet);
			if (entry == null) {
				return;
			}
			String head;
			try (InputStream in = this.zip.getInputStream(entry)) {
				head = new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
			}
			Matcher data = SHEET_DATA.matcher(head);
			int end = data.find() ? data.start() : head.length();
			if (!SELECTED_TAB.matcher(head.substring(0, end)).find()) {
				return;
			}
			byte[] whole;
			try (InputStream in = this.zip.getInputStream(entry)) {
				whole = in.readAllBytes();
			}
			String text = new String(whole, StandardCharsets.UTF_8);
			Matcher wholeData = SHEET_DATA.matcher(text);
			int split = wholeData.find() ? wholeData.start() : text.length();
			this.rewritten.put(worksheet, (SELECTED_TAB.matcher(text.substring(0, split)).replaceAll("")
					+ text.substring(split)).getBytes(StandardCharsets.UTF_8));
		}

		/** The summary sheet as SpreadsheetML: inline strings, so the shared strings stay as they were. */
		private static String summary(SubmissionReport report, int[] looks) {
			StringBuilder xml = new StringBuilder(4096);
			xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
				.append(MAIN)
				.append("\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
				.append("<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews>")
				.append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
			for (int column = 0; column < SummarySheet.WIDTHS.length; column++) {
				xml.append("<col min=\"").append(column + 1).append("\" max=\"").append(column + 1)
					.append("\" width=\"").append(SummarySheet.WIDTHS[column]).append("\" customWidth=\"1\"/>");
			}
			xml.append("</cols><sheetData>");
			int row = -1;
			for (SummarySheet.Line line : SummarySheet.head(report)) {
				if (line.row() != row) {
					if (row >= 0) {
						xml.append("</row>");
					}
					row = line.row();
					xml.append("<row r=\"").append(row + 1).append("\">");
				}
				xml.append("<c r=\"").append(Cell.columnName(line.column())).append(row + 1).append('"');
				int look = switch (line.look()) {
					case TITLE -> looks[0];
					case BOLD -> looks[1];
					case PLAIN -> SafeText.looksLikeFormula(line.text()) ? looks[2] : -1;
				};
				if (look >= 0) {
					xml.append(" s=\"").append(look).append('"');
				}
				xml.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
				PartWriter.escape(xml, ReportText.cell(line.text()), false);
				xml.append("</t></is></c>");
			}
			if (row >= 0) {
				xml.append("</row>");
			}
			// Printed or exported to PDF, the list reads across one landscape page.
			return xml.append("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" ")
				.append("header=\"0.3\" footer=\"0.3\"/><pageSetup orientation=\"landscape\" fitToWidth=\"1\" ")
				.append("fitToHeight=\"0\"/></worksheet>")
				.toString();
		}

		private byte[] write() throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
				Set<String> written = new HashSet<>();
				for (ZipArchiveEntry entry : Collections.list(this.zip.getEntriesInPhysicalOrder())) {
					byte[] content = this.rewritten.get(entry.getName());
					if (content != null) {
						put(out, entry.getName(), content);
					}
					else {
						// Copied compressed, as it is: no inflating and deflating of parts that do not change.
						out.addRawArchiveEntry(new ZipArchiveEntry(entry), this.zip.getRawInputStream(entry));
					}
					written.add(entry.getName());
				}
				for (Map.Entry<String, byte[]> part : this.rewritten.entrySet()) {
					if (!written.contains(part.getKey())) {
						put(out, part.getKey(), part.getValue());
					}
				}
			}
			return bytes.toByteArray();
		}

		private static void put(ZipArchiveOutputStream out, String name, byte[] content) throws IOException {
			ZipArchiveEntry entry = new ZipArchiveEntry(name);
			entry.setMethod(ZipArchiveEntry.DEFLATED);
			out.putArchiveEntry(entry);
			out.write(content);
			out.closeArchiveEntry();
		}

		private Document parse(String part) throws IOException, SAXException {
			ZipArchiveEntry entry = this.zip.getEntry(part);
			if (entry == null) {
				return null;
			}
			try (InputStream in = this.zip.getInputStream(entry)) {
				return BUILDER.get().parse(in);
			}
		}

		private String freePart(String stem, String extension) {
			String name = stem + extension;
			for (int n = 2; this.zip.getEntry(name) != null; n++) {
				name = stem + n + extension;
			}
			return name;
		}

		private static String freeRelationshipId(Document rels) {
			Set<String> ids = new HashSet<>();
			for (Element relationship : children(rels.getDocumentElement(), PACKAGE_RELATIONSHIPS, "Relationship")) {
				ids.add(relationship.getAttribute("Id"));
			}
			String id = "rIdTonghop";
			for (int n = 2; ids.contains(id); n++) {
				id = "rIdTonghop" + n;
			}
			return id;
		}

		/** The part the first relationship of a type points at, as a zip entry name. */
		private static String target(Document rels, String type, String folder) {
			List<String> targets = targets(rels, type, folder);
			return targets.isEmpty() ? null : targets.get(0);
		}

		private static List<String> targets(Document rels, String type, String folder) {
			List<String> targets = new ArrayList<>();
			for (Element relationship : children(rels.getDocumentElement(), PACKAGE_RELATIONSHIPS, "Relationship")) {
				if (type.equals(relationship.getAttribute("Type"))
						&& !"External".equals(relationship.getAttribute("TargetMode"))) {
					String target = relationship.getAttribute("Target");
					targets.add(target.startsWith("/") ? target.substring(1) : Path.of(folder + target).normalize()
						.toString()
						.replace('\\', '/'));
				}
			}
			return targets;
		}

		private static String folder(String part) {
			return part.substring(0, part.lastIndexOf('/') + 1);
		}

		/**
		 * The prefix bound to a namespace where an element goes in, or else one bound to nothing there,
		 * which {@link PartWriter} declares: "r" may be another namespace's.
		 */
		private static String prefix(Element parent, String namespace) {
			String prefix = parent.lookupPrefix(namespace);
			if (prefix != null) {
				return prefix;
			}
			String free = "r";
			for (int n = 2; parent.lookupNamespaceURI(free) != null; n++) {
				free = "r" + n;
			}
			return free;
		}

		private static Element element(Document document, Element sibling, String localName) {
			String prefix = sibling.getPrefix();
			return document.createElementNS(sibling.getNamespaceURI(),
					prefix != null ? prefix + ":" + localName : localName);
		}

		private static Element child(Element parent, String namespace, String localName) {
			List<Element> found = children(parent, namespace, localName);
			return found.isEmpty() ? null : found.get(0);
		}

		private static List<Element> children(Element parent, String namespace, String localName) {
			List<Element> found = new ArrayList<>();
			for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
						&& localName.equals(element.getLocalName())) {
					found.add(element);
				}
			}
			return found;
		}

		private static int number(String number) {
			try {
				return Integer.parseInt(number.trim());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

}
