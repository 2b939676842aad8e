package vn.tonghop.intake;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import vn.tonghop.examples.ExampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@Test
	void aNameThatFitsIsKeptAsItIs() {
		String longest = ExampleFiles.longName(255, ".xlsx");

		assertThat(FileNames.fit("long-bien.xlsx")).isEqualTo("long-bien.xlsx");
		assertThat(FileNames.fit(longest)).isEqualTo(longest);
		assertThat(FileNames.shorten("long-bien", 240)).isEqualTo("long-bien");
	}

	@Test
	void aLongerNameIsCutToTheBytesAllowedAndKeepsItsExtension() {
		// given a name of 255 Vietnamese letters, as a Windows share allows, 3 bytes for most of them
		String name = "ệ".repeat(250) + ".xlsx";

		// when
		String fitted = FileNames.fit(name);

		// then it takes at most 255 bytes, ends in a hash of the stem and keeps its extension
		assertThat(utf8(fitted)).isLessThanOrEqualTo(255);
		assertThat(fitted).matches("ệ+~[0-9a-f]{8}\\.xlsx");
		assertThat(utf8(fitted)).isGreaterThan(255 - 3);
	}

	@Test
	void aCutNeverSplitsALetterFromItsAccents() {
		// given a stem as macOS writes it: each ệ a letter and two combining accents (5 bytes)
		String decomposed = Normalizer.normalize("ệ", Normalizer.Form.NFD);
		String stem = decomposed.repeat(100);

		// when
		String shortened = FileNames.shorten(stem, 100);

		// then only whole letters are kept: (100 - 9) bytes hold 18 of them
		assertThat(shortened).startsWith(decomposed.repeat(18)).matches("(" + decomposed + "){18}~[0-9a-f]{8}");
		assertThat(utf8(shortened)).isLessThanOrEqualTo(100);
	}

	@Test
	void twoLongNamesWithTheSameStartStayTwoNames() {
		// given
		String first = ExampleFiles.longName(300, "-lần-1.xlsx");
		String second = ExampleFiles.longName(300, "-lần-2.xlsx");

		// when
		String firstFitted = FileNames.fit(first);
		String secondFitted = FileNames.fit(second);

		// then they differ, and each is the same every time
		assertThat(firstFitted).isNotEqualTo(secondFitted).isEqualTo(FileNames.fit(first));
		assertThat(firstFitted.substring(0, 100)).isEqualTo(secondFitted.substring(0, 100)).isEqualTo(first.substring(0, 100));
	}

	@Test
	void aLongTailAfterTheLastDotIsCutLikeTheRestOfTheName() {
		String name = "bao-cao." + "đ".repeat(200);

		String fitted = FileNames.fit(name);

		assertThat(utf8(fitted)).isLessThanOrEqualTo(255);
		assertThat(fitted).startsWith("bao-cao.đđđ").matches(".*~[0-9a-f]{8}");
	}

	private static int utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
