package vn.tonghop.security;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A request whose path the application maps, but not for its method ({@code DELETE} of a listing):
 * Spring MVC answers it 405 with an {@code Allow} header, as the dispatcher would find, mapping by
 * mapping in order. The access rules let such a request through to whoever may read its path, so an
 * account is told the method is not there instead of 403, which reads as a right it lacks; nothing
 * runs, and a method some handler takes stays under its own rule.
 */
class MethodNotAllowed implements RequestMatcher {

	private final ObjectProvider<HandlerMapping> mappings;

	MethodNotAllowed(ObjectProvider<HandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		HttpServletRequest probe = new ScratchAttributes(request);
		ServletRequestPathUtils.parseAndCache(probe);
		for (HandlerMapping mapping : this.mappings.orderedStream().toList()) {
			try {
				if (mapping.getHandler(probe) != null) {
					return false;
				}
			}
			catch (HttpRequestMethodNotSupportedException ex) {
				return true;
			}
			catch (Exception ex) {
				// Whatever else the mapping makes of it, the request's own rule decides.
				return false;
			}
		}
		return false;
	}

	/** The request, with attributes of its own: a mapping's look-up leaves what it found in them. */
	private static final class ScratchAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		ScratchAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

}
