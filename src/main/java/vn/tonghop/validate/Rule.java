package vn.tonghop.validate;

import java.util.Locale;

import static vn.tonghop.validate.Severity.ERROR;
import static vn.tonghop.validate.Severity.WARNING;

/**
 * Every check the pipeline makes, with a stable code that districts, reports and the API refer
 * to. Messages take their arguments with %s, in Vietnamese and English. An argument that writes
 * itself in the formatter's language ({@link java.util.Formattable}, such as a reader's
 * {@link vn.tonghop.sheet.Phrase}) is written in each message's own; %s of anything else ignores
 * the locale.
 */
public enum Rule {

	FILE_EMPTY("file-empty", ERROR, "Tệp rỗng, không có nội dung", "The file is empty"),
	FILE_TOO_LARGE("file-too-large", ERROR, "Tệp lớn %s, vượt giới hạn %s", "The file is %s, over the limit of %s"),
	FILE_FORMAT("file-format", ERROR,
			"Định dạng không được hỗ trợ: %s. Hãy mở bằng Excel và lưu thành Excel Workbook (.xlsx)",
			"Unsupported format: %s. Open it in Excel and save it as Excel Workbook (.xlsx)"),
	FILE_ENCRYPTED("file-encrypted", ERROR, "Tệp được đặt mật khẩu; hãy lưu lại không đặt mật khẩu",
			"The workbook is password-protected; save it without a password"),
	FILE_CORRUPT("file-corrupt", ERROR, "Tệp bị hỏng, không mở được (%s)", "The file is damaged and cannot be opened (%s)"),
	FILE_OVER_LIMIT("file-over-limit", ERROR, "Tệp vượt giới hạn an toàn: %s", "The file exceeds a safety limit: %s"),
	FILE_UNSAFE_XML("file-unsafe-xml", ERROR,
			"Tệp chứa khai báo XML không được phép (DTD, thực thể, tham chiếu ngoài): %s",
			"The file contains XML declarations that are not allowed (DTD, entities, external references): %s"),
	TABLE_NOT_FOUND("table-not-found", ERROR,
			"Không tìm thấy bảng số liệu: không dòng nào có tiêu đề các cột Tên điểm cầu, Cấp điểm cầu, Số đảng viên tham dự",
			"No recognizable table: no row is headed with the columns Tên điểm cầu, Cấp điểm cầu, Số đảng viên tham dự"),
	REQUIRED_COLUMN_MISSING("required-column-missing", ERROR, "Thiếu cột bắt buộc: %s",
			"Required column missing: %s"),
	UNKNOWN_COLUMN("unknown-column", WARNING, "Cột không xác định, đã bỏ qua: %s", "Unknown column ignored: %s"),
	COLUMN_DUPLICATE("column-duplicate", ERROR,
			"Cột %s (\"%s\") cũng được đọc là %s như cột %s (\"%s\") và có số liệu: không rõ số nào được tính; hãy xoá cột thừa hoặc đổi tiêu đề của nó",
			"Column %s (\"%s\") is also read as %s, as column %s (\"%s\") is, and holds figures: which figure counts is unclear; delete the extra column or rename its header"),
	TABLE_EMPTY("table-empty", ERROR, "Bảng không có dòng số liệu nào", "The table has no data rows"),
	UNIT_MISSING("unit-missing", ERROR, "Không xác định được đơn vị báo cáo (ghi \"Đơn vị báo cáo: ...\")",
			"The reporting unit is not given (write \"Đơn vị báo cáo: ...\")"),
	UNIT_UNKNOWN("unit-unknown", ERROR, "Không tìm thấy đơn vị \"%s\"; gần nhất: %s",
			"Unknown unit \"%s\"; closest: %s"),
	UNIT_ENDED("unit-ended", ERROR,
			"Đơn vị \"%s\" là %s, chỉ tồn tại đến ngày %s, trước ngày %s của hội nghị; các đơn vị thay thế: %s",
			"Unit \"%s\" is %s, which existed until %s, before %s, the conference's date; the units in its place: %s"),
	UNIT_AMBIGUOUS("unit-ambiguous", ERROR, "Tên đơn vị \"%s\" trùng với nhiều đơn vị: %s",
			"The unit name \"%s\" matches several units: %s"),
	UNIT_OUTSIDE_FOLDER("unit-outside-folder", ERROR,
			"Đơn vị %s không thuộc đơn vị %s của thư mục nộp; hãy nộp tệp vào thư mục của đơn vị báo cáo, hoặc sửa ô đơn vị báo cáo nếu ghi nhầm đơn vị",
			"Unit %s is not within %s, the unit of the drop folder; put the file in the reporting unit's folder, or correct the reporting unit's cell if it names the wrong unit"),
	FOLDER_UNIT_NOT_VALID("folder-unit-not-valid", ERROR,
			"Thư mục nộp %s là của đơn vị %s, không tồn tại vào ngày %s của hội nghị; hãy nộp vào thư mục của đơn vị báo cáo",
			"The drop folder %s is that of %s, which is not a unit on %s, the conference's date; put the file in the reporting unit's folder"),
	FOLDER_UNIT_MISNAMED("folder-unit-misnamed", ERROR,
			"Thư mục nộp \"%s\" không phải mã của đơn vị nào; có lẽ là thư mục của %s, mã chỉ khác ở các số 0 đứng đầu: hãy đổi tên thư mục thành đúng mã của đơn vị, các tệp trong đó sẽ được đọc lại",
			"The drop folder \"%s\" is no unit's code; it is likely the folder of %s, the code differing only in its leading zeros: rename the folder to the unit's exact code, and the files in it are read again"),
	UNIT_NO_PROVINCE("unit-no-province", ERROR,
			"Đơn vị %s không thuộc tỉnh nào vào ngày %s của hội nghị: đơn vị cấp trên %s không tồn tại vào ngày đó; hãy báo quản trị viên sửa danh mục đơn vị",
			"Unit %s belongs to no province on %s, the conference's date: its parent %s is not a unit that day; ask the administrator to correct the unit tree"),
	UNIT_CONFLICT("unit-conflict", ERROR,
			"Tệp ghi hai đơn vị báo cáo khác nhau: \"%s\" ở ô %s là %s, còn \"%s\" ở đây là %s; mỗi tệp chỉ báo cáo cho một đơn vị",
			"The file names two reporting units: \"%s\" in %s is %s, and \"%s\" here is %s; a file reports for one unit"),
	CONFERENCE_MISSING("conference-missing", ERROR, "Không xác định được hội nghị (ghi \"Hội nghị: ...\")",
			"The conference is not given (write \"Hội nghị: ...\")"),
	CONFERENCE_UNKNOWN("conference-unknown", ERROR, "Không tìm thấy hội nghị \"%s\"; gần nhất: %s",
			"Unknown conference \"%s\"; closest: %s"),
	CONFERENCE_AMBIGUOUS("conference-ambiguous", ERROR,
			"Tên hội nghị \"%s\" trùng với nhiều hội nghị: %s; hãy ghi mã hội nghị",
			"The conference title \"%s\" matches several conferences: %s; write the conference's code"),
	CONFERENCE_OUT_OF_SCOPE("conference-out-of-scope", ERROR,
			"Hội nghị %s chỉ dành cho %s; đơn vị %s thuộc %s, ngoài phạm vi đó: hãy kiểm tra mã hội nghị",
			"Conference %s is for %s only; unit %s is in %s, outside it: check the conference's code"),
	CONFERENCE_CONFLICT("conference-conflict", ERROR,
			"Tệp ghi hai hội nghị khác nhau: \"%s\" ở ô %s là %s, còn \"%s\" ở đây là %s; mỗi tệp chỉ báo cáo về một hội nghị",
			"The file names two conferences: \"%s\" in %s is %s, and \"%s\" here is %s; a file reports on one conference"),
	POINT_NAME_MISSING("point-name-missing", ERROR, "Thiếu tên điểm cầu", "The point name is missing"),
	LEVEL_MISSING("level-missing", ERROR, "Thiếu cấp điểm cầu", "The point level is missing"),
	LEVEL_UNKNOWN("level-unknown", ERROR,
			"Cấp điểm cầu không hợp lệ: \"%s\"; hãy ghi một trong các cấp Trung ương, Tỉnh, Huyện, Cơ sở, Chi bộ",
			"Unknown point level: \"%s\"; write one of the levels Trung ương, Tỉnh, Huyện, Cơ sở, Chi bộ"),
	FORMAT_UNKNOWN("format-unknown", ERROR,
			"Hình thức không hợp lệ: \"%s\"; hãy ghi Trực tuyến, Trực tiếp hoặc Ghi hình / Xem lại",
			"Unknown format: \"%s\"; write Trực tuyến, Trực tiếp or Ghi hình / Xem lại"),
	DATE_INVALID("date-invalid", ERROR, "Ngày không hợp lệ: \"%s\"; %s", "Invalid date: \"%s\"; %s"),
	DATE_OUTSIDE_WINDOW("date-outside-window", WARNING, "Ngày %s nằm ngoài thời gian hội nghị (%s – %s)",
			"Date %s is outside the conference (%s – %s)"),
	NUMBER_MISSING("number-missing", ERROR, "Thiếu số liệu ở cột %s", "No figure in column %s"),
	NUMBER_TEXT("number-text", ERROR, "Không phải số nguyên: \"%s\"", "Not a whole number: \"%s\""),
	NUMBER_FRACTION("number-fraction", ERROR, "Số người phải là số nguyên: \"%s\"",
			"A head count must be a whole number: \"%s\""),
	NUMBER_NEGATIVE("number-negative", ERROR, "Số âm: \"%s\"", "Negative number: \"%s\""),
	NUMBER_TOO_LARGE("number-too-large", ERROR, "Số quá lớn cho một điểm cầu: \"%s\"",
			"Too large for one connection point: \"%s\""),
	TOTAL_MISMATCH("total-mismatch", ERROR, "Tổng số %s khác số đảng viên + số người khác = %s",
			"Total %s differs from members + others = %s"),
	TOTALS_ROW_MISMATCH("totals-row-mismatch", ERROR, "Dòng tổng cộng, cột %s: ghi %s nhưng cộng các dòng được %s",
			"Totals row, column %s: written %s but the rows add up to %s"),
	PART_TOTAL_MISMATCH("part-total-mismatch", ERROR, "Dòng \"%s\", cột %s: ghi %s nhưng cộng các dòng của phần này được %s",
			"Row \"%s\", column %s: written %s but the rows of its part of the table add up to %s"),
	ROW_AFTER_TABLE("row-after-table", ERROR,
			"Dòng điểm cầu \"%s\" nằm dưới dòng %s, nơi bảng đã kết thúc; hãy chuyển lên trên dòng đó",
			"Point row \"%s\" is below row %s, where the table ended; move it above that row"),
	ROW_AFTER_TABLE_NO_LEVEL("row-after-table-no-level", WARNING,
			"Dòng \"%s\" có số đảng viên nhưng không ghi cấp điểm cầu và nằm dưới dòng %s, nơi bảng đã kết thúc: dòng này không được tính; nếu là điểm cầu, hãy ghi cấp và chuyển lên trên dòng đó",
			"Row \"%s\" has a members figure but no level and is below row %s, where the table ended: it was not counted; if it is a point, give its level and move it above that row"),
	ROW_EXTRA_VALUES("row-extra-values", ERROR,
			"Dòng có số \"%s\" ngoài %s cột của tiêu đề: một số viết 1,234 trong tệp CSV phải đặt trong dấu nháy (\"1,234\") hoặc viết 1234",
			"The row has a number \"%s\" beyond the header's %s columns: a number written 1,234 in a CSV must be quoted (\"1,234\") or written 1234"),
	NUMBER_SPLIT("number-split", ERROR,
			"Số \"%s,%s\" không đặt trong dấu nháy nên bị tách thành hai cột, các số sau nó lệch sang phải một cột (số %s ở cột %s): hãy viết \"%s,%s\" trong dấu nháy hoặc viết %s%s",
			"The number \"%s,%s\" without quotes was split over two columns, moving the figures after it one column right (%s in column %s): write \"%s,%s\" in quotes or write %s%s"),
	HOST_UNIT_UNKNOWN("host-unit-unknown", ERROR,
			"Đơn vị chủ trì \"%s\" (%s) không ứng với đúng một đơn vị trực thuộc; gần nhất: %s",
			"Host unit \"%s\" (%s) matches no single unit within the reporting unit; closest: %s"),
	STUDIED_EXCEEDS_TOTAL("studied-exceeds-total", ERROR, "Số đảng viên được học tập (%s) lớn hơn tổng số đảng viên (%s)",
			"Members studied (%s) exceed members total (%s)"),
	COVERAGE_MISMATCH("coverage-mismatch", ERROR, "Tỷ lệ ghi %s%% nhưng %s ÷ %s = %s%%",
			"Coverage written %s%% but %s ÷ %s = %s%%"),
	SUMMARY_INVALID("summary-invalid", ERROR, "Số liệu tổng hợp không hợp lệ (%s): \"%s\"",
			"Invalid unit summary figure (%s): \"%s\""),
	SUMMARY_INCOMPLETE("summary-incomplete", WARNING,
			"Số liệu tổng hợp thiếu \"%s\": không tính được tỷ lệ học tập, phần tổng hợp không được lưu",
			"The unit summary lacks \"%s\": coverage cannot be worked out, so the summary is not stored"),
	POINT_DUPLICATE("point-duplicate", WARNING, "Điểm cầu \"%s\" xuất hiện %s lần (các dòng %s)",
			"Point \"%s\" appears %s times (rows %s)"),
	VERSION_NOT_CURRENT("version-not-current", WARNING,
			"Tệp đạt yêu cầu nhưng không được tính: phiên bản nhận sau (%s) đang được dùng cho đơn vị này",
			"The file passed its checks but does not count: a version received later (%s) stands for the unit"),
	VERSION_KEPT("version-kept", WARNING,
			"Tệp bị từ chối nên không được tính: phiên bản đang được dùng cho đơn vị này là tệp nhận %s, %s",
			"The file is rejected, so it does not count: the unit's version that stands is the one received %s, %s"),
	POINT_OUTLIER("point-outlier", WARNING, "Điểm cầu \"%s\" có %s người, cao bất thường so với mức thường gặp %s của tệp",
			"Point \"%s\" has %s people, far above the file's typical %s"),
	LEGACY_ENCODING("legacy-encoding", WARNING,
			"Văn bản gõ bằng phông %s (%s, ô đầu tiên %s) đã được chuyển sang Unicode; hãy gõ lại bằng Unicode",
			"Text typed in the %s font (%s, first at %s) was converted to Unicode; please type in Unicode"),
	LOAD_REFUSED("load-refused", ERROR,
			"Cơ sở dữ liệu không nhận số liệu của tệp: %1$s; nguyên văn lời báo của cơ sở dữ liệu: \"%2$s\" (mã lỗi %3$s); hãy báo cho quản trị hệ thống",
			"The database refused the file's figures: %2$s (SQLSTATE %3$s); please tell the administrators");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final String code;

	private final Severity severity;

	private final String vietnamese;

	private final String english;

	Rule(String code, Severity severity, String vietnamese, String english) {
		this.code = code;
		this.severity = severity;
		this.vietnamese = vietnamese;
		this.english = english;
	}

	/** The rule with this stable code. */
	public static Rule byCode(String code) {
		for (Rule rule : values()) {
			if (rule.code.equals(code)) {
				return rule;
			}
		}
		throw new IllegalArgumentException("No rule " + code);
	}

	public String code() {
		return this.code;
	}

	public Severity severity() {
		return this.severity;
	}

	String vietnamese(Object... args) {
		return String.format(VIETNAMESE, this.vietnamese, args);
	}

	String english(Object... args) {
		return String.format(Locale.ENGLISH, this.english, args);
	}

}
