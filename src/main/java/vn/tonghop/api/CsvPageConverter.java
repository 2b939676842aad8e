package vn.tonghop.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

import vn.tonghop.report.SafeText;

/**
 * Writes a {@link Page} as CSV (RFC 4180, comma, CRLF, UTF-8 with a byte order mark so Excel reads
 * the Vietnamese right): a header of the item's field names as in JSON, then a row per item.
 * Every text value goes through {@link SafeText#forCsv}, so a unit named {@code =HYPERLINK(…)}
 * opens as text. Map-valued fields ({@code links}) are JSON-only; lists are joined with spaces.
 */
final class CsvPageConverter extends AbstractSmartHttpMessageConverter<Page<?>> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv");

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	CsvPageConverter() {
		super(TEXT_CSV);
		setDefaultCharset(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean supports(Class<?> type) {
		return Page.class.isAssignableFrom(type);
	}

	@Override
	public boolean canRead(ResolvableType type, MediaType mediaType) {
		return false;
	}

	@Override
	public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
		return supports(valueClass) && canWrite(mediaType);
	}

	@Override
	public Page<?> read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) {
		throw new HttpMessageNotReadableException("CSV is written, never read", input);
	}

	@Override
	protected void writeInternal(Page<?> page, ResolvableType type, HttpOutputMessage output, Map<String, Object> hints)
			throws IOException {
		List<RecordComponent> columns = columns(itemType(page, type));
		Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
		writer.write(BYTE_ORDER_MARK);
		CsvWriter csv = CsvWriter.builder().build(writer);
		csv.writeRecord(columns.stream().map(RecordComponent::getName).toList());
		for (Object item : page.items()) {
			csv.writeRecord(columns.stream().map(column -> text(value(item, column))).toList());
		}
		// Flushed, not closed: the servlet container owns the response stream.
		csv.flush();
	}

	private static Class<?> itemType(Page<?> page, ResolvableType type) {
		Class<?> declared = type.as(Page.class).getGeneric(0).resolve();
		if (declared != null && declared.isRecord()) {
			return declared;
		}
		if (!page.items().isEmpty() && page.items().get(0).getClass().isRecord()) {
			return page.items().get(0).getClass();
		}
		throw new HttpMessageNotWritableException("No CSV columns for " + type);
	}

	private static List<RecordComponent> columns(Class<?> item) {
		return Arrays.stream(item.getRecordComponents())
			.filter(component -> !Map.class.isAssignableFrom(component.getType()))
			.toList();
	}

	private static Object value(Object item, RecordComponent column) {
		try {
			return column.getAccessor().invoke(item);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new HttpMessageNotWritableException("Cannot read " + column.getName() + " of " + item, ex);
		}
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Collection<?> values) {
			return SafeText.forCsv(values.stream().map(String::valueOf).collect(Collectors.joining(" ")));
		}
		return SafeText.forCsv(value.toString());
	}

}
