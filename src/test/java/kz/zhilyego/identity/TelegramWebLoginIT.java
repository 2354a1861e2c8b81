package kz.zhilyego.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.internal.TelegramAuth;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Telegram Login Widget on the site: the widget on /login and /register, and its
 * return address {@code /login/telegram} that signs a linked user in to the web session.
 */
@IntegrationTest
class TelegramWebLoginIT {

	private static final long TELEGRAM_ID = 777001L;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	UserDirectory directory;

	@Value("${zhilyego.telegram.bot-token}")
	String botToken;

	IdentityFixtures fixtures;

	long userId;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.fixtures = new IdentityFixtures(this.context);
		this.userId = this.fixtures.user("tg-web@test.kz");
		this.directory.linkTelegramByPhone(this.fixtures.phone(this.userId), TELEGRAM_ID, TELEGRAM_ID);
	}

	@Test
	void theSignInAndRegistrationPagesShowTheTelegramLoginWidgetForTheConfiguredBot() throws Exception {
		Browser browser = new Browser();
		for (String page : new String[] { "/login", "/register" }) {
			Document html = Jsoup.parse(browser.get(page).body());
			Element script = html.selectFirst("#telegram-login script");
			assertThat(script).as(page).isNotNull();
			assertThat(script.attr("src")).isEqualTo("https://telegram.org/js/telegram-widget.js?22");
			assertThat(script.attr("data-telegram-login")).isEqualTo("zhilyego_test_bot");
			assertThat(script.attr("data-auth-url")).isEqualTo("http://127.0.0.1:" + this.port + "/login/telegram");
		}
	}

	@Test
	void validSignedWidgetDataSignsTheLinkedUserInToTheWebSession() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.get("/account/bookings").statusCode()).isEqualTo(302);

		HttpResponse<String> signedIn = browser.get("/login/telegram?" + query(widget(TELEGRAM_ID, 0)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(location(signedIn)).contains("/account/bookings");

		HttpResponse<String> bookings = browser.get("/account/bookings");
		assertThat(bookings.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log
				where actor_id = :u and action = 'login.succeeded' and details::text like '%telegram%'
				""").param("u", this.userId).query(Long.class).single()).isEqualTo(1);

		Browser fresh = new Browser();
		HttpResponse<String> direct = fresh.get("/login/telegram?" + query(widget(TELEGRAM_ID, 0)));
		assertThat(location(direct)).endsWith("/account");
		assertThat(fresh.get("/account/password").statusCode()).isEqualTo(200);
	}

	@Test
	void aTamperedHashGoesBackToTheSignInPageWithAMessage() throws Exception {
		Browser browser = new Browser();
		Map<String, String> fields = widget(TELEGRAM_ID, 0);
		fields.put("first_name", "Someone else");
		HttpResponse<String> refused = browser.get("/login/telegram?" + query(fields));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(location(refused)).endsWith("/login?error=telegram");

		Document page = Jsoup.parse(browser.get("/login?error=telegram").body());
		assertThat(page.select("#login-error").text()).contains("Telegram").contains("подпись");
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(302);
	}

	@Test
	void anExpiredAuthDateGoesBackToTheSignInPageWithAMessage() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> refused = browser
			.get("/login/telegram?" + query(widget(TELEGRAM_ID, Duration.ofHours(25).toSeconds())));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(location(refused)).endsWith("/login?error=telegram");
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(302);
	}

	@Test
	void anUnlinkedTelegramAccountIsToldToLinkItFirst() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> refused = browser.get("/login/telegram?" + query(widget(777999L, 0)));
		assertThat(location(refused)).endsWith("/login?error=telegram-not-linked");
		Document page = Jsoup.parse(browser.get("/login?error=telegram-not-linked").body());
		assertThat(page.select("#login-error").text()).contains("не привязан");
	}

	private Map<String, String> widget(long telegramId, long ageSeconds) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id", String.valueOf(telegramId));
		fields.put("first_name", "Айгерим");
		fields.put("username", "aigerim_tg");
		fields.put("auth_date", String.valueOf(this.clock.instant().getEpochSecond() - ageSeconds));
		fields.put("hash", TelegramAuth.hmacHex(TelegramAuth.sha256(this.botToken.getBytes(StandardCharsets.UTF_8)),
				TelegramAuth.dataCheckString(fields)));
		return fields;
	}

	private static String query(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	final class Browser {

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TelegramWebLoginIT.this.port + path))
					.header("Accept", "text/html")
					.header("Accept-Language", "ru")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
