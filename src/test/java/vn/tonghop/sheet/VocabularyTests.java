package vn.tonghop.sheet;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.normalize.VietnameseText;

import static org.assertj.core.api.Assertions.assertThat;

/** Every header and label of submission-format.md, in every form districts type it. */
class VocabularyTests {

	/** The column table of submission-format.md: canonical header first, then the aliases. */
	static Stream<Arguments> headers() {
		return forms(Stream.of(Arguments.of(Field.ROW_NUMBER, "STT"), Arguments.of(Field.ROW_NUMBER, "TT"),
				Arguments.of(Field.ROW_NUMBER, "Số TT"), Arguments.of(Field.POINT_NAME, "Tên điểm cầu"),
				Arguments.of(Field.POINT_NAME, "Điểm cầu"), Arguments.of(Field.POINT_NAME, "Địa điểm"),
				Arguments.of(Field.LEVEL, "Cấp điểm cầu"), Arguments.of(Field.LEVEL, "Cấp"),
				Arguments.of(Field.HOST_UNIT, "Đơn vị chủ trì"), Arguments.of(Field.HOST_UNIT, "Đơn vị"),
				Arguments.of(Field.HOST_UNIT, "Đảng bộ"), Arguments.of(Field.HOST_UNIT, "Chi bộ"),
				Arguments.of(Field.FORMAT, "Hình thức"), Arguments.of(Field.FORMAT, "Hình thức học tập"),
				Arguments.of(Field.DATE, "Ngày"), Arguments.of(Field.DATE, "Ngày học"), Arguments.of(Field.DATE, "Thời gian"),
				Arguments.of(Field.MEMBERS, "Số đảng viên tham dự"), Arguments.of(Field.MEMBERS, "Đảng viên"),
				Arguments.of(Field.MEMBERS, "Số ĐV"), Arguments.of(Field.OTHERS, "Số người khác tham dự"),
				Arguments.of(Field.OTHERS, "Quần chúng"), Arguments.of(Field.OTHERS, "Quần chúng ưu tú"),
				Arguments.of(Field.OTHERS, "Đại biểu khác"), Arguments.of(Field.TOTAL, "Tổng số người tham dự"),
				Arguments.of(Field.TOTAL, "Tổng số"), Arguments.of(Field.TOTAL, "Tổng cộng người"),
				Arguments.of(Field.NOTES, "Ghi chú")));
	}

	/** The label tables of submission-format.md. */
	static Stream<Arguments> labels() {
		return forms(Stream.of(Arguments.of(Label.REPORTING_UNIT, "Đơn vị báo cáo"),
				Arguments.of(Label.REPORTING_UNIT, "Đơn vị"), Arguments.of(Label.REPORTING_UNIT, "Mã đơn vị"),
				Arguments.of(Label.REPORTING_UNIT, "Đảng bộ"), Arguments.of(Label.CONFERENCE, "Hội nghị"),
				Arguments.of(Label.CONFERENCE, "Mã hội nghị"), Arguments.of(Label.CONFERENCE, "Nội dung"),
				Arguments.of(Label.CONFERENCE, "Nghị quyết"), Arguments.of(Label.REPORT_DATE, "Ngày báo cáo"),
				Arguments.of(Label.REPORT_DATE, "Ngày lập"), Arguments.of(Label.MEMBERS_TOTAL, "Tổng số đảng viên"),
				Arguments.of(Label.MEMBERS_STUDIED, "Số đảng viên được học tập"), Arguments.of(Label.COVERAGE, "Tỷ lệ (%)")));
	}

