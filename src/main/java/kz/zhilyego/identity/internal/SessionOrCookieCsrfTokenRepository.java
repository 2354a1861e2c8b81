package kz.zhilyego.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * CSRF tokens of the web site without server state for visitors: while a visitor has no
 * session (an anonymous visitor never gets one), the token lives in an HttpOnly,
 * SameSite=Strict cookie and the forms carry it masked (double submit); once there is a
 * session (after signing in) only the session's token counts, as before. So an anonymous
 * GET of the sign-in or registration page writes no {@code spring_session} row, and the
 * forms work with and without JavaScript.
 */
public final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

	/** The visitor's cookie. */
	public static final String COOKIE = "zgo_csrf";

	private static final String HEADER = "X-CSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	public SessionOrCookieCsrfTokenRepository() {
		this.session.setHeaderName(HEADER);
		this.cookie.setHeaderName(HEADER);
		this.cookie.setCookieName(COOKIE);
		this.cookie.setCookieCustomizer(c -> c.sameSite("Strict"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		boolean hasCookie = WebUtils.getCookie(request, COOKIE) != null;
		if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
			if (hasCookie) {
				// the session's token takes over: the visitor's cookie is no longer
				// needed
				this.cookie.saveToken(null, request, response);
			}
		}
		else if (token != null || hasCookie) {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		// With a session only the session's token counts: a cookie can be planted by
		// someone who controls a sibling domain or the network, a session attribute
		// cannot.
		if (request.getSession(false) != null) {
			return this.session.loadToken(request);
		}
		return this.cookie.loadToken(request);
	}

}
