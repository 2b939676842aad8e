package vn.tonghop.sheet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every detail a reader gives a rejected file reads in Vietnamese in the Vietnamese message and in
 * English in the English one.
 */
class DetailTests {

	/** Words both languages write alike: names of formats and products, XML's own words, and "web". */
	private static final Set<String> NAMES = Set.of("Excel", "Office", "OpenDocument", "Strict", "Open", "XML",
			"Spreadsheet", "HTML", "CSV", "zip", "web", "DOCTYPE", "DTD", "schemaLocation");

	/** Arguments that are no word of either language, to be found again in both. */
	private static final Object[] ARGUMENTS = { "⟨1⟩", "⟨2⟩", "⟨3⟩" };

	private static final Pattern ARGUMENT = Pattern.compile("⟨\\d⟩");

	@ParameterizedTest(name = "{0}")
	@EnumSource(Detail.class)
	void isWrittenInBothLanguages(Detail detail) {
		// when
		Phrase phrase = detail.with(ARGUMENTS);

		// then: both there, and the Vietnamese has Vietnamese letters
		assertThat(phrase.vi()).isNotBlank().isNotEqualTo(phrase.en());
		assertThat(phrase.en()).isNotBlank();
		assertThat(phrase.vi().chars().anyMatch((c) -> c > 0x7F && Character.isLetter(c))).as(phrase.vi()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Detail.class)
	void keepsNoEnglishWordInItsVietnamese(Detail detail) {
		// given
		Phrase phrase = detail.with(ARGUMENTS);
		Set<String> english = words(phrase.en()).stream().map((word) -> word.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());

		// when: the words of the Vietnamese in plain ASCII letters that the English has too
		List<String> shared = words(phrase.vi()).stream()
			.filter((word) -> word.matches("[A-Za-z]+"))
			.filter((word) -> english.contains(word.toLowerCase(Locale.ROOT)))
			.toList();

		// then they are names, not English left untranslated
		assertThat(shared).as(phrase.vi()).allMatch(NAMES::contains);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Detail.class)
	void namesTheSameThingsInBothLanguages(Detail detail) {
		// when
		Phrase phrase = detail.with(ARGUMENTS);

		// then
		assertThat(arguments(phrase.vi())).as(phrase.vi()).isEqualTo(arguments(phrase.en()));
	}

	@Test
	void writesSizesAndCountsAsEachLanguageWritesNumbers() {
		assertThat(Sizes.bytes(32_925_696)).isEqualTo(new Phrase("31,4 MB", "31.4 MB"));
		assertThat(Sizes.bytes(20L << 20)).isEqualTo(new Phrase("20 MB", "20 MB"));
		assertThat(Sizes.bytes(500)).isEqualTo(new Phrase("500 byte", "500 bytes"));
		assertThat(Sizes.count(1_048_576)).isEqualTo(new Phrase("1.048.576", "1,048,576"));
		assertThat(Detail.CELL_TEXT.with(Sizes.count(32_767), "Báo cáo!D14"))
			.isEqualTo(new Phrase("ô dài hơn 32.767 ký tự (Báo cáo!D14)", "a cell of more than 32,767 characters (Báo cáo!D14)"));
	}

	@Test
	void aPhraseTakesTheLanguageOfTheMessageItIsWrittenInto() {
		// given
		Phrase phrase = Detail.ZIP_UNREADABLE.with();

		// when, then
		assertThat(String.format(Locale.forLanguageTag("vi-VN"), "Tệp bị hỏng, không mở được (%s)", phrase))
			.isEqualTo("Tệp bị hỏng, không mở được (không đọc được cấu trúc zip)");
		assertThat(String.format(Locale.ENGLISH, "The file is damaged and cannot be opened (%s)", phrase))
			.isEqualTo("The file is damaged and cannot be opened (not a readable zip)");
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.split("[\\s(),:;\"<!]+")).filter((word) -> !word.isEmpty()).toList();
	}

	private static List<String> arguments(String text) {
		Matcher matcher = ARGUMENT.matcher(text);
		return matcher.results().map((found) -> found.group()).sorted().toList();
	}

}
