package vn.tonghop.sheet;

import java.util.Locale;

/**
 * What a reader says about a file it rejects: the argument of the rule's message
 * ({@link UnreadableFileException#detail()}), written in Vietnamese and English like the rule's
 * own message. Arguments fill %s: names as the file spells them (a part, a sheet, a cell), and
 * sizes and counts as {@link Sizes} writes them in each language.
 */
public enum Detail {

	// required-column-missing: a column missing, and the header cell left unread that may have been meant for it
	AMBIGUOUS_HEADER("%s (ô %s \"%s\" không được đọc: chữ viết tắt có nhiều nghĩa; hãy viết đầy đủ)",
			"%s (cell %s \"%s\" was not read: the abbreviation has more than one meaning; write it out in full)"),

	// file-format: which format it is instead
	XLSB("tệp Excel nhị phân (.xlsb)", "Excel Binary Workbook (.xlsb)"),
	ODS("bảng tính OpenDocument (.ods)", "OpenDocument Spreadsheet (.ods)"),
	ZIP("tệp nén zip", "zip archive"),
	STRICT_OPEN_XML("bảng tính Strict Open XML", "Strict Open XML"),
	BIFF5("tệp Excel 5.0/95 (BIFF5)", "Excel 5.0/95 (BIFF5)"),
	BIFF4("tệp Excel 2.x-4.0 (BIFF2-4)", "Excel 2.x-4.0 (BIFF2-4)"),
	OFFICE_NOT_WORKBOOK("tài liệu Office không phải bảng tính Excel", "Office document that is not a workbook"),
	HTML("tệp trang web (HTML)", "HTML web page"),
	XML_SPREADSHEET_2003("bảng tính dạng XML Spreadsheet 2003", "XML Spreadsheet 2003"),
	XML("tệp XML", "XML"),
	NOT_A_SPREADSHEET("không phải bảng tính", "not a spreadsheet"),

	// file-corrupt: what could not be read
	ZIP_UNREADABLE("không đọc được cấu trúc zip", "not a readable zip"),
	OFFICE_FILE_UNREADABLE("không đọc được cấu trúc tệp Office", "not a readable Office file"),
	XLSX_DAMAGED("bảng tính Excel bị hỏng", "damaged Excel workbook"),
	XLSX_VALUE_UNREADABLE("bảng tính Excel bị hỏng: không đọc được giá trị ở ô %s",
			"damaged Excel workbook: an unreadable value in %s"),
	XLS_DAMAGED("bảng tính Excel 97-2003 bị hỏng", "damaged Excel 97-2003 workbook"),
	CSV_QUOTE_NOT_CLOSED("ô %s có dấu nháy mở nhưng không có dấu nháy đóng", "a quote opened in %s is never closed"),
	CSV_TEXT_AFTER_QUOTE(
			"ô %s có chữ sau dấu nháy đóng: dấu nháy bên trong ô phải viết đôi (\"\"), hoặc đặt cả ô trong dấu nháy",
			"text follows the closing quote in %s: a quote inside a cell is written twice (\"\"), or the whole cell goes in quotes"),
	CSV_MALFORMED("tệp CSV sai cấu trúc", "malformed CSV"),
	READING_FAILED("lỗi %s khi đọc tệp", "%s while reading the file"),

	// file-unsafe-xml: which part holds what
	DOCTYPE("phần %s khai báo DOCTYPE (thực thể hoặc DTD bên ngoài)", "%s declares a DOCTYPE (entities or an external DTD)"),
	DECLARATION("phần %s chứa khai báo <!%s", "%s holds a <!%s declaration"),
	SCHEMA_LOCATION("phần %s tham chiếu tới lược đồ bên ngoài (schemaLocation)",
			"%s refers to an external schema (schemaLocation)"),
	HIDING_ENCODING("phần %s là XML mã hóa %s, kiểu mã hóa này khiến không kiểm tra được các khai báo",
			"%s is XML in %s, which hides its declarations from checks"),
	DECLARED_HIDING_ENCODING("phần %s là XML mã hóa %s, kiểu mã hóa này khiến không kiểm tra được các khai báo",
			"%s is XML in the encoding %s, which hides its declarations from checks"),

