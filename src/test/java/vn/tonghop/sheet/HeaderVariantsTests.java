package vn.tonghop.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Fixtures.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.sheet.Fixtures.row;

/**
 * Headers as district offices write them, read by the recognizer from a workbook's header row ("\n"
 * stands for a line break in the cell): each names its column, or, where it may mean another measure,
 * none, so that a required column is missing or an unknown column reported rather than wrong figures loaded.
 */
class HeaderVariantsTests {

	private static final List<String> CANONICAL = List.of("Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự",
			"Số người khác tham dự", "Tổng số người tham dự");

	@TempDir
	Path dir;

	@ParameterizedTest(name = "\"{0}\" names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Số đảng viên (người) tham dự           | MEMBERS
			Số người khác (người) tham dự          | OTHERS
			Tổng số người (người)\\ntham dự         | TOTAL
			1. Tên điểm cầu                        | POINT_NAME
			(2)\\nCấp điểm cầu                      | LEVEL
			c) Số đảng viên tham dự                | MEMBERS
			ĐẢNG VIÊN THAM DỰ                      | MEMBERS
			Số đảng viên\\ndự                       | MEMBERS
			So dang vien tham gia hoc tap          | MEMBERS
			Số quần chúng tham dự                  | OTHERS
			Quần chúng ưu tú\\ntham dự (người)      | OTHERS
			Số đại biểu khác                       | OTHERS
			Người khác dự                          | OTHERS
			Số ĐV tham dự                          | MEMBERS
			SL ĐV\\ntham dự                         | MEMBERS
			ĐV dự                                  | MEMBERS
			Số lượng đảng viên tham dự             | MEMBERS
			Số QCƯT tham dự                        | OTHERS
			ĐB khác                                | OTHERS
			Tên ĐC                                 | POINT_NAME
			CẤP ĐC                                 | LEVEL
			Tổng cộng                              | TOTAL
			Tổng số\\nngười dự                      | TOTAL
			Tổng số đại biểu tham dự (người)       | TOTAL
			TS người tham dự                       | TOTAL
			Tên điểm cầu/\\nĐịa điểm                | POINT_NAME
			Địa điểm tổ chức                       | POINT_NAME
			Cấp tổ chức                            | LEVEL
			Số thứ tự                              | ROW_NUMBER
			Trong đó:\\nĐảng viên                   | MEMBERS
			Trong đó: quần chúng                   | OTHERS
			ĐƠN VỊ TỔ CHỨC                         | HOST_UNIT
			Số \u00D0V tham dự                     | MEMBERS
			\u00D0ảng viên\\ntham dự                | MEMBERS
			Đảng bộ,\\nchi bộ                       | HOST_UNIT
			Hình thức\\ntổ chức                     | FORMAT
			Thời gian tổ chức                      | DATE
			Ngày, tháng, năm                       | DATE
			Stt                                    | ROW_NUMBER
			S.T.T                                  | ROW_NUMBER
			TÊN ĐIỂM CẦU                           | POINT_NAME
			Ten diem cau                           | POINT_NAME
			Địa điểm\\n(điểm cầu)                   | POINT_NAME
			Cap diem cau                           | LEVEL
			Cấp\\n(Tỉnh/Huyện/Xã)                   | LEVEL
			Don vi chu tri                         | HOST_UNIT
			HÌNH THỨC\\nHỌC TẬP                     | FORMAT
			Ngay hoc                               | DATE
			SỐ ĐV                                  | MEMBERS
			Số đảng viên\\ntham dự\\n(người)         | MEMBERS
			QUAN CHUNG UU TU                       | OTHERS
			Đại biểu khác\\n(người)                 | OTHERS
			Tổng số\\n(6)=(4)+(5)                   | TOTAL
			TONG SO NGUOI THAM DU                  | TOTAL
			Ghi chú\\n(nếu có)                      | NOTES
			""")
	void aHeaderAsDistrictsWriteItNamesItsColumn(String header, Field field) throws Exception {
		// given the header in column A, the other required columns in the format's words to its right
		List<Object> headers = new ArrayList<>(List.of(header.replace("\\n", "\n")));
		CANONICAL.stream().limit(3).filter((name) -> Vocabulary.field(name) != field).forEach(headers::add);

		// when
		RecognizedTable table = read(headers);

		// then
		assertThat(table.columns()).containsEntry(field, 0);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).doesNotContain(0);
	}

	@ParameterizedTest(name = "\"{0}\" names no column")
	@ValueSource(strings = { "Số điểm cầu (điểm) cấp xã", "Tổng số (người) đảng viên", "(1) Số đảng viên",
			"Số đảng viên dự bị", "Số đảng viên\nkhông tham dự", "Số người tham gia", "ĐV", "Tổng số ĐV", "SL ĐV",
			"Số ĐB tham dự", "ĐC", "Số ĐC", "Số người tham dự", "Tổng số đảng viên",
			"Đảng viên/Quần chúng", "Đơn vị/Địa điểm", "Trong đó: nữ", "Trong đó:\nđảng viên nữ", "Cấp xã", "Cấp cơ sở",
			"Xã, phường, thị trấn", "Số đảng viên được học tập", "Tỷ lệ (%)", "Địa chỉ", "Quần chúng nữ", "Số điểm cầu",
			"Tổng số đảng viên\n(người)", "Số đảng viên\nvắng", "Số ĐV tham dự\n(%)", "Số đảng viên tham dự\n(dự kiến)" })
	void aHeaderThatMayMeanAnotherMeasureNamesNone(String header) throws Exception {
		// given the header in column A, every head count's in the format's words to its right
		List<Object> headers = new ArrayList<>(List.of(header.replace("\\n", "\n")));
		headers.addAll(CANONICAL);

		// when
		RecognizedTable table = read(headers);

		// then
		assertThat(table.columns()).doesNotContainValue(0);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).contains(0);
	}

	// "Số ĐV tham dự" is read as the members attending; were it a count of units (đơn vị) beside them,
	// its figures would make two members columns, an error that quotes both headers.
	@Test
	void unitsCountedUnderSoDvThamDuBesideTheMembersAreTwoMembersColumns() throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("Báo cáo"),
				1, row("Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số ĐV tham dự"), row("Xã A", "Xã", 40, 3)));

		// when
		RecognizedTable table = TableRecognizer.read(file, (point) -> {
		});

		// then
		assertThat(table.duplicateColumn()).satisfies((duplicate) -> {
			assertThat(duplicate.field()).isEqualTo(Field.MEMBERS);
			assertThat(duplicate.header()).isEqualTo("Số ĐV tham dự");
			assertThat(duplicate.fieldHeader()).isEqualTo("Số đảng viên tham dự");
		});
	}

	private RecognizedTable read(List<Object> headers) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("Báo cáo"),
				1, row("BÁO CÁO KẾT QUẢ HỌC TẬP"), headers.toArray()));
		return TableRecognizer.read(file, (point) -> {
		});
	}

}
