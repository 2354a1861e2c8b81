package kz.zhilyego.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.web.WebRoutes;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * 429 with {@code Retry-After} when a caller goes over the limit. Static files and media
 * are never counted (a page with its style sheets, scripts and photos is one request).
 * Signed in: per user. Anonymous: per visitor when the browser carries the visitor's CSRF
 * cookie, and always within a larger per-address ceiling, so that visitors sharing one
 * address (a mobile operator's NAT, an office) do not share one small bucket, and a
 * client that invents cookies gains nothing past the ceiling. The sign-in, token,
 * registration and password endpoints keep a stricter per-address limit. A limited page
 * is the styled "too many requests" page in the visitor's language (through the
 * container's error page); the API gets its problem. Not a bean on purpose: it runs
 * inside the security filter chains only.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_COOKIE_LENGTH = 128;

	private final RateLimits limits;

	private final Problems problems;

	private final boolean pages;

	/**
	 * @param pages the web chain: visitors are told apart by their cookie and limited
	 * pages are HTML
	 */
	public RateLimitFilter(RateLimits limits, Problems problems, boolean pages) {
		this.limits = limits;
		this.problems = problems;
		this.pages = pages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// a page's own assets are never limited; a static path a browser opens as a
		// page is, since its error is a rendered page (WebRoutes.errorIsPage)
		return !this.limits.enabled() || (WebRoutes.isStatic(request) && !WebRoutes.errorIsPage(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimiter.Decision decision = decide(request);
		if (decision.allowed()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
		if (this.pages && WebRoutes.errorIsPage(request)) {
			// rendered by the site's error page, styled and in the visitor's language
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "rateLimit.exceeded",
				decision.retryAfterSeconds());
	}

	private RateLimiter.Decision decide(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (RateLimits.isAuthEndpoint(request)) {
			RateLimiter.Decision auth = this.limits.auth().tryConsume("auth:" + address);
			if (!auth.allowed()) {
				return auth;
			}
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return this.limits.general().tryConsume("user:" + user.id());
		}
		String visitor = this.pages ? visitor(request) : null;
		if (visitor != null) {
			RateLimiter.Decision own = this.limits.general().tryConsume("visitor:" + visitor);
			if (!own.allowed()) {
				return own;
			}
		}
		return this.limits.address().tryConsume("address:" + address);
	}

	/** The visitor's browser, named by a hash of its CSRF cookie; none without one. */
	private static @Nullable String visitor(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, SessionOrCookieCsrfTokenRepository.COOKIE);
		if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()
				|| cookie.getValue().length() > MAX_COOKIE_LENGTH) {
			return null;
		}
		return Hashes.sha256(cookie.getValue()).substring(0, 32);
	}

}
