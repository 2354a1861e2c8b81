package kz.zhilyego.web;

import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTML route answers its errors as a styled page (or an inline form error), signed
 * in or not, whatever the client accepts; the API keeps its problems.
 */
@IntegrationTest
class ErrorPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Value("${zhilyego.identity.rate-limit.auth-per-minute}")
	int authPerMinute;

	long user;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures ids = new IdentityFixtures(this.jdbc);
		this.user = ids.user("guest@errors.kz");
		ids.realtor("realtor@errors.kz", null);
		ids.superuser("root@errors.kz");
	}

	@Test
	void unknownUrlsOfSignedInUsersAreTheStyled404PageEvenForAClientThatAcceptsAnything() {
		for (String login : List.of("guest@errors.kz", "realtor@errors.kz", "root@errors.kz")) {
			SiteSession site = new SiteSession(this.port).signIn(login, IdentityFixtures.PASSWORD);
			for (String unknown : List.of("/account/foo", "/realtor/foo", "/account/bookings/not-a-uuid",
					"/account/settings/nothing", "/no/such/page")) {
				assertStyled(site.get(unknown), 404, login + " " + unknown);
			}
			site.header("Accept", "*/*");
			assertStyled(site.get("/account/foo"), 404, login + " curl-like");
		}
		SiteSession root = new SiteSession(this.port).signIn("root@errors.kz", IdentityFixtures.PASSWORD);
		assertStyled(root.get("/admin/no-such-page"), 404, "superuser /admin/no-such-page");
		SiteSession guest = new SiteSession(this.port).signIn("guest@errors.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page forbidden = guest.get("/admin/no-such-page");
		assertStyled(forbidden, 403, "user /admin/no-such-page");
		assertThat(forbidden.html().select("main").text()).contains("Недостаточно прав");
	}

	@Test
	void aWrongMethodOnAPageIsAStyledPageNotJson() {
		SiteSession site = new SiteSession(this.port).signIn("guest@errors.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page page = site.post(site.get("/account/profile"), "/account/favorites", Map.of());
		assertStyled(page, 405, "POST to a page that only shows");
		assertThat(page.header("Allow")).contains("GET");
	}

	@Test
	void registeringWithATooLongNameIsAnInlineErrorAndCreatesNobody() {
		SiteSession site = new SiteSession(this.port);
		SiteSession.Page form = site.get("/register");
		SiteSession.Page answer = site.post(form, "/register", Map.of("name", "Ж".repeat(300), "phone",
				"+7 701 555 12 34", "email", "long@errors.kz", "password", "password123"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("text/html");
		Document html = answer.html();
		assertThat(html.select("input[name=name].is-invalid")).hasSize(1);
		assertThat(html.select("main").text()).contains("Имя должно быть не длиннее 200 символов.");
		assertThat(
				this.jdbc.sql("select count(*) from users where email = 'long@errors.kz'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aVisitorOverTheLimitGetsTheStyledTooManyRequestsPageInTheirLanguage() {
		SiteSession site = new SiteSession(this.port).header("X-Forwarded-For", "198.51.100." + (this.port % 200 + 1))
			.header("Accept-Language", "en");
		SiteSession.Page limited = null;
		for (int i = 0; i < this.authPerMinute + 30 && limited == null; i++) {
			SiteSession.Page page = site.get("/login/telegram");
			if (page.status() == 429) {
				limited = page;
			}
		}
		assertThat(limited).as("the sign-in limit is reached").isNotNull();
		assertStyled(limited, 429, "limited");
		assertThat(limited.html().title()).contains("Too many requests");
		assertThat(limited.html().select("#retry-after").text()).startsWith("You are opening pages too often");
		long wait = Long.parseLong(limited.header("Retry-After"));
		assertThat(wait).isPositive();
		assertThat(limited.header("Refresh")).isEqualTo(String.valueOf(wait));
		assertThat(limited.html().select("#retry-after").attr("data-seconds")).isEqualTo(String.valueOf(wait));
	}

	@Test
	void aStaticPathOpenedInTheBrowserIsAStyledPageAndAPagesOwnRequestForItAProblem() {
		SiteSession browser = new SiteSession(this.port);
		assertStyled(browser.get("/css/no-such.css"), 404, "an unknown style sheet opened in the browser");
		assertStyled(browser.get("/css//app.css"), 400, "a doubled slash the firewall refuses");
		assertStyled(browser.get("/img/no-such.webp"), 404, "an unknown image opened in the browser");

		Api.Response styleSheet = new Api(this.port).with("Accept", "text/css,*/*;q=0.1").get("/css/no-such.css");
		assertThat(styleSheet.status()).isEqualTo(404);
		assertThat(styleSheet.header("Content-Type")).contains("application/problem+json");
	}

	@Test
	void theApiKeepsItsProblemsWhateverTheClientAccepts() {
		Api api = new Api(this.port).with("Authorization", new IdentityFixtures(this.context).bearer(this.user))
			.with("Accept", "text/html");
		Api.Response unknown = api.get("/api/v1/no/such/thing");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).contains("application/problem+json");
	}

	static void assertStyled(SiteSession.Page page, int status, String what) {
		assertThat(page.status()).as(what).isEqualTo(status);
		assertThat(page.header("Content-Type")).as(what).startsWith("text/html");
		assertThat(page.body()).as(what).doesNotStartWith("{");
		Document html = page.html();
		assertThat(html.select("main[data-error=" + status + "]")).as(what).hasSize(1);
		assertThat(html.select("link[rel=stylesheet][href~=/css/app(-[0-9a-f]{32})?\\.css$]")).as(what).hasSize(1);
		assertThat(html.select("header nav")).as(what).hasSize(1);
		assertThat(html.select("h1")).as(what).hasSize(1);
	}

}