	// file-over-limit: which limit, and where it was hit
	ZIP_ENTRIES("hơn %s tệp bên trong gói zip của bảng tính", "more than %s files inside the workbook's zip"),
	ENTRY_UNZIPPED("phần %s giải nén ra hơn %s", "%s unzips to more than %s"),
	WORKBOOK_UNZIPPED("bảng tính giải nén ra tổng cộng hơn %s", "the workbook unzips to more than %s in all"),
	PART_READ_WHOLE("phần %s có hơn %s dữ liệu XML, mà phần này phải đọc toàn bộ vào bộ nhớ",
			"%s is more than %s of XML, which is read whole into memory"),
	ZIP_BOMB("phần %s giải nén ra lớn hơn %s lần kích thước nén (bom zip)",
			"%s inflates more than %s times its compressed size (a zip bomb)"),
	XLS_RECORDS("bảng tính .xls có hơn %s ô, chuỗi và bản ghi khác",
			"an .xls workbook with more than %s cells, strings and other records"),
	SHEETS("hơn %s trang tính", "more than %s sheets"),
	SHEET_ROWS("trang tính có hơn %s dòng (trang tính %s)", "a sheet with more than %s rows (sheet %s)"),
	SHEET_CELLS("trang tính có hơn %s ô có dữ liệu (trang tính %s)", "a sheet with more than %s non-empty cells (sheet %s)"),
	ROW_CELLS("hơn %s ô trong dòng %s (trang tính %s)", "more than %s cells in row %s (sheet %s)"),
	CELL_BEYOND_COLUMN("ô vượt quá cột %s (trang tính %s, dòng %s)", "a cell beyond column %s (sheet %s, row %s)"),
	CELL_TEXT("ô dài hơn %s ký tự (%s)", "a cell of more than %s characters (%s)"),
	MERGED_AREAS("hơn %s vùng ô gộp trên một trang tính", "more than %s merged areas on a sheet"),
	MERGED_AREAS_OVER_ROW("hơn %s vùng ô gộp cùng phủ lên dòng %s", "more than %s merged areas over row %s"),
	SHARED_STRINGS("hơn %s chuỗi dùng chung", "more than %s shared strings"),
	SHARED_STRING_TEXT("chuỗi dùng chung dài hơn %s ký tự", "a shared string longer than %s characters"),
	SHARED_STRINGS_TEXT("các chuỗi dùng chung tổng cộng hơn %s ký tự", "shared strings of more than %s characters in all"),
	XML_ATTRIBUTES("hơn %s thuộc tính trong một thẻ XML ở phần %s", "more than %s attributes in one XML tag in %s"),
	XML_DEPTH("XML lồng nhau sâu hơn %s cấp ở phần %s", "XML nested more than %s levels deep in %s"),
	XML_MARKUP("thẻ, chú thích hoặc chỉ thị XML dài hơn %s ở phần %s",
			"an XML tag, comment or instruction longer than %s in %s"),
	XML_TEXT("đoạn văn bản XML liền một mạch dài hơn %s ở phần %s", "XML text longer than %s in one piece in %s"),
	XML_NAMES("hơn %s tên XML khác nhau ở phần %s", "more than %s different XML names in %s"),
	UNIT_LABELS("hơn %s nhãn đơn vị báo cáo (%s)", "more than %s reporting unit labels (%s)"),
	CONFERENCE_LABELS("hơn %s nhãn hội nghị (%s)", "more than %s conference labels (%s)"),
	HOST_UNITS("hơn %s đơn vị chủ trì khác nhau", "more than %s different host units"),
	CSV_RECORD("một dòng dữ liệu CSV dài hơn %s ký tự", "a CSV record longer than %s characters"),
	CSV_RECORD_IN_QUOTE("một dòng dữ liệu CSV dài hơn %s ký tự, nằm trong dấu nháy mở ở ô %s",
			"a CSV record longer than %s characters, inside a quote opened in %s");

	private final String vietnamese;

	private final String english;

	Detail(String vietnamese, String english) {
		this.vietnamese = vietnamese;
		this.english = english;
	}

	/** This detail in both languages, its %s filled in order; a {@link Phrase} argument in each one's language. */
	public Phrase with(Object... args) {
		return new Phrase(String.format(Phrase.VIETNAMESE, this.vietnamese, args),
				String.format(Locale.ENGLISH, this.english, args));
	}

}
