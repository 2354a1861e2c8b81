package kz.zhilyego.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import kz.zhilyego.MutableClock;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the limiter counts and whom it tells apart: static files never; a signed-in user,
 * a visitor's browser (CSRF cookie) and an address each have their own bucket; a limited
 * page is left to the site's error page (sendError), the API gets a problem.
 */
class RateLimitFilterTest {

	private static final int PER_CALLER = 5;

	private static final int PER_ADDRESS = 12;

	private final MutableClock clock = new MutableClock();

	private final RateLimits limits = new RateLimits(
			new IdentityProperties.RateLimit(true, PER_CALLER, PER_ADDRESS, 3, 1000), this.clock);

	private final RateLimitFilter web = new RateLimitFilter(this.limits, problems(), true);

	private final RateLimitFilter api = new RateLimitFilter(this.limits, problems(), false);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void staticFilesAndMediaAreNeverCounted() throws Exception {
		for (int i = 0; i < 50; i++) {
			for (String path : List.of("/css/app.css", "/js/site.js", "/img/icon.svg",
					"/webjars/bootstrap/dist/css/bootstrap.min.css", "/media/listings/1/a-card.webp", "/favicon.ico",
					"/manifest.webmanifest", "/manifest-0123456789abcdef0123456789abcdef.webmanifest")) {
				assertThat(status(this.web, asset(path, "10.0.0.1"))).as(path).isEqualTo(200);
			}
			assertThat(status(this.api, asset("/media/listings/1/a-full.webp", "10.0.0.1"))).isEqualTo(200);
		}
		// the pages' bucket is untouched
		for (int i = 0; i < PER_ADDRESS; i++) {
			assertThat(status(this.web, get("/search", "10.0.0.1"))).as("page " + i).isEqualTo(200);
		}
		assertThat(status(this.web, get("/search", "10.0.0.1"))).isEqualTo(429);
	}

	@Test
	void aStaticPathOpenedInTheBrowserCountsAsAPage() throws Exception {
		// its error is a rendered page (an unknown /css/ file), so it shares the pages'
		// bucket
		for (int i = 0; i < PER_ADDRESS; i++) {
			assertThat(status(this.web, get("/css/no-such-" + i + ".css", "10.0.0.7"))).as("opened " + i)
				.isEqualTo(200);
		}
		MockHttpServletResponse limited = run(this.web, get("/css/no-such.css", "10.0.0.7"));
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getContentType()).as("left to the styled error page").isNull();
		assertThat(status(this.web, asset("/css/app.css", "10.0.0.7"))).as("the pages' own assets").isEqualTo(200);
	}

	@Test
	void visitorsBehindOneAddressEachHaveTheirOwnBucketUnderTheAddressCeiling() throws Exception {
		for (int i = 0; i < PER_CALLER; i++) {
			assertThat(status(this.web, visitor("/", "a"))).isEqualTo(200);
		}
		assertThat(status(this.web, visitor("/", "a"))).as("visitor a is over its limit").isEqualTo(429);
		for (int i = 0; i < PER_CALLER; i++) {
			assertThat(status(this.web, visitor("/", "b"))).as("visitor b, same address").isEqualTo(200);
		}
		// the address has now seen 10 of its 12: cookies invented by one client end there
		assertThat(status(this.web, visitor("/", "c"))).isEqualTo(200);
		assertThat(status(this.web, visitor("/", "d"))).isEqualTo(200);
		assertThat(status(this.web, visitor("/", "e"))).isEqualTo(429);
		assertThat(status(this.web, get("/", "10.0.0.9"))).as("another address").isEqualTo(200);
	}

	@Test
	void aSignedInUserIsCountedPerUserNotPerAddress() throws Exception {
		for (int i = 0; i < PER_ADDRESS; i++) {
			status(this.web, get("/", "10.0.0.3"));
		}
		assertThat(status(this.web, get("/", "10.0.0.3"))).as("the address is used up").isEqualTo(429);
		signIn(7);
		for (int i = 0; i < PER_CALLER; i++) {
			assertThat(status(this.web, get("/account/bookings", "10.0.0.3"))).isEqualTo(200);
		}
		assertThat(status(this.web, get("/account/bookings", "10.0.0.3"))).isEqualTo(429);
		signIn(8);
		assertThat(status(this.web, get("/account/bookings", "10.0.0.3"))).as("another user").isEqualTo(200);
	}

	@Test
	void aLimitedPageIsLeftToTheErrorPageAndTheApiGetsAProblem() throws Exception {
		signIn(9);
		for (int i = 0; i < PER_CALLER; i++) {
			status(this.web, get("/", "10.0.0.4"));
		}
		MockHttpServletResponse page = run(this.web, get("/account/bookings", "10.0.0.4"));
		assertThat(page.getStatus()).isEqualTo(429);
		assertThat(page.isCommitted()).as("sendError: the container renders /error").isTrue();
		assertThat(page.getContentType()).isNull();
		assertThat(Long.parseLong(page.getHeader("Retry-After"))).isPositive();

		MockHttpServletResponse problem = run(this.api, get("/api/v1/me", "10.0.0.4"));
		assertThat(problem.getStatus()).isEqualTo(429);
		assertThat(problem.getContentType()).startsWith("application/problem+json");
		assertThat(problem.getContentAsString()).contains("/problems/rate-limited");
		assertThat(Long.parseLong(problem.getHeader("Retry-After"))).isPositive();
	}

	@Test
	void signInEndpointsKeepTheirStricterPerAddressLimit() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(status(this.web, post("/login", "10.0.0.5"))).isEqualTo(200);
		}
		assertThat(status(this.web, post("/login", "10.0.0.5"))).isEqualTo(429);
		assertThat(status(this.web, get("/", "10.0.0.5"))).as("pages are still open").isEqualTo(200);
	}

	private static MockHttpServletRequest get(String path, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRemoteAddr(address);
		request.addHeader("Accept", "text/html");
		return request;
	}

	/** What a page's own request for a style sheet, script or image asks for. */
	private static MockHttpServletRequest asset(String path, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRemoteAddr(address);
		request.addHeader("Accept", "text/css,image/webp,*/*;q=0.1");
		return request;
	}

	private static MockHttpServletRequest post(String path, String address) {
		MockHttpServletRequest request = get(path, address);
		request.setMethod("POST");
		return request;
	}

	private static MockHttpServletRequest visitor(String path, String cookie) {
		MockHttpServletRequest request = get(path, "10.0.0.2");
		request.setCookies(new Cookie(SessionOrCookieCsrfTokenRepository.COOKIE, "csrf-token-of-" + cookie));
		return request;
	}

	private static void signIn(long userId) {
		CurrentUser user = new CurrentUser(userId, "User " + userId, EnumSet.of(Role.USER), null, Language.RU);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_USER"));
	}

	private static int status(RateLimitFilter filter, MockHttpServletRequest request) throws Exception {
		return run(filter, request).getStatus();
	}

	private static MockHttpServletResponse run(RateLimitFilter filter, MockHttpServletRequest request)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private static Problems problems() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("rateLimit.exceeded", Locale.ROOT, "Too many requests. Try again in {0} s.");
		return new Problems(messages, new AcceptHeaderLocaleResolver(), JsonMapper.builder().build());
	}

}
