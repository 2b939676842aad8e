package vn.tonghop.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every page, JSON or CSV, tells its total in {@code X-Total-Count} and its neighbours in a
 * {@code Link} header (RFC 8288: first, prev, next, last), with the request's other parameters kept.
 */
@ControllerAdvice(basePackageClasses = PagingHeaders.class)
class PagingHeaders implements ResponseBodyAdvice<Object> {

	static final String TOTAL_COUNT = "X-Total-Count";

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return Page.class.isAssignableFrom(returnType.getParameterType());
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof Page<?> page) {
			HttpHeaders headers = response.getHeaders();
			headers.set(TOTAL_COUNT, Long.toString(page.total()));
			headers.set(HttpHeaders.LINK, links(request.getURI(), page));
		}
		return body;
	}

	private static String links(URI uri, Page<?> page) {
		List<String> links = new ArrayList<>();
		links.add(link(uri, 0, "first"));
		if (page.page() > 0) {
			links.add(link(uri, Math.min(page.page() - 1, page.lastPage()), "prev"));
		}
		if (page.page() < page.lastPage()) {
			links.add(link(uri, page.page() + 1, "next"));
		}
		links.add(link(uri, page.lastPage(), "last"));
		return String.join(", ", links);
	}

	private static String link(URI uri, int page, String relation) {
		// The request's raw query is kept as sent, not checked again as if it were built here: a value
		// holding '=' is a valid query that build(true) refuses, failing the page it links.
		String target = UriComponentsBuilder.fromPath(uri.getRawPath())
			.query(uri.getRawQuery())
			.replaceQueryParam("page", page)
			.build()
			.toUriString();
		return "<" + target + ">; rel=\"" + relation + "\"";
	}

}
