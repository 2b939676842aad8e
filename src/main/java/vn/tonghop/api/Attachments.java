package vn.tonghop.api;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.web.util.UriUtils;

/**
 * The {@code Content-Disposition} of a download. A name that is not plain ASCII is given twice
 * (RFC 6266): as written, in UTF-8 ({@code filename*}, which browsers use), and without its
 * accents ({@code filename}, which curl -OJ and older clients read). Left to the header's
 * Latin-1, "Báo cáo đợt 1" would reach those as raw Latin-1 bytes with underscores for the rest.
 */
final class Attachments {

	private Attachments() {
	}

	static String contentDisposition(String fileName) {
		String plain = plain(fileName);
		String header = "attachment; filename=\"" + plain + "\"";
		return plain.equals(fileName) ? header
				: header + "; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
	}

	/** "Báo cáo đợt 1.xlsx" as "Bao cao dot 1.xlsx"; what has no ASCII letter, and quotes, as '_'. */
	static String plain(String fileName) {
		String bare = Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		StringBuilder plain = new StringBuilder(bare.length());
		bare.codePoints()
			.forEach(c -> plain.append(c >= ' ' && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
		return plain.toString();
	}

}
