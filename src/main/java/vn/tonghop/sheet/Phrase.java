package vn.tonghop.sheet;

import java.util.Formattable;
import java.util.Formatter;
import java.util.Locale;

/**
 * Words about a file in Vietnamese and in English, such as the detail of a file a reader rejects.
 * Formatted into a message with %s it takes the message's language: Vietnamese when the
 * formatter's locale is Vietnamese, English otherwise. Messages are stored rendered, so each
 * language's message holds only its own words.
 *
 * @param vi in Vietnamese
 * @param en in English
 */
public record Phrase(String vi, String en) implements Formattable {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Override
	public void formatTo(Formatter formatter, int flags, int width, int precision) {
		Locale locale = formatter.locale();
		boolean vietnamese = locale != null && VIETNAMESE.getLanguage().equals(locale.getLanguage());
		formatter.format("%s", vietnamese ? this.vi : this.en);
	}

}
