package kz.zhilyego.identity;

import java.net.http.HttpResponse;
import java.util.List;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous visitor's GET keeps no state on the server: no {@code spring_session} row
 * for unknown URLs, the sign-in and registration forms or protected pages. The forms
 * still carry a CSRF token (in a cookie until there is a session) and still work; signing
 * in starts a session with a short idle timeout (remember-me covers long sign-ins).
 */
@IntegrationTest
class AnonymousSessionsIT {

	private static final List<String> PAGES = List.of("/", "/login", "/register", "/no-such-page", "/account",
			"/account/bookings", "/realtor/team", "/admin", "/search?city=astana", "/login?error=credentials");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void fiftyAnonymousGetsCreateNoSessionRows() {
		long before = sessions();
		for (int i = 0; i < 50; i++) {
			String page = PAGES.get(i % PAGES.size());
			HttpResponse<String> response = new Visitor(this.port, "127.0.0.10")
				.get(page.equals("/no-such-page") ? page + "-" + i : page);
			assertThat(response.statusCode()).as(page).isIn(200, 302, 404);
		}

		assertThat(sessions() - before).isZero();
	}

	@Test
	void theFormsKeepTheirCsrfTokenAndWorkWithoutASessionFirst() {
		new IdentityFixtures(this.context).user("session@test.kz");
		Visitor browser = new Visitor(this.port, "127.0.0.10");
		HttpResponse<String> form = browser.get("/login");
		assertThat(form.body()).contains("name=\"_csrf\"");
		assertThat(browser.postRaw("/login", "username=session%40test.kz&password=" + IdentityFixtures.PASSWORD)
			.statusCode()).as("no token").isEqualTo(403);
		assertThat(browser
			.postRaw("/login",
					"username=session%40test.kz&password=" + IdentityFixtures.PASSWORD + "&_csrf=forged-token")
			.statusCode()).as("a forged token").isEqualTo(403);
		assertThat(sessions()).isZero();

		// a protected page asked for before signing in is where the sign-in leads
		assertThat(Visitor.location(browser.get("/account/bookings"))).endsWith("/login");
		HttpResponse<String> signedIn = browser.signIn("session@test.kz", IdentityFixtures.PASSWORD);
		assertThat(Visitor.location(signedIn)).contains("/account/bookings").doesNotContain("error");
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
		assertThat(sessions()).isEqualTo(1);
		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session").query(Integer.class).single())
			.as("idle timeout in seconds")
			.isEqualTo(30 * 60);
		// a signed-in form post works with the session's token
		HttpResponse<String> changed = browser.post("/account/password",
				"currentPassword=" + IdentityFixtures.PASSWORD + "&newPassword=another-secret-1");
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains("alert-success");
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

}
