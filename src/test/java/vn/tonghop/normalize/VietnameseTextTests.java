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

	@Test
	void asciiKeyCharacterByCharacterEqualsTheKeyOfTheWholeText() {
		// given every character the per-character key covers, in every pair and between words
		StringBuilder covered = new StringBuilder();
		for (char c = 0; c < '\u1F00'; c++) {
			if (VietnameseText.keyPart(c) != null) {
				covered.append(c);
			}
		}
		// when keyed both ways, then the keys agree
		int compared = 0;
		for (int i = 0; i < covered.length(); i++) {
			for (int j = 0; j < covered.length(); j++) {
				String text = "X" + covered.charAt(i) + covered.charAt(j) + " y";
				assertThat(VietnameseText.asciiKey(text)).as("U+%04X U+%04X", (int) covered.charAt(i), (int) covered.charAt(j))
					.isEqualTo(VietnameseText.foldedKey(text));
				compared++;
			}
		}
		assertThat(covered.length()).isGreaterThan(1000);
		assertThat(compared).isEqualTo(covered.length() * covered.length());
	}

	@Test
	void asciiKeyOfVietnameseInAnyNormalForm() {
		String nfd = Normalizer.normalize("  Ủy ban\u200B nhân dân\u00A0Phường Hoà Bình — Số ĐV ", Normalizer.Form.NFD);

		assertThat(VietnameseText.asciiKey(nfd)).isEqualTo("uy ban nhan dan phuong hoa binh so dv")
			.isEqualTo(VietnameseText.foldedKey(nfd));
		assertThat(VietnameseText.asciiKey("Ω Σ ΟΔΟΣ")).isEqualTo(VietnameseText.foldedKey("Ω Σ ΟΔΟΣ"));
	}

}
