package vn.tonghop.normalize;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.normalize.LegacyVietnamese.Encoding;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyVietnameseTests {

	// The byte strings are what Excel stores for text typed with a TCVN3 (ABC) keyboard in a
	// .VnTime cell: each byte as the Latin-1 character of the same code.
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Thanh Hãa|Thanh Hóa", "§¶ng ñy|Đảng ủy", "HuyÖn ñy|Huyện ủy",
			"Tæng céng|Tổng cộng", "Sè ®¶ng viªn tham dù|Số đảng viên tham dự", "CÊp ®iÓm cÇu|Cấp điểm cầu",
			"QuËn ñy Long Biªn|Quận ủy Long Biên", "B¶o Th¾ng|Bảo Thắng", "M\u00ADêng Kh\u00AD¬ng|Mường Khương",
			"§¬n vÞ b¸o c¸o|Đơn vị báo cáo", "Ph\u00ADêng Bå §Ò|Phường Bồ Đề", "Sè ng\u00ADêi kh¸c|Số người khác",
			"Héi nghÞ|Hội nghị", "Trùc tuyÕn|Trực tuyến", "Ghi chó|Ghi chú", "Ngäc Thôy|Ngọc Thụy" })
	void tcvn3WordsBecomeUnicode(String typed, String expected) {
		assertThat(LegacyVietnamese.toUnicode(typed, ".VnTime")).isEqualTo(expected);
		assertThat(LegacyVietnamese.toUnicode(typed, ".VnArial")).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "TæNG CéNG|TỔNG CỘNG", "QUËN ñY LONG BIªN|QUẬN ỦY LONG BIÊN",
			"quËn ñy long biªn|QUẬN ỦY LONG BIÊN", "§¶NG Uû|ĐẢNG UỶ" })
	void tcvn3CapitalsFontsShowEveryLetterInCapitals(String typed, String expected) {
		assertThat(LegacyVietnamese.toUnicode(typed, ".VnTimeH")).isEqualTo(expected);
		assertThat(LegacyVietnamese.toUnicode(typed, ".VnArial NarrowH")).isEqualTo(expected);
	}

	@Test
	void tcvn3CapitalsWithTonesOfTheFullStandardAreRead() {
		// TCVN 5712 places some toned capitals in code points the lower-case set leaves free.
		assertThat(LegacyVietnamese.toUnicode("\u00C0\u00C1\u00C4\u00DA\u00FF", ".VnTime")).isEqualTo("ẮẦẤẾỐ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Thanh Hoùa|Thanh Hóa", "Ñaûng uûy|Đảng ủy", "Huyeän uûy|Huyện ủy",
			"Toång coäng|Tổng cộng", "Soá ñaûng vieân tham döï|Số đảng viên tham dự", "Caáp ñieåm caàu|Cấp điểm cầu",
			"Quaän uûy Long Bieân|Quận ủy Long Biên", "Phöôøng Boà Ñeà|Phường Bồ Đề", "Ñôn vò baùo caùo|Đơn vị báo cáo",
			"Hoäi nghò|Hội nghị", "Ngoïc Thuïy|Ngọc Thụy", "Thaéng, Ñaëng, Ñaúng, Phaãn|Thắng, Đặng, Đẳng, Phẫn",
			"Kyø, Myõ, Tyû, Lyù, Quî|Kỳ, Mỹ, Tỷ, Lý, Quỵ", "ít, ìm, æ, ó, ò|ít, ìm, ỉ, ĩ, ị" })
	void vniWordsBecomeUnicode(String typed, String expected) {
		assertThat(LegacyVietnamese.toUnicode(typed, "VNI-Times")).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "THANH HOÙA|THANH HÓA", "ÑAÛNG UÛY|ĐẢNG ỦY", "HUYEÄN UÛY|HUYỆN ỦY",
			"TOÅNG COÄNG|TỔNG CỘNG", "SOÁ ÑAÛNG VIEÂN THAM DÖÏ|SỐ ĐẢNG VIÊN THAM DỰ", "CAÁP ÑIEÅM CAÀU|CẤP ĐIỂM CẦU",
			"QUAÄN UÛY LONG BIEÂN|QUẬN ỦY LONG BIÊN", "PHÖÔØNG|PHƯỜNG", "THAÉNG|THẮNG", "QUÎ, KHÍ|QUỴ, KHÍ" })
	void vniCapitals(String typed, String expected) {
		assertThat(LegacyVietnamese.toUnicode(typed, "VNI-Helve")).isEqualTo(expected);
	}

	@Test
	void resultIsComposed() {
		String converted = LegacyVietnamese.toUnicode("Quaän uûy", "VNI-Times");

		assertThat(converted).isEqualTo(Normalizer.normalize(converted, Normalizer.Form.NFC)).hasSize(7);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Quận ủy Long Biên", "Phường Bồ Đề", "Thuỵ" })
	void unicodeTextInALegacyFontIsLeftAsItIs(String unicode) {
		assertThat(LegacyVietnamese.toUnicode(unicode, ".VnTime")).isSameAs(unicode);
		assertThat(LegacyVietnamese.toUnicode(unicode, "VNI-Times")).isSameAs(unicode);
	}

	@Test
	void asciiTextIsLeftAsItIs() {
		String ascii = "STT 12 - Long Bien";

		assertThat(LegacyVietnamese.toUnicode(ascii, ".VnTime")).isSameAs(ascii);
	}

	@Test
	void otherFontsAreNotConverted() {
		assertThat(LegacyVietnamese.toUnicode("Tæng céng", "Times New Roman")).isEqualTo("Tæng céng");
		assertThat(LegacyVietnamese.toUnicode("Tæng céng", null)).isEqualTo("Tæng céng");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { ".VnTime|TCVN3", ".VnTimeH|TCVN3", ".vnarial|TCVN3", ".VnCentury Schoolbook|TCVN3",
			"VNI-Times|VNI", "VNI-Helve-Condense|VNI", "vni-times|VNI" })
	void legacyFontsAreKnownByName(String font, Encoding encoding) {
		assertThat(LegacyVietnamese.encoding(font)).isEqualTo(encoding);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Times New Roman", "Arial", "Calibri", "VnTime", "Vni" })
	void unicodeFontsAreNotLegacy(String font) {
		assertThat(LegacyVietnamese.encoding(font)).isNull();
	}

}
