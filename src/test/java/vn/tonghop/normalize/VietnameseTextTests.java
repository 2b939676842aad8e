package vn.tonghop.normalize;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

	@Test
	void cleanFoldsInvisibleAndWideSpacesAndApostrophes() {
		assertThat(VietnameseText.clean("  Ea\u00A0H\u2019Leo\u200B  \t huyện ")).isEqualTo("Ea H'Leo huyện");
	}

	@Test
	void cleanComposesDecomposedText() {
		String nfd = Normalizer.normalize("Thái Bình", Normalizer.Form.NFD);
		assertThat(VietnameseText.clean(nfd)).isEqualTo("Thái Bình");
	}

	@Test
	void toneKeyIgnoresWhereTheToneMarkSits() {
		assertThat(VietnameseText.toneKey("Thanh Hóa")).isEqualTo(VietnameseText.toneKey("thanh hoá"));
		assertThat(VietnameseText.toneKey("Thủy Nguyên")).isEqualTo(VietnameseText.toneKey("Thuỷ Nguyên"));
	}

	@Test
	void toneKeyKeepsTonesAndVowelShapesApart() {
		assertThat(VietnameseText.toneKey("Hà Nam")).isNotEqualTo(VietnameseText.toneKey("Hà Nậm"));
		assertThat(VietnameseText.toneKey("Long Biên")).isNotEqualTo(VietnameseText.toneKey("Long Biến"));
		assertThat(VietnameseText.toneKey("Phường 1")).isNotEqualTo(VietnameseText.toneKey("Phường 11"));
	}

	@Test
	void toneKeyTreatsPunctuationAsSpace() {
		assertThat(VietnameseText.toneKey("TP.Thanh  Hóa")).isEqualTo(VietnameseText.toneKey("tp thanh hoá"));
	}

	@Test
	void asciiKeyDropsEveryDiacritic() {
		assertThat(VietnameseText.asciiKey("Đảng bộ Quận Long Biên")).isEqualTo("dang bo quan long bien");
		assertThat(VietnameseText.asciiKey("Số ĐV (tham dự)")).isEqualTo("so dv tham du");
	}

}