	@ParameterizedTest(name = "{2}: \"{1}\"")
	@MethodSource("headers")
	void everyHeaderOfTheFormatNamesItsColumnInEveryForm(Field field, String header, String form) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	@ParameterizedTest(name = "{2}: \"{1}\"")
	@MethodSource("labels")
	void everyLabelOfTheFormatIsKnownInEveryForm(Label label, String text, String form) {
		assertThat(Vocabulary.label(text)).isEqualTo(label);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tỉ lệ (%)", "Tỉ lệ", "TỈ LỆ (%):" })
	void theCoverageIsKnownInTheOtherSpellingOfItsFirstWord(String text) {
		assertThat(Vocabulary.label(text)).isEqualTo(Label.COVERAGE);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1. Đơn vị báo cáo: Quận ủy Long Biên | REPORTING_UNIT
			2) Hội nghị                          | CONFERENCE
			a. Mã đơn vị:                        | REPORTING_UNIT
			đ) Ngày báo cáo: 29/3/2021           | REPORT_DATE
			II. Nội dung:                        | CONFERENCE
			""")
	void aLabelMayBeNumberedAsAFormsLine(String text, Label label) {
		assertThat(Vocabulary.labelled(text)).isEqualTo(label);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1. Tên đơn vị: Long Biên", "12 Đơn vị", "Tổ 1. Đơn vị", "1.2. Đơn vị" })
	void otherNumberedLinesAreNoLabels(String text) {
		assertThat(Vocabulary.labelled(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1. Đơn vị báo cáo", "2) Hội nghị", "đ) Ngày báo cáo", "II. Nội dung", "Đơn vị báo cáo",
			"Đơn vị báo cáo: Quận ủy Long Biên", "Chi bộ số 1", "1. Tên đơn vị: Long Biên", "12 Đơn vị", "Tổ 1. Đơn vị",
			"\u200B1. Đơn vị báo cáo", "a.Đơn vị báo cáo", "", "Đơn vị", "Mã đơn vị", "Đảng bộ", "Mã hội nghị", "Nghị quyết",
			"Ngày lập", "Tổng số đảng viên", "Số đảng viên được học tập", "Tỷ lệ (%)", "Tỉ lệ", "TONG SO DANG VIEN",
			"Tổng số đảng viên được học tập nghị quyết", "  Nội   dung ", "Thôn 5", "0912 345 678" })
	void aTableRowsFirstTextIsLabelledAsWithoutItsKey(String text) {
		// given the key the recogniser has already made of the text
		String key = VietnameseText.asciiKey(text);

		// when / then
		assertThat(Vocabulary.labelled(text, key)).isEqualTo(Vocabulary.labelled(text));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Đảng bộ                        | true
			ĐẢNG BỘ:                       | true
			Đơn vị: Quận ủy Long Biên      | true
			2. Don vi                      | true
			Đơn vị báo cáo                 | false
			Mã đơn vị:                     | false
			1. Đơn vị báo cáo: Long Biên   | false
			""")
	void theReportingUnitsLabelsThatAreWordsForAnyOrganisationAreKnown(String label, boolean organisationWord) {
		assertThat(Vocabulary.isOrganisationWord(label)).isEqualTo(organisationWord);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Số ĐV (người) | MEMBERS
			Tổng số người tham dự (người) | TOTAL
			Ghi chú (nếu có) | NOTES
			""")
	void aTrailingUnitInParenthesesMayFollowAHeader(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	// A unit and the column's number or sum: "Tổng số (người) (6=4+5)" is as common as either alone.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Tổng số người tham dự (người) (6=4+5) | TOTAL
			Tổng số người tham dự (người) (6)=(4)+(5) | TOTAL
			Tổng số (6)=(4)+(5) | TOTAL
			Số đảng viên tham dự (người) (4) | MEMBERS
			Số đảng viên tham dự [người] | MEMBERS
			Quần chúng (người) [5] | OTHERS
			""")
	void severalTrailingNotesInBracketsMayFollowAHeader(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	// A unit or a number in brackets inside a header, where the line break of its cell fell.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Số đảng viên (người) tham dự       | MEMBERS
			Số người khác (người) tham dự      | OTHERS
			Tổng số người (người) tham dự      | TOTAL
			Số đảng viên [4] tham dự (người)   | MEMBERS
			""")
	void aNoteInBracketsInsideAHeaderIsLeftOff(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	// A rate beside or instead of a head count: left off, its "%" would have the rate loaded as the head count.
	@ParameterizedTest
	@ValueSource(strings = { "Số ĐV tham dự (%)", "Số đảng viên tham dự (tỷ lệ %)", "Đảng viên (%)", "Tổng số (%)",
			"Số đảng viên tham dự %", "Số đảng viên (tỉ lệ) tham dự", "Quần chúng [%]", "Số đảng viên tham dự (tỷ lệ)" })
	void aHeadCountsHeaderSayingARateNamesNoColumn(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	// A plan's figures, not those who attended: left off, the note would have them loaded as attendance.
	@ParameterizedTest
	@ValueSource(strings = { "Số đảng viên tham dự (dự kiến)", "Số ĐV tham dự (kế hoạch)", "Số đảng viên (dự kiến) tham dự",
			"Tổng số (dự kiến)", "Số đảng viên tham dự (đăng ký)", "Quần chúng (theo kế hoạch)", "Đảng viên [dự kiến]" })
	void aHeadCountsHeaderSayingAPlanNamesNoColumn(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	// A unit of time, of points or of things held or counted other than people in a note says a duration or
	// a count of those, not a date or a head count: "(đơn vị)" makes "Số ĐV" a count of units.
	@ParameterizedTest
	@ValueSource(strings = { "Thời gian (giờ)", "Thời gian (phút)", "Thời gian (số giờ)", "Tổng (điểm cầu)",
			"Tổng số (điểm cầu)", "Tổng cộng [điểm cầu]", "Tổng số (điểm)", "Số ĐV (đơn vị)", "Số ĐV\n(đơn vị)",
			"Tổng số (đơn vị)", "Số ĐV tham dự (đơn vị)", "Tổng số (chi bộ)", "Tổng số (buổi)", "Tổng số (cuộc)",
			"Tổng số (lớp)", "Tổng (hội nghị)" })
	void aHeaderWhoseNoteGivesAnotherUnitNamesNoColumn(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	// Those absent or yet to study, as a note says: left off, it would have them loaded as those attending.
	@ParameterizedTest
	@ValueSource(strings = { "Đảng viên (vắng)", "Đảng viên (vắng mặt)", "Quần chúng (vắng)", "Số ĐV (chưa học tập)",
			"Tổng số (vắng)", "Số đảng viên [không dự]" })
	void aHeadCountsHeaderWhoseNoteSaysAbsenceNamesNoColumn(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	// A part of those counted, as a note says, the women, the men or the probationary members: left off, it
	// would have the part loaded as the whole, or made a column-duplicate of the whole beside it.
	@ParameterizedTest
	@ValueSource(strings = { "Đảng viên (nữ)", "Số ĐV tham dự (nữ)", "Số đảng viên tham dự (trong đó nữ)",
			"Quần chúng (nữ)", "Tổng số (nữ)", "Tổng số (nam)", "Tổng số người (nữ)", "Đảng viên (dự bị)",
			"Số đảng viên tham dự (đảng viên dự bị)" })
	void aHeadCountsHeaderWhoseNoteSaysAPartNamesNoColumn(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	// A total whose note names one head count is that head count's: read as the total attending, the others'
	// total was checked against members and others together, a misleading total-mismatch.
	@ParameterizedTest
	@ValueSource(strings = { "Tổng số (đảng viên)", "Tổng số (quần chúng)", "Tổng cộng (quần chúng ưu tú)",
			"Tổng số (người) (đảng viên)" })
	void aTotalWhoseNoteNamesOneHeadCountNamesNoColumn(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Thời gian (ngày, giờ)      | DATE
			Địa điểm (điểm cầu)        | POINT_NAME
			Tổng số (người)            | TOTAL
			Số ĐV (đơn vị tính: người) | MEMBERS
			Ngày (ngày/tháng/năm)      | DATE
			Ngày (ngày, tháng, năm)    | DATE
			Tổng cộng (ĐV + QC)        | TOTAL
			Tổng số (đảng viên và quần chúng) | TOTAL
			""")
	void aNoteGivingTheColumnsOwnUnitIsLeftOff(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	// The column's number before its header, as a form numbers its lines.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1. Tên điểm cầu                | POINT_NAME
			(2) Cấp điểm cầu               | LEVEL
			a) Số đảng viên tham dự        | MEMBERS
			3) Quần chúng ưu tú (người)    | OTHERS
			(5)Tổng số                     | TOTAL
			""")
	void aHeaderMayBeNumbered(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	// Attendance in other words ("dự", "tham gia") or said of a head count the format names without it.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Đảng viên tham dự                 | MEMBERS
			Số đảng viên dự                   | MEMBERS
			Đảng viên dự                      | MEMBERS
			Số đảng viên tham gia             | MEMBERS
			Số đảng viên tham gia học tập     | MEMBERS
			Tổng số đảng viên tham dự         | MEMBERS
			Số quần chúng tham dự             | OTHERS
			Quần chúng dự                     | OTHERS
			Số quần chúng ưu tú tham dự       | OTHERS
			Quần chúng ưu tú tham gia         | OTHERS
			Số đại biểu khác                  | OTHERS
			Đại biểu khác dự                  | OTHERS
			Số người khác                     | OTHERS
			Người khác tham dự                | OTHERS
			""")
	void aHeadCountsAttendanceMayBeSaidInOtherWords(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	// Abbreviations in a header of several words; "ĐV" and "ĐB" where one of their two readings alone names a column.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Số ĐV tham dự            | MEMBERS
			SỐ ĐV THAM DỰ            | MEMBERS
			so dv tham du            | MEMBERS
			ĐV tham dự               | MEMBERS
			Số ĐV dự                 | MEMBERS
			SL ĐV tham dự            | MEMBERS
			TS ĐV tham dự            | MEMBERS
			Số QC tham dự            | OTHERS
			Số QCƯT tham dự          | OTHERS
			QCƯT dự                  | OTHERS
			ĐB khác                  | OTHERS
			Số ĐB khác               | OTHERS
			SL đại biểu khác dự      | OTHERS
			Tên ĐC                   | POINT_NAME
			Cấp ĐC                   | LEVEL
			ĐV chủ trì               | HOST_UNIT
			""")
	void abbreviationsAreSpelledOutInAHeaderOfSeveralWords(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tổng cộng", "TỔNG", "Tổng số tham dự", "Tổng số người", "Tổng số người dự",
			"Tổng số người tham gia", "Tổng số đại biểu", "Tổng số đại biểu tham dự", "TS người tham dự" })
	void theTotalAttendingHasOtherNames(String header) {
		assertThat(Vocabulary.field(header)).isEqualTo(Field.TOTAL);
	}

	// Required columns under their usual other names, or two of their names side by side.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Tên điểm cầu/Địa điểm        | POINT_NAME
			Điểm cầu / địa điểm          | POINT_NAME
			Tên địa điểm                 | POINT_NAME
			Địa điểm tổ chức             | POINT_NAME
			Nơi tổ chức                  | POINT_NAME
			Cấp tổ chức                  | LEVEL
			Số thứ tự                    | ROW_NUMBER
			Ngày/Thời gian               | DATE
			""")
	void requiredColumnsAreReadUnderTheirUsualOtherNames(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Trong đó: Đảng viên                | MEMBERS
			Trong đó đảng viên tham dự         | MEMBERS
			TRONG ĐÓ: QUẦN CHÚNG ƯU TÚ         | OTHERS
			""")
	void aHeadCountOfWhichTheTotalIsMadeIsReadAfterItsLeadIn(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	// Optional columns under their usual other names: unread, each would load its default on every row.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Đơn vị tổ chức               | HOST_UNIT
			Đơn vị chủ trì điểm cầu      | HOST_UNIT
			Đảng bộ, chi bộ              | HOST_UNIT
			Đảng bộ/Chi bộ               | HOST_UNIT
			Hình thức tổ chức            | FORMAT
			Hình thức học                | FORMAT
			Ngày tổ chức                 | DATE
			Thời gian tổ chức            | DATE
			Thời gian học tập            | DATE
			Ngày, tháng, năm             | DATE
			Ngày/tháng                   | DATE
			""")
	void optionalColumnsAreReadUnderTheirUsualOtherNames(String header, Field field) {
		assertThat(Vocabulary.field(header)).isEqualTo(field);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tổng số đảng viên (người) (1)", "Số đảng viên (người) (4)", "Số người (6=4+5)",
			"Số điểm cầu (điểm) [3]", "Tỷ lệ (%) (7)", "Số điểm cầu (điểm) cấp xã", "Tổng số (người) đảng viên",
			"Số (người) đảng viên", "1. Số đảng viên", "(1) Tổng số đảng viên", "1.2. Tên điểm cầu", "Tổ 1. Điểm cầu", "Số đảng viên dự bị",
			"Đảng viên không dự", "Số đảng viên không tham dự", "Số người tham gia", "Số quần chúng", "Dự", "Tham dự", "ĐV", "ĐB", "ĐC", "Số ĐC", "TS", "QC",
			"Tổng số ĐV", "SL ĐV", "Số ĐB tham dự", "ĐB cơ sở", "Số người tham dự", "Số lượng tham dự",
			"Thành phần tham dự", "Đảng viên/Quần chúng", "Đơn vị/Địa điểm", "Tên điểm cầu, địa chỉ", "Số đ/v tham dự",
			"Trong đó: nữ", "Trong đó: đảng viên nữ", "Trong đó", "Trong đó: đảng viên dự bị" })
	void headersThatOnlyLookLikeAColumnsWithTheirNotesLeftOffNameNone(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Địa chỉ", "Số điện thoại", "Tên", "Số", "Đơn vị báo cáo", "Tỷ lệ (%)" })
	void otherHeadersNameNoColumn(String header) {
		assertThat(Vocabulary.field(header)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tổng cộng", "TỔNG CỘNG:", "Cộng", "Cộng I", "Cộng II:", "Tổng cộng phần II", "Cộng mục A",
			"Tổng số (I + II)", "TỔNG CỘNG TOÀN QUẬN", "Cộng toàn huyện", "Cộng cả huyện", "Tổng cộng: 19 điểm cầu",
			"Tổng số (3 điểm cầu)", "Tổng số điểm cầu: 19", "Cộng cấp xã", "Cộng các phường", "Tổng số điểm cầu",
			"TỔNG CỘNG ĐIỂM CẦU", "Tổng số điểm cầu: 19 điểm", "Toàn quận", "TOÀN HUYỆN", "Toàn tỉnh:", "Toàn Đảng bộ" })
	void totalsRowsOfTheTableAndOfItsParts(String text) {
		assertThat(Vocabulary.isTotalsKey(VietnameseText.asciiKey(text))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Long Biên, ngày 29 tháng 3 năm 2021", "Hà Nội, ngày 5 tháng 4 năm 2021",
			"LONG BIÊN, NGÀY 29 THÁNG 3 NĂM 2021" })
	void aPlaceDateLineWithItsDayAndMonthGivesADate(String text) {
		assertThat(Vocabulary.isDatedPlaceDate(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Long Biên, ngày    tháng    năm 2021", "Hà Nội, ngày ... tháng ... năm 2021",
			"Long Biên, ngày … tháng … năm …", "Ghi chú", "Long Biên ngày 29 tháng 3 năm 2021" })
	void aPlaceDateLineLeftBlankGivesNoDate(String text) {
		assertThat(Vocabulary.isDatedPlaceDate(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Cống Vị", "Cổng A", "Tổng I", "Cong II", "Cống X" })
	void totalsTextsThatMayBePlacesNames(String text) {
		assertThat(Vocabulary.mayBeAPointsName(text, VietnameseText.asciiKey(text))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Cộng II", "CỘNG A", "Cộng VI", "Tổng cộng phần II", "Tổng số (I + II)",
			"Tổng cộng toàn quận", "Cộng cả huyện", "Tổng số: 19 điểm cầu", "Cộng cấp xã", "Tổng cộng" })
	void totalsTextsThatAreNoPlacesNames(String text) {
		assertThat(Vocabulary.mayBeAPointsName(text, VietnameseText.asciiKey(text))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Công an xã", "Cộng đồng dân cư", "Tổng đội TNXP", "Cộng hòa", "Tổng cộng phần lớn",
			"Công ty May 10", "Tổng công ty Điện lực", "Công ty toàn cầu", "Tổng số đảng viên", "Toàn Thắng", "Xã Toàn Thắng",
			"Toàn quận Long Biên có 14 phường" })
	void namesStartingWithATotalsWordAreNoTotalsRows(String text) {
		assertThat(Vocabulary.isTotalsKey(VietnameseText.asciiKey(text))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "I. Cấp huyện", "II) Cấp xã", "IV- Khối doanh nghiệp", "B/ Khối cơ quan", "C: Khác",
			"A.Cấp tỉnh", "XI. Cấp thôn", "V. Khối doanh nghiệp" })
	void partHeadingsStartWithAMarker(String text) {
		assertThat(Vocabulary.isPartMarker(text, false)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "A Lưới", "A-Lưới", "Tổ A", "Ia Grai", "I", "Xã IA", "i. cấp huyện", "P. Gia Thụy",
			"X. Hòa Bình", "Q.Long Biên", "H. Gia Lâm" })
	void pointNamesAreNoPartHeadings(String text) {
		assertThat(Vocabulary.isPartMarker(text, false)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "I. Cấp huyện, Cấp huyện", "IV- Khối doanh nghiệp, Khối doanh nghiệp", "A.Cấp tỉnh, Cấp tỉnh",
			"B/ Khối cơ quan, Khối cơ quan" })
	void aPartsTitleFollowsItsMarker(String text, String title) {
		assertThat(Vocabulary.partTitle(text)).isEqualTo(title);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A Lưới", "A-Lưới", "Tổ A", "Xã IA", "UBND xã", "I", "II" })
	void aNameWithoutMarkerHasNoPartTitle(String text) {
		assertThat(Vocabulary.partTitle(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "I", "II.", "XIV", "A", "B)" })
	void aRowNumberMayBeAPartMarker(String text) {
		assertThat(Vocabulary.isPartMarker(text, true)).isTrue();
	}

	private static Stream<Arguments> forms(Stream<Arguments> words) {
		return words.flatMap((word) -> {
			Object meaning = word.get()[0];
			String text = (String) word.get()[1];
			return Stream.of(form("as written", String::valueOf), form("upper case", (s) -> s.toUpperCase(Locale.ROOT)),
					form("lower case", (s) -> s.toLowerCase(Locale.ROOT)), form("decomposed (NFD)", VocabularyTests::nfd),
					form("without diacritics", VocabularyTests::ascii),
					form("odd spacing, NBSP, zero-width", (s) -> "  " + s.replace(" ", " \u00A0 ") + "\u200B "),
					form("with a colon", (s) -> s + ":"))
				.map((form) -> Arguments.of(meaning, form.apply(text), form.toString()));
		});
	}

	private static Form form(String name, UnaryOperator<String> change) {
		return new Form(name, change);
	}

	private record Form(String name, UnaryOperator<String> change) {

		String apply(String text) {
			return this.change.apply(text);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static String nfd(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD);
	}

	private static String ascii(String text) {
		return nfd(text).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
	}

}
