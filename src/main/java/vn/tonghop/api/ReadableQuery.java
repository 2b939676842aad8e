package vn.tonghop.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query the API cannot read. Tomcat drops a parameter it cannot decode (a broken
 * {@code %} escape, bytes that are not UTF-8) and goes on, so a listing would answer as if that
 * filter had not been sent: every row instead of the ones asked for.
 */
final class ReadableQuery implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (!decodable(pair)) {
					throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The query cannot be read at '" + pair
							+ "': a value is not percent-encoded UTF-8 (Đ is %C4%90).");
				}
			}
		}
		return true;
	}

	private static boolean decodable(String pair) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < pair.length(); i++) {
			char c = pair.charAt(i);
			if (c != '%') {
				// Tomcat reads what is not escaped as UTF-8 too.
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
				continue;
			}
			if (i + 2 >= pair.length() || !HexFormat.isHexDigit(pair.charAt(i + 1))
					|| !HexFormat.isHexDigit(pair.charAt(i + 2))) {
				return false;
			}
			bytes.write(HexFormat.fromHexDigits(pair, i + 1, i + 3));
			i += 2;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
