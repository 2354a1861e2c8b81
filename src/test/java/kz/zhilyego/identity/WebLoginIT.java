package kz.zhilyego.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The web forms: CSRF enforced, form login by e-mail or phone, remember-me, registration.
 */
@IntegrationTest
class WebLoginIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	IdentityFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.fixtures = new IdentityFixtures(this.context);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		Browser browser = new Browser();
		browser.get("/login");

		assertThat(browser.post("/register", "name=Айгерим&phone=%2B77015550101&password=secret123").statusCode())
			.isEqualTo(403);
		assertThat(browser.post("/login", "username=a%40b.kz&password=x").statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from users").query(Long.class).single()).isZero();
	}

	@Test
	void aVisitorRegistersIsSignedInAtOnceAndSignsInAgainWithTheCsrfToken() throws Exception {
		Browser browser = new Browser();
		String registerPage = browser.get("/register").body();
		assertThat(registerPage).contains("<label for=\"phone\"");

		HttpResponse<String> registered = browser.post("/register", "name=" + enc("Айгерим") + "&phone="
				+ enc("8 701 555 01 01") + "&email=aigerim%40test.kz&password=secret123&_csrf=" + csrf(registerPage));
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location").orElseThrow()).endsWith("/?welcome");
		assertThat(
				this.jdbc.sql("select phone from users where email = 'aigerim@test.kz'").query(String.class).single())
			.isEqualTo("+77015550101");
		// signed in by registering: the cabinet opens, and the browser is a known device
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
		assertThat(registered.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("zgo_device="));

		browser.post("/logout", "_csrf=" + csrf(browser.get("/account/password").body()));
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(302);
		HttpResponse<String> login = browser.post("/login", "username=" + enc("+7 701 555 0101")
				+ "&password=secret123&_csrf=" + csrf(browser.get("/login").body()));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		HttpResponse<String> account = browser.get("/account/password");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("currentPassword");
	}

	@Test
	void aWrongPasswordSendsBackToTheFormWithAnError() throws Exception {
		this.fixtures.user("user@test.kz");
		Browser browser = new Browser();

		HttpResponse<String> login = browser.post("/login",
				"username=user%40test.kz&password=wrong-one&_csrf=" + csrf(browser.get("/login").body()));

		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=credentials");
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(302);
	}

	@Test
	void anUnknownErrorReasonReadsAsBadCredentialsAndIsNeverEchoed() throws Exception {
		HttpResponse<String> page = new Browser().get("/login?error=" + "a".repeat(5000));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"login-error\"")
			.contains("Неверный логин или пароль")
			.doesNotContain("identity.login.error.a")
			.contains("name=\"_csrf\"");
	}

	@Test
	void rememberMeSignsInANewSessionFromTheCookieAlone() throws Exception {
		this.fixtures.user("user@test.kz");
		Browser browser = new Browser();
		browser.post("/login", "username=user%40test.kz&password=" + IdentityFixtures.PASSWORD
				+ "&remember-me=on&_csrf=" + csrf(browser.get("/login").body()));
		String rememberMe = browser.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("remember-me"))
			.findFirst()
			.orElseThrow()
			.getValue();

		Browser fresh = new Browser();
		HttpResponse<String> page = fresh.send(HttpRequest.newBuilder(fresh.uri("/account/password"))
			.header("Cookie", "remember-me=" + rememberMe)
			.GET());

		assertThat(page.statusCode()).isEqualTo(200);
	}

	@Test
	void aProtectedPageSendsGuestsToTheLoginForm() throws Exception {
		HttpResponse<String> response = new Browser().get("/account/2fa");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF field in the form").isTrue();
		return enc(matcher.group(1));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A cookie-keeping client that does not follow redirects. */
	final class Browser {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + WebLoginIT.this.port + path);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).GET());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
