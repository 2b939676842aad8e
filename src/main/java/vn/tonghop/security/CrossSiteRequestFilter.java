package vn.tonghop.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that changes something when a browser sends it for a page of another site.
 * Browsers resend the HTTP Basic credentials they were given for this origin whatever page asks,
 * as they would a cookie: without this a page elsewhere could upload a file, or restart a run, with
 * the rights of whoever signed in to the dashboard. Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, else {@code Origin}); scripts such as curl send neither and pass.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** {@code none}: typed in the address bar or opened from a bookmark, by the user. */
	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!READ_ONLY.contains(request.getMethod()) && fromAnotherSite(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return !OWN_SITE.contains(site);
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		// An opaque origin ("null": a sandboxed frame, a local file) is another site too.
		try {
			String authority = URI.create(origin).getRawAuthority();
			return authority == null || !authority.equalsIgnoreCase(request.getHeader("Host"));
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
