package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * Streams .xlsx/.xlsm sheets with a StAX parser (aalto-xml, several times faster than the JDK's SAX)
 * so memory does not grow with the number of rows. Values stay raw (numbers as numbers); number
 * formats only decide whether a number is a date or a percentage. A sheet lists its merged cells
 * after its rows; {@link XmlSafety} notes that list while it scans every part anyway, so each sheet
 * is parsed once and the list applied to the rows as they stream by ({@link MergedCells}). A sheet
 * whose list was not noted plainly is read twice, the first pass keeping only the list.
 */
final class XlsxReader {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	/** 1 March 1900: before it, the 1900 system's serials are off by the leap day it counts in 1900. */
	private static final int FIRST_SERIAL_AFTER_1900_LEAP_DAY = 61;

	/** The day whose serial would be 0 for the 1900 system's days from 1 March 1900 on. */
	private static final LocalDate DAY_ZERO_1900 = LocalDate.of(1899, 12, 30);

	private static final LocalDate DAY_ZERO_1904 = LocalDate.of(1904, 1, 1);

	/** 31 December 9999 in the 1900 system, Excel's last day; POI's own arithmetic takes any serial past it. */
	private static final int LAST_SERIAL = 2_958_465;

	private static final XMLInputFactory STAX = staxFactory();

	private XlsxReader() {
	}

	/**
	 * @param merges the merged regions {@link ZipLimits} noted; a sheet missing there has its list
	 * read first
	 */
	static void read(Path file, String name, ReadLimits limits, SheetMerges merges, SheetVisitor visitor)
			throws UnreadableFileException {
		long maxMarkup = ZipLimits.maxMarkup(limits);
		try (XlsxPackage pkg = XlsxPackage.open(file)) {
			String workbookPart = pkg.workbookPart();
			XlsxPackage.Relationships relationships = pkg.relationships(workbookPart);
			// Found by a relationship, the workbook part may be typed as a worksheet, and then had only its rows skipped.
			new WholeCheck(name, pkg, workbookPart, maxMarkup, merges).beforeStax();
			WorkbookPart workbook = WorkbookPart.read(pkg.open(workbookPart));
			Styles styles = new Styles(styles(pkg), workbook.date1904);
			String stringsPart = pkg.partOfType(XSSFRelation.SHARED_STRINGS.getContentType());
			SharedStringsPart strings = (stringsPart != null) ? SharedStringsPart.read(pkg.open(stringsPart), limits)
					: SharedStringsPart.empty(limits);
			for (SheetEntry sheet : workbook.sheets) {
				if (!sheet.visible() || !visitor.startSheet(sheet.name())) {
					continue;
				}
				String partName = sheetPart(pkg, relationships, sheet.relationship());
				List<MergedCells.Region> regions;
				WholeCheck whole = new WholeCheck(name, pkg, partName, maxMarkup, merges);
				if (merges.scanned(partName)) {
					regions = merges.of(partName);
				}
				else {
					// A sheet part not typed as a worksheet was not scanned as one; the parsers count on that scan.
					regions = checkWhole(name, pkg, partName, maxMarkup);
				}
				if (regions == null) {
					whole.beforeStax();
					regions = mergeList(pkg.open(partName));
				}
				ReadPosition position = new ReadPosition(pkg.size(partName));
				visitor.reading(position);
				new SheetHandler(sheet.name(), visitor, strings, styles, limits, regions, 0)
					.parse(() -> position.counting(pkg.openAhead(partName)), whole);
				if (visitor.endSheet()) {
					return;
				}
			}
		}
		catch (VisitorFailure ex) {
			throw ex.getCause();
		}
		catch (UnreadableValueException ex) {
			throw new UnreadableFileException("file-corrupt", Detail.XLSX_VALUE_UNREADABLE.with(ex.cell),
					name + ": the workbook is damaged and cannot be read: " + ex.getMessage() + ".", ex);
		}
		catch (IOException | XMLStreamException | UncheckedStreamException | IllegalArgumentException ex) {
			// IllegalArgumentException: what commons-compress throws on some damaged zips. UncheckedStreamException:
			// aalto decodes text lazily, so malformed bytes in it surface from getTextCharacters().
			throw new UnreadableFileException("file-corrupt", Detail.XLSX_DAMAGED.with(),
					name + ": the workbook is damaged and cannot be read.", ex);
		}
	}

	/** The part a sheet's relationship leads to, as the zip spells its name. */
	private static String sheetPart(XlsxPackage pkg, XlsxPackage.Relationships relationships, String id)
			throws IOException {
		XlsxPackage.Relationship sheet = (id != null) ? relationships.get(id) : null;
		if (sheet == null || sheet.part() == null || !pkg.has(sheet.part())) {
			throw new XlsxPackage.DamagedPackageException("no sheet part for relationship " + id);
		}
		return pkg.name(sheet.part());
	}

	private record SheetEntry(String name, String relationship, boolean visible) {
	}

	/** Sheet order, names and visibility, and the date system, from xl/workbook.xml. */
	private static final class WorkbookPart {

		/** Far beyond any real workbook; a list of millions would fill the heap. */
		private static final int MAX_SHEETS = 10_000;

		private final List<SheetEntry> sheets = new ArrayList<>();

		private boolean date1904;

		static WorkbookPart read(InputStream in) throws IOException, XMLStreamException {
			WorkbookPart workbook = new WorkbookPart();
			parse(in, (event, xml) -> {
				if (event == XMLStreamConstants.START_ELEMENT) {
					workbook.start(xml);
				}
			});
			return workbook;
		}

		private void start(XMLStreamReader xml) {
			if (xml.getLocalName().equals("workbookPr")) {
				String value = attribute(xml, "date1904");
				this.date1904 = "1".equals(value) || "true".equals(value);
			}
			else if (xml.getLocalName().equals("sheet")) {
				if (this.sheets.size() >= MAX_SHEETS) {
					throw new LimitExceededException(Detail.SHEETS.with(Sizes.count(MAX_SHEETS)));
				}
				String state = attribute(xml, "state");
				this.sheets.add(new SheetEntry(attribute(xml, "name"), xml.getAttributeValue(XlsxPackage.RELATIONSHIPS, "id"),
						state == null || state.equals("visible")));
			}
		}

	}

	/** @param digits the digits a format of zeros shows at least ({@link ZeroFilled}), else 0 */
	private record Style(boolean date, boolean time, boolean percent, int digits, String font) {
	}

	/** The styles part, found as POI's XSSFReader finds it (by content type). */
	private static StylesPart styles(XlsxPackage pkg) throws IOException, XMLStreamException {
		String part = pkg.partOfType(XSSFRelation.STYLES.getContentType());
		if (part == null) {
			return StylesPart.NONE;
		}
		return StylesPart.read(pkg.open(part));
	}

	/** What a cell's style says about its value, looked up once per style index. */
	private static final class Styles {

		private static final Style PLAIN = new Style(false, false, false, 0, null);

		private final StylesPart part;

		private final boolean date1904;

		private final Style[] byIndex;

		Styles(StylesPart part, boolean date1904) {
			this.part = part;
			this.date1904 = date1904;
			this.byIndex = new Style[part.size()];
		}

		Style at(int index) {
			// Only styles the table has are remembered: cells can name any index.
			if (index < 0 || index >= this.byIndex.length) {
				return PLAIN;
			}
			if (this.byIndex[index] == null) {
				this.byIndex[index] = lookUp(index);
			}
			return this.byIndex[index];
		}

		private Style lookUp(int index) {
			String format = this.part.format(index);
			boolean date = DateFormats.isDate(this.part.formatId(index), format);
			return new Style(date, date && DateFormats.isTimeOnly(format), !date && PercentFormat.scales(format),
					ZeroFilled.digits(format),
					this.part.fontName(index));
		}

	}

	/** The first pass over a sheet: its merged regions, nothing else. */
	private static List<MergedCells.Region> mergeList(InputStream in) throws IOException, XMLStreamException {
		List<MergedCells.Region> regions = new ArrayList<>();
		parse(in, (event, xml) -> {
			if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mergeCell")) {
				MergedCells.Region region = MergedCells.region(attribute(xml, "ref"));
				if (region != null) {
					MergedCells.requireRoomFor(regions.size());
					regions.add(region);
				}
			}
		});
		return regions;
	}

	/**
	 * Reads a worksheet part with the StAX parser, handing on the events {@link PlainWorksheet} hands
	 * on: for a part that is not plain, and to tell the two apart in tests.
	 */
	static void parseWorksheet(InputStream in, PlainWorksheet.Events events) throws IOException, XMLStreamException {
		try (in) {
			XMLStreamReader xml = newStreamReader(in);
			try {
				while (events.wanted() && xml.hasNext()) {
					switch (next(xml)) {
						case XMLStreamConstants.START_ELEMENT -> start(xml, events);
						case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
							events.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
						case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName(), events);
						default -> {
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
	}

	private static void start(XMLStreamReader xml, PlainWorksheet.Events events) throws XMLStreamException {
		switch (xml.getLocalName()) {
			case "row" -> {
				String r = attribute(xml, "r");
				events.startRow(r != null, (r != null) ? integer(r) : 0);
			}
			case "c" -> {
				// The cell's three attributes in one pass over them.
				String r = null;
				String t = null;
				String s = null;
				for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
					String prefix = xml.getAttributePrefix(i);
					if (prefix == null || prefix.isEmpty()) {
						switch (xml.getAttributeLocalName(i)) {
							case "r" -> r = (r == null) ? xml.getAttributeValue(i) : r;
							case "t" -> t = (t == null) ? xml.getAttributeValue(i) : t;
							case "s" -> s = (s == null) ? xml.getAttributeValue(i) : s;
							default -> {
							}
						}
					}
				}
				events.startCell(r != null, (r != null) ? column(r) : 0, t, (s != null) ? integer(s) : 0);
			}
			case "v" -> events.startValue();
			case "is" -> events.startInline();
			case "rPh" -> events.startPhonetic();
			case "t" -> events.startText();
			default -> {
			}
		}
	}

	private static void end(String localName, PlainWorksheet.Events events) throws XMLStreamException {
		switch (localName) {
			case "v", "t" -> events.endValue();
			case "is" -> events.endInline();
			case "rPh" -> events.endPhonetic();
			case "c" -> events.endCell();
			case "row" -> events.endRow();
			default -> {
			}
		}
	}

	/**
	 * A StAX reader that reads no DTD and fetches nothing. {@link XmlSafety} has already refused every
	 * part with a DOCTYPE; this keeps the parser safe on its own too.
	 */
	private static XMLStreamReader newStreamReader(InputStream in) throws XMLStreamException {
		return STAX.createXMLStreamReader(in);
	}

	private static XMLInputFactory staxFactory() {
		XMLInputFactory factory = new InputFactoryImpl();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

	/** The next event; a DOCTYPE ends the read, whatever a check before made of the part. */
	private static int next(XMLStreamReader xml) throws XMLStreamException {
		int event = xml.next();
		if (event == XMLStreamConstants.DTD) {
			throw new XMLStreamException("A DOCTYPE in a part is never read");
		}
		return event;
	}

	/**
	 * Parses a part with {@link #newStreamReader}, handing on every event; a DOCTYPE ends the read
	 * ({@link #next}). Closes the part.
	 */
	static void parse(InputStream in, PartEvents events) throws IOException, XMLStreamException {
		try (in) {
			XMLStreamReader xml = newStreamReader(in);
			try {
				while (xml.hasNext()) {
					events.on(next(xml), xml);
				}
			}
			finally {
				xml.close();
			}
		}
	}

	/** What a part's parse does with each event; the reader stands on that event. */
	@FunctionalInterface
	interface PartEvents {

		void on(int event, XMLStreamReader xml) throws XMLStreamException;

	}

	/** An attribute by its unprefixed name, as SAX's {@code Attributes.getValue(qName)} finds it. */
	static String attribute(XMLStreamReader xml, String name) {
		for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
			if (name.equals(xml.getAttributeLocalName(i))) {
				String prefix = xml.getAttributePrefix(i);
				if (prefix == null || prefix.isEmpty()) {
					return xml.getAttributeValue(i);
				}
			}
		}
		return null;
	}

	/** Opens a part anew for each read of it. */
	@FunctionalInterface
	private interface PartSource {

		InputStream open() throws IOException;

	}

	/**
	 * The check {@link XmlSafety} owes a part before the StAX parser first reads it, when the scan of
	 * the zip only skipped the part's rows ({@link XmlSafety#checkWorksheet}).
	 */
	private static final class WholeCheck {

		private final String file;

		private final XlsxPackage pkg;

		private final String partName;

		private final long maxMarkup;

		private boolean due;

		WholeCheck(String file, XlsxPackage pkg, String partName, long maxMarkup, SheetMerges merges) {
			this.file = file;
			this.pkg = pkg;
			this.partName = partName;
			this.maxMarkup = maxMarkup;
			this.due = merges.scanned(partName) && !merges.checkedWhole(partName);
		}

		void beforeStax() throws IOException, UnreadableFileException {
			if (this.due) {
				this.due = false;
				checkWhole(this.file, this.pkg, this.partName, this.maxMarkup);
			}
		}

	}

	/**
	 * Checks a sheet part with {@link XmlSafety}, every tag read, as a worksheet (the limit on
	 * different names is for the StAX parser's name table).
	 * @return the merged regions it noted, or null when they are not known
	 */
	private static List<MergedCells.Region> checkWhole(String file, XlsxPackage pkg, String partName, long maxMarkup)
			throws IOException, UnreadableFileException {
		String entry = partName.substring(1);
		SheetMerges noted = new SheetMerges();
		try (InputStream in = pkg.open(partName)) {
			XmlSafety.check(file, entry, in, maxMarkup, noted.part(entry));
		}
		return noted.of(partName);
	}

	/**
	 * Turns one sheet's XML into rows of raw cells: read by {@link PlainWorksheet}, or again by the
	 * StAX parser when that finds the part not plain.
	 */
	private static final class SheetHandler implements PlainWorksheet.Events {

		private final String sheet;

		private final SheetVisitor visitor;

		private final SharedStringsPart strings;

		private final Styles styles;

		private final ReadLimits limits;

		private final List<MergedCells.Region> regions;

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

		/** False once the visitor needs no more of the sheet: the rest is not parsed. */
		private boolean wanted = true;

		/** The rows this read of the sheet came to that hold something. */
		private int handed;

		/** The rows a read that fell back had handed already: this read does not hand them again. */
		private final int handedBefore;

		SheetHandler(String sheet, SheetVisitor visitor, SharedStringsPart strings, Styles styles, ReadLimits limits,
				List<MergedCells.Region> regions, int handedBefore) {
			this.sheet = sheet;
			this.visitor = visitor;
			this.strings = strings;
			this.styles = styles;
			this.limits = limits;
			this.regions = regions;
			this.merges = new MergedCells(regions);
			this.handedBefore = handedBefore;
		}

		/** Reads the sheet plain; one that is not is read again from its start, by a handler of its own, with StAX. */
		void parse(PartSource part, WholeCheck whole) throws IOException, XMLStreamException, UnreadableFileException {
			try (InputStream in = part.open()) {
				new PlainWorksheet(this, ZipLimits.maxMarkup(this.limits)).parse(in);
			}
			catch (PlainWorksheet.NotPlain ex) {
				whole.beforeStax();
				parseWorksheet(part.open(), new SheetHandler(this.sheet, this.visitor, this.strings, this.styles, this.limits,
						this.regions, this.handed));
			}
		}

		@Override
		public boolean wanted() {
			return this.wanted;
		}

		@Override
		public void startRow(boolean numbered, int number) {
			this.rowNumber = numbered ? number : this.rowNumber + 1;
			this.cells = new ArrayList<>();
			this.column = -1;
		}

		@Override
		public void startCell(boolean referenced, int column, String type, int style) {
			this.column = referenced ? column : this.column + 1;
			this.type = type;
			this.style = style;
			this.value.setLength(0);
			this.hasValue = false;
		}

		@Override
		public void startValue() {
			this.collecting = true;
		}

		@Override
		public void startInline() {
			this.inInline = true;
		}

		@Override
		public void startPhonetic() {
			this.inPhonetic = true;
		}

		@Override
		public void startText() {
			this.collecting = this.inInline && !this.inPhonetic;
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (!this.collecting) {
				return;
			}
			// Checked as it grows: a cell's text must not fill the heap before it is complete.
			if (this.value.length() + length > this.limits.maxCellText()) {
				throw LimitedVisitor.cellTooLong(this.limits, reference());
			}
			this.value.append(ch, start, length);
		}

		@Override
		public void endValue() {
			this.hasValue |= this.collecting;
			this.collecting = false;
		}

		@Override
		public void endInline() {
			this.inInline = false;
		}

		@Override
		public void endPhonetic() {
			this.inPhonetic = false;
		}

		@Override
		public void endCell() throws XMLStreamException {
			Cell cell = this.hasValue ? cell() : null;
			if (this.cells.size() >= ReadLimits.MAX_COLUMNS) {
				throw new LimitExceededException(
						Detail.ROW_CELLS.with(Sizes.count(ReadLimits.MAX_COLUMNS), this.rowNumber, this.sheet));
			}
			if (Workbooks.holdsSomething(cell)) {
				this.cells.add(cell);
			}
		}

		@Override
		public void endRow() {
			List<Cell> merged = this.merges.apply(this.rowNumber, this.cells);
			if (merged.isEmpty() || this.handed++ < this.handedBefore) {
				return;
			}
			try {
				this.visitor.row(new SheetRow(this.rowNumber, List.copyOf(merged)));
				this.wanted = this.visitor.wantsRows();
			}
			catch (RuntimeException ex) {
				throw new VisitorFailure(ex);
			}
		}

		private Cell cell() throws XMLStreamException {
			String raw = this.value.toString();
			Style style = this.styles.at(this.style);
			String t = (this.type != null) ? this.type : "n";
			if (raw.isBlank() && !t.equals("inlineStr") && !t.equals("str")) {
				// No value: a formula saved without its result (openpyxl writes <v></v>) is blank, as if never evaluated.
				return null;
			}
			try {
				// The type is a new string in every cell: told apart by equals, not hashed by a switch on it.
				if (t.equals("s")) {
					return text(this.strings.string(Integer.parseInt(raw.trim())), style);
				}
				if (t.equals("inlineStr") || t.equals("str")) {
					return text(XmlText.unescape(raw), style);
				}
				if (t.equals("b")) {
					return new Cell(this.column, CellKind.BOOLEAN, raw.trim().equals("1") ? "TRUE" : "FALSE", 0, null, false,
							style.font());
				}
				if (t.equals("e")) {
					return new Cell(this.column, CellKind.ERROR, raw.trim(), 0, null, false, style.font());
				}
				if (t.equals("d")) {
					return date(LocalDate.parse(raw.trim().substring(0, 10)), style);
				}
				return number(parseNumber(raw), style);
			}
			catch (NumberFormatException | DateTimeException | IndexOutOfBoundsException ex) {
				throw new UnreadableValueException(raw, reference(), ex);
			}
		}

		/** The current cell as Excel names it: "Báo cáo!H5". */
		private String reference() {
			return LimitedVisitor.reference(this.sheet, this.column, this.rowNumber);
		}

		private Cell text(String text, Style style) {
			return new Cell(this.column, CellKind.TEXT, text, 0, null, false, style.font());
		}

		private Cell number(double number, Style style) {
			if (style.date() && DateUtil.isValidExcelDate(number)) {
				LocalDateTime dateTime = dateTime(number, this.styles.date1904);
				return new Cell(this.column, CellKind.NUMBER, dateText(number, dateTime, style.time()), number, dateTime.toLocalDate(),
						false, style.font());
			}
			return new Cell(this.column, CellKind.NUMBER, ZeroFilled.text(number, style.digits()), number, null,
					style.percent(), style.font());
		}

		private Cell date(LocalDate date, Style style) {
			double number = DateUtil.getExcelDate(date, this.styles.date1904);
			return new Cell(this.column, CellKind.NUMBER, Cell.dayText(date), number, date, false, style.font());
		}

	}

	/** A date cell's text: its day, or its time when a time format shows a time of day alone (a serial under 1). */
	static String dateText(double serial, LocalDateTime dateTime, boolean timeFormat) {
		return (serial < 1 && timeFormat) ? TIME.format(dateTime) : Cell.dayText(dateTime.toLocalDate());
	}

	/**
	 * A date cell's date and time as POI's {@link DateUtil#getLocalDateTime(double, boolean)} gives
	 * it. A whole serial (a day, as nearly every date cell holds) is counted in days from the
	 * system's start, without POI's decimal arithmetic; in the 1900 system only from 1 March 1900
	 * on, after the 29 February 1900 Excel counts, and up to Excel's last day.
	 */
	static LocalDateTime dateTime(double serial, boolean date1904) {
		if (serial == Math.rint(serial) && serial >= (date1904 ? 0 : FIRST_SERIAL_AFTER_1900_LEAP_DAY)
				&& serial <= LAST_SERIAL) {
			return (date1904 ? DAY_ZERO_1904 : DAY_ZERO_1900).plusDays((long) serial).atStartOfDay();
		}
		return DateUtil.getLocalDateTime(serial, date1904);
	}

	private static int integer(String attribute) throws XMLStreamException {
		try {
			return Integer.parseInt(attribute);
		}
		catch (NumberFormatException ex) {
			throw damaged("Not a number: " + attribute, ex);
		}
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

	private static XMLStreamException damaged(String message, Exception cause) {
		XMLStreamException damaged = new XMLStreamException(message);
		damaged.initCause(cause);
		return damaged;
	}

	/**
	 * A number cell's value: most are whole, which need no floating-point parsing, whether written
	 * "17" (Excel) or "17.0" (other writers).
	 */
	static double parseNumber(String raw) {
		int length = raw.length();
		if (length == 0 || length > 15) {
			return Double.parseDouble(raw.trim());
		}
		long whole = 0;
		int i = 0;
		for (; i < length; i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			whole = whole * 10 + (c - '0');
		}
		// Only zeros after a point: still whole.
		if (i > 0 && i < length && raw.charAt(i) == '.') {
			i++;
			while (i < length && raw.charAt(i) == '0') {
				i++;
			}
		}
		return (i > 0 && i == length) ? whole : Double.parseDouble(raw.trim());
	}

	/** A cell whose value its type cannot hold: a number cell of "12a", a shared string past the table. */
	private static final class UnreadableValueException extends XMLStreamException {

		private final String cell;

		UnreadableValueException(String raw, String cell, Exception cause) {
			// The value may be long: enough of it to recognise in a log.
			super("unreadable value \"" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "\" in " + cell);
			this.cell = cell;
			initCause(cause);
		}

	}

	/** Carries an exception of the visitor past the catch that takes parser failures for a damaged file. */
	private static final class VisitorFailure extends RuntimeException {

		VisitorFailure(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

}
