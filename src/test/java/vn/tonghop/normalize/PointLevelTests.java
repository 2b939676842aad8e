package vn.tonghop.normalize;

import java.text.Normalizer;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The level and format words of submission-format.md, as written, in capitals, NFD and without diacritics. */
class PointLevelTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Trung ương|CENTRAL", "Tỉnh|PROVINCE", "Cấp tỉnh|PROVINCE",
			"Thành phố trực thuộc TW|PROVINCE", "Huyện|DISTRICT", "Quận|DISTRICT", "Thị xã|DISTRICT",
			"Thành phố thuộc tỉnh|DISTRICT", "Cấp huyện|DISTRICT", "Tương đương cấp huyện|DISTRICT", "Khối|DISTRICT",
			"Cơ sở|GRASSROOTS", "Xã|GRASSROOTS", "Phường|GRASSROOTS", "Thị trấn|GRASSROOTS", "Đặc khu|GRASSROOTS",
			"Đảng bộ cơ sở|GRASSROOTS", "Chi bộ|CELL", "Thôn|CELL", "Tổ dân phố|CELL", "Phố|CELL", "Khu dân cư|CELL",
			"Bản|CELL", "Ấp|CELL", "Cấp xã|GRASSROOTS", "district|DISTRICT" })
	void everyLevelWordInEveryForm(String word, PointLevel level) {
		assertThat(PointLevel.parse(word)).contains(level);
		assertThat(PointLevel.parse(word.toUpperCase(Locale.ROOT))).contains(level);
		assertThat(PointLevel.parse(Normalizer.normalize(word, Normalizer.Form.NFD))).contains(level);
		assertThat(PointLevel.parse(VietnameseText.asciiKey(word))).contains(level);
		assertThat(PointLevel.parse(" " + word.replace(" ", "\u00A0 ") + " ")).contains(level);
	}

	// submission-format.md expands these prefixes where unambiguous; "TP." may be a province's city or a district's.
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "X.|GRASSROOTS", "P.|GRASSROOTS", "TT.|GRASSROOTS", "TT|GRASSROOTS",
			"Cấp X.|GRASSROOTS", "TX.|DISTRICT", "Q.|DISTRICT", "H.|DISTRICT", "ĐB cơ sở|GRASSROOTS",
			"ĐB. cơ sở|GRASSROOTS" })
	void levelsWrittenWithTheFormatsAbbreviations(String word, PointLevel level) {
		assertThat(PointLevel.parse(word)).contains(level);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tổ", "Cấp", "Thành phố", "Xóm 3", "", "TP.", "ĐB", "TDP", "X. Hòa Bình", "P.Xã" })
	void otherWordsAreNoLevel(String word) {
		assertThat(PointLevel.parse(word)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Trực tuyến|ONLINE", "TRỰC TUYẾN|ONLINE", "truc tuyen|ONLINE",
			"Trực tiếp|IN_PERSON", "Ghi hình|RECORDED", "Xem lại|RECORDED", "Ghi hình / Xem lại|RECORDED",
			"Ghi hình/Xem lại|RECORDED" })
	void everyFormatWord(String word, PointFormat format) {
		assertThat(PointFormat.parse(word)).contains(format);
		assertThat(PointFormat.parse(Normalizer.normalize(word, Normalizer.Form.NFD))).contains(format);
	}

}
