package vn.tonghop.normalize;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PointNamesTests {

	@Test
	void aToneMarkOnEitherVowelAndAnyLetterCaseGiveTheSameKey() {
		// then
		assertThat(PointNames.key("Phường Gia Thụy")).isEqualTo(PointNames.key("PHƯỜNG GIA THUỴ"));
		assertThat(PointNames.key("Xã Hòa Bình")).isEqualTo(PointNames.key("xã hoà bình"));
		assertThat(PointNames.key("Xã Hòa Bình")).isEqualTo(PointNames.key(Normalizer.normalize("Xã Hoà Bình", Normalizer.Form.NFD)));
	}

	@Test
	void anotherToneAnotherLetterOrAToneOnAnotherWordGiveAnotherKey() {
		// then
		assertThat(PointNames.key("Xã Hà Nam")).isNotEqualTo(PointNames.key("Xã Hà Nậm"));
		assertThat(PointNames.key("Xã Hà Nam")).isNotEqualTo(PointNames.key("Xã Ha Nam"));
		assertThat(PointNames.key("Chi bộ số 1")).isNotEqualTo(PointNames.key("Chi bô số 1"));
		assertThat(PointNames.key("Hòa Bình")).isNotEqualTo(PointNames.key("Hoa Bình̀"));
	}

	@Test
	void theKeyIsLowerCaseDecomposedWithEachToneAfterTheLettersThatFollowIt() {
		// then
		assertThat(PointNames.key("Thụy")).isEqualTo("thuy\u0323");
		assertThat(PointNames.key("Thuỵ Sơn")).isEqualTo("thuy\u0323 so\u031bn");
		assertThat(PointNames.key("Bộ")).isEqualTo("bo\u0302\u0323");
		assertThat(PointNames.key("a\u0301b\u0300c")).as("a tone stops at the next").isEqualTo("ab\u0301c\u0300");
		assertThat(PointNames.key("a\u0301\u0300b")).isEqualTo("a\u0301b\u0300");
	}

	@Test
	void charactersThatReorderWithTheirNeighboursAreLeftToTheWholeName() {
		// then
		assertThat(PointNames.decomposition('ụ')).containsExactly('u', '\u0323');
		assertThat(PointNames.decomposition('Ụ')).containsExactly('u', '\u0323');
		assertThat(PointNames.decomposition('a')).containsExactly('a');
		assertThat(PointNames.decomposition('\u0323')).isNull();
		assertThat(PointNames.decomposition('\uD83D')).isNull();
		assertThat(PointNames.decomposition('\u4E2D')).isNull();
	}

}
