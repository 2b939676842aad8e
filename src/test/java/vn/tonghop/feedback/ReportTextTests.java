package vn.tonghop.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTests {

	@Test
	void textWithinTheLimitIsKeptWhole() {
		// given
		String text = "x".repeat(ReportText.CELL);

		// when, then
		assertThat(ReportText.cell(text)).isSameAs(text);
		assertThat(ReportText.cell(null)).isNull();
	}

	@Test
	void longerTextIsCutToTheLimitEndingWithAnEllipsis() {
		// given
		String text = "x".repeat(ReportText.CELL + 1);

		// when
		String cut = ReportText.cell(text);

		// then
		assertThat(cut).hasSize(ReportText.CELL).endsWith("x…");
		assertThat(ReportText.commentMessage(text)).hasSize(ReportText.COMMENT_MESSAGE).endsWith("x…");
	}

	@Test
	void aCharacterOfTwoCharsIsNeverCutInHalf() {
		// given a text whose cut would fall between the two halves of 𝕏
		String text = "x".repeat(8) + "𝕏" + "x".repeat(10);

		// when
		String cut = ReportText.cut(text, 10);

		// then
		assertThat(cut).isEqualTo("x".repeat(8) + "…");
	}

}
