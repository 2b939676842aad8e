package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams .xlsx/.xlsm sheets with SAX so memory does not grow with the number of rows. Values stay
 * raw (numbers as numbers); number formats only decide whether a number is a date or a percentage.
 * A sheet lists its merged cells after its rows, so each sheet is read twice: a first pass keeps
 * only that list, the second applies it to the rows as they stream by ({@link MergedCells}).
 */
final class XlsxReader {

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private XlsxReader() {
	}

	static void read(Path file, String name, ReadLimits limits, SheetVisitor visitor) throws UnreadableFileException {
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			requireWorkbookPart(pkg);
			XSSFReader reader = new XSSFReader(pkg);
			WorkbookPart workbook = new WorkbookPart();
			parse(reader.getWorkbookData(), workbook);
			Styles styles = new Styles(reader.getStylesTable(), workbook.date1904);
			SharedStringsPart strings = SharedStringsPart.read(pkg, limits);
			for (SheetEntry sheet : workbook.sheets) {
				if (!sheet.visible() || !visitor.startSheet(sheet.name())) {
					continue;
				}
				MergeList merges = new MergeList();
				parse(reader.getSheet(sheet.relationship()), merges);
				parse(reader.getSheet(sheet.relationship()),
						new SheetHandler(visitor, strings, styles, limits, new MergedCells(merges.regions)));
				if (visitor.endSheet()) {
					return;
				}
			}
		}
		catch (VisitorFailure ex) {
			throw ex.getCause();
		}
		catch (IOException | SAXException | OpenXML4JException | POIXMLException | OpenXML4JRuntimeException
				| RecordFormatException | IllegalArgumentException ex) {
			// IllegalArgumentException: not an OOXML package at all (UnsupportedFileFormatException), or a
			// sheet's relationship id that the workbook part does not have.
			throw new UnreadableFileException("file-corrupt", "damaged Excel workbook",
					name + ": the workbook is damaged and cannot be read.", ex);
		}
		finally {
			if (pkg != null) {
				pkg.revert();
			}
		}
	}

	/**
	 * XSSFReader takes the workbook part for granted: a relationship to a part the zip lacks would
	 * end in a NullPointerException.
	 */
	private static void requireWorkbookPart(OPCPackage pkg) throws InvalidFormatException {
		PackageRelationship office = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
		if (office != null && pkg.getPart(office) == null) {
			throw new InvalidFormatException("No part " + office.getTargetURI() + " for the workbook");
		}
	}

	private static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
		try (in) {
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(handler);
			xml.parse(new InputSource(in));
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record SheetEntry(String name, String relationship, boolean visible) {
	}

	/** Sheet order, names and visibility, and the date system, from xl/workbook.xml. */
	private static final class WorkbookPart extends DefaultHandler {

		/** Far beyond any real workbook; a list of millions would fill the heap. */
		private static final int MAX_SHEETS = 10_000;

		private final List<SheetEntry> sheets = new ArrayList<>();

		private boolean date1904;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if (localName.equals("workbookPr")) {
				String value = attributes.getValue("date1904");
				this.date1904 = "1".equals(value) || "true".equals(value);
			}
			else if (localName.equals("sheet")) {
				if (this.sheets.size() >= MAX_SHEETS) {
					throw new LimitExceededException("more than " + Sizes.count(MAX_SHEETS) + " sheets");
				}
				String state = attributes.getValue("state");
				this.sheets.add(new SheetEntry(attributes.getValue("name"), attributes.getValue(RELATIONSHIPS, "id"),
						state == null || state.equals("visible")));
			}
		}

	}

	private record Style(boolean date, boolean percent, String font) {
	}

	/** What a cell's style says about its value, looked up once per style index. */
	private static final class Styles {

		private static final Style PLAIN = new Style(false, false, null);

		private final StylesTable table;

		private final boolean date1904;

		private final Map<Integer, Style> byIndex = new HashMap<>();

		Styles(StylesTable table, boolean date1904) {
			this.table = table;
			this.date1904 = date1904;
		}

		Style at(int index) {
			// Only styles the table has are remembered: cells can name any index.
			if (this.table == null || index < 0 || index >= this.table.getNumCellStyles()) {
				return PLAIN;
			}
			return this.byIndex.computeIfAbsent(index, this::lookUp);
		}

		private Style lookUp(int index) {
			XSSFCellStyle style = (this.table != null) ? this.table.getStyleAt(index) : null;
			if (style == null) {
				return PLAIN;
			}
			String format = style.getDataFormatString();
			boolean date = format != null && DateUtil.isADateFormat(style.getDataFormat(), format);
			XSSFFont font = style.getFont();
			return new Style(date, !date && format != null && format.contains("%"),
					(font != null) ? font.getFontName() : null);
		}

	}

	/** The first pass over a sheet: its merged regions, nothing else. */
	private static final class MergeList extends DefaultHandler {

		/** Far more than any form has; the list is kept whole while the sheet is read. */
		private static final int MAX_REGIONS = 100_000;

		private final List<MergedCells.Region> regions = new ArrayList<>();

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			if (localName.equals("mergeCell")) {
				String ref = attributes.getValue("ref");
				int colon = (ref != null) ? ref.indexOf(':') : -1;
				if (colon > 0) {
					if (this.regions.size() == MAX_REGIONS) {
						throw new LimitExceededException("more than " + Sizes.count(MAX_REGIONS) + " merged areas on a sheet");
					}
					String first = ref.substring(0, colon);
					String last = ref.substring(colon + 1);
					this.regions.add(new MergedCells.Region(SheetHandler.row(first), SheetHandler.row(last),
							SheetHandler.column(first), SheetHandler.column(last)));
				}
			}
		}

	}

	/** Turns one sheet's XML into rows of raw cells. */
	private static final class SheetHandler extends DefaultHandler {

		private final SheetVisitor visitor;

		private final SharedStringsPart strings;

		private final Styles styles;

		private final ReadLimits limits;

		private final MergedCells merges;

		private final StringBuilder value = new StringBuilder();

		private List<Cell> cells = new ArrayList<>();

		private int rowNumber;

		private int column;

		private String type;

		private int style;

		private boolean hasValue;

		private boolean collecting;

		private boolean inInline;

		private boolean inPhonetic;

		SheetHandler(SheetVisitor visitor, SharedStringsPart strings, Styles styles, ReadLimits limits,
				MergedCells merges) {
			this.visitor = visitor;
			this.strings = strings;
			this.styles = styles;
			this.limits = limits;
			this.merges = merges;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					this.rowNumber = (r != null) ? integer(r) : this.rowNumber + 1;
					this.cells = new ArrayList<>();
					this.column = -1;
				}
				case "c" -> {
					String r = attributes.getValue("r");
					this.column = (r != null) ? column(r) : this.column + 1;
					this.type = attributes.getValue("t");
					String s = attributes.getValue("s");
					this.style = (s != null) ? integer(s) : 0;
					this.value.setLength(0);
					this.hasValue = false;
				}
				case "v" -> this.collecting = true;
				case "is" -> this.inInline = true;
				case "rPh" -> this.inPhonetic = true;
				case "t" -> this.collecting = this.inInline && !this.inPhonetic;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.collecting) {
				// Checked as it grows: a cell's text must not fill the heap before it is complete.
				if (this.value.length() + length > this.limits.maxCellText()) {
					throw LimitedVisitor.cellTooLong(this.limits);
				}
				this.value.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "v", "t" -> {
					this.hasValue |= this.collecting;
					this.collecting = false;
				}
				case "is" -> this.inInline = false;
				case "rPh" -> this.inPhonetic = false;
				case "c" -> {
					Cell cell = this.hasValue ? cell() : null;
					if (this.cells.size() >= ReadLimits.MAX_COLUMNS) {
						throw new LimitExceededException("more than " + Sizes.count(ReadLimits.MAX_COLUMNS)
								+ " cells in row " + this.rowNumber);
					}
					if (Workbooks.holdsSomething(cell)) {
						this.cells.add(cell);
					}
				}
				case "row" -> {
					List<Cell> merged = this.merges.apply(this.rowNumber, this.cells);
					if (!merged.isEmpty()) {
						try {
							this.visitor.row(new SheetRow(this.rowNumber, List.copyOf(merged)));
						}
						catch (RuntimeException ex) {
							throw new VisitorFailure(ex);
						}
					}
				}
				default -> {
				}
			}
		}

		private Cell cell() throws SAXException {
			String raw = this.value.toString();
			Style style = this.styles.at(this.style);
			String t = (this.type != null) ? this.type : "n";
			try {
				return switch (t) {
					case "s" -> text(this.strings.string(Integer.parseInt(raw.trim())), style);
					case "inlineStr", "str" -> text(raw, style);
					case "b" -> new Cell(this.column, CellKind.BOOLEAN, raw.trim().equals("1") ? "TRUE" : "FALSE", 0,
							null, false, style.font());
					case "e" -> new Cell(this.column, CellKind.ERROR, raw.trim(), 0, null, false, style.font());
					case "d" -> date(LocalDate.parse(raw.trim().substring(0, 10)), style);
					default -> number(Double.parseDouble(raw.trim()), style);
				};
			}
			catch (NumberFormatException | DateTimeException | IndexOutOfBoundsException ex) {
				throw new SAXException("Unreadable value \"" + raw + "\" in " + Cell.columnName(this.column)
						+ this.rowNumber, ex);
			}
		}

		private Cell text(String text, Style style) {
			return new Cell(this.column, CellKind.TEXT, text, 0, null, false, style.font());
		}

		private Cell number(double number, Style style) {
			if (style.date() && DateUtil.isValidExcelDate(number)) {
				LocalDate date = DateUtil.getLocalDateTime(number, this.styles.date1904).toLocalDate();
				return new Cell(this.column, CellKind.NUMBER, DAY.format(date), number, date, false, style.font());
			}
			return new Cell(this.column, CellKind.NUMBER, Cell.plain(number), number, null, style.percent(),
					style.font());
		}

		private Cell date(LocalDate date, Style style) {
			double number = DateUtil.getExcelDate(date, this.styles.date1904);
			return new Cell(this.column, CellKind.NUMBER, DAY.format(date), number, date, false, style.font());
		}

		private static int integer(String attribute) throws SAXException {
			try {
				return Integer.parseInt(attribute);
			}
			catch (NumberFormatException ex) {
				throw new SAXException("Not a number: " + attribute, ex);
			}
		}

		/** The row number of a reference such as "AB12". */
		static int row(String reference) throws SAXException {
			int digits = 0;
			while (digits < reference.length() && !Character.isDigit(reference.charAt(digits))) {
				digits++;
			}
			return integer(reference.substring(digits));
		}

		/** The 0-based column of a reference such as "AB12". */
		static int column(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = reference.charAt(i);
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
			}
			return column - 1;
		}

	}

	/** Carries an exception of the visitor through the SAX parser so it is not taken for a damaged file. */
	private static final class VisitorFailure extends SAXException {

		VisitorFailure(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

}
