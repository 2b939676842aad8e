package vn.tonghop.normalize;

import java.text.Normalizer;
import java.util.Random;

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
	void cleanGivesCleanTextBackAsItIs() {
		// given
		String name = "Chi bộ số 12 - Điểm cầu Ơn Ư (xã Đông Hưng)";

		// when / then: no normalising, no copy
		assertThat(VietnameseText.isClean(name)).isTrue();
		assertThat(VietnameseText.clean(name)).isSameAs(name);
	}

	@Test
	void cleanShortcutAgreesWithTheLongWayOnMixedText() {
		// given: characters on both sides of every test the shortcut makes
		char[] alphabet = { 'a', 'B', '1', '.', '`', ' ', '\t', '\n', '\u00A0', '\u2003', '\u200B', '\u00AD', '\u2019',
				'\u02BC', '\u00B4', 'ộ', 'Đ', 'ơ', '\u0301', '\u0323', '\u0340', '\u2126', '\u212B', '\u1E9E', '\u1EF9',
				'\u1F71', '\u0085', '\u001F', '\uF900' };
		Random random = new Random(20261122);

		for (int n = 0; n < 50_000; n++) {
			char[] text = new char[random.nextInt(7)];
			for (int i = 0; i < text.length; i++) {
				text[i] = alphabet[random.nextInt(alphabet.length)];
			}
			String written = new String(text);

			// when
			String clean = VietnameseText.clean(written);

			// then
			assertThat(clean).as("clean(%s)", written.codePoints().mapToObj(Integer::toHexString).toList())
				.isEqualTo(VietnameseText.cleaned(written));
		}
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

	// Some fonts and converters put the eth (Ð, U+00D0) where Đ belongs: the two look alike in print.
	@Test
	void asciiKeyReadsTheEthAsD() {
		assertThat(VietnameseText.asciiKey("\u00D0ảng bộ \u00F0ức Giang")).isEqualTo("dang bo duc giang");
		assertThat(VietnameseText.asciiKey("Số \u00D0V tham dự")).isEqualTo("so dv tham du");
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
