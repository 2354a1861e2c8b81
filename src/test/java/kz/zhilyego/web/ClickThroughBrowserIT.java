package kz.zhilyego.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.storage.FileStorage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One visitor clicks through 60 pages as fast as Chromium loads them — browsing
 * anonymously, signing in, the cabinet, switching languages, a mistyped address — against
 * an app node with the production rate limits (the defaults of {@code application.yml},
 * not the test profile's). Every page arrives styled (the style sheets and scripts were
 * not refused), as HTML, never JSON and never "too many requests"; the mistyped address
 * is the styled 404 page.
 */
@IntegrationTest
class ClickThroughBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final int PAGES = 60;

	static ConfigurableApplicationContext node;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	FileStorage storage;

	List<String> listingPaths = new ArrayList<>();

	@BeforeEach
	void setUp() throws IOException {
		TestDatabase.reset(this.jdbc);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		SiteFixtures site = new SiteFixtures(this.jdbc, this.storage);
		for (String title : List.of("Студия у Байтерека", "Двушка на Левом берегу", "Дом с сауной")) {
			long id = catalog.listing().title(title).district("esil").price(20000).create();
			site.photos(id, 3);
			this.listingPaths.add("/listings/" + id);
		}
		new IdentityFixtures(this.jdbc).user("clicker@test.kz");
		if (node == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.profiles.active", "test");
			properties.put("server.port", 0);
			properties.put("spring.datasource.url", this.dataSource.getJdbcUrl());
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.hikari.maximum-pool-size", 5);
			properties.put("spring.flyway.enabled", false);
			properties.putAll(productionRateLimits());
			node = TestApps.start(properties, TestClockConfig.class);
		}
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
			node = null;
		}
	}

	@Test
	void sixtyQuickPagesAsOneVisitorAreAllStyledAndNeverJsonOrRateLimited() {
		List<String> anonymous = new ArrayList<>(List.of("/", "/search", "/search?city=astana&district=esil",
				"/search?city=astana&sort=price_asc", "/?lang=kk", "/search?lang=kk", "/login", "/register",
				"/?lang=en", "/search?city=astana&checkIn=2026-12-10&checkOut=2026-12-13&guests=2", "/?lang=ru"));
		this.listingPaths.forEach(anonymous::add);
		this.listingPaths.forEach(path -> anonymous.add(path + "?checkIn=2026-12-10&checkOut=2026-12-12"));
		List<String> signedIn = List.of("/account/bookings", "/account/favorites", "/account/notifications",
				"/account/profile", "/account/settings/notifications", "/account/password", "/search?lang=en",
				"/account/bookings?lang=kk", "/account/settings/notifications?lang=en", "/?lang=ru");
		long started = System.nanoTime();
		int pages = 0;
		try (Browser browser = new Browser(TestApps.port(node))) {
			WebDriver driver = browser.driver();
			while (pages < PAGES / 2) {
				for (String path : anonymous) {
					if (pages >= PAGES / 2) {
						break;
					}
					browser.open(path);
					assertStyledPage(driver, path, null);
					pages++;
				}
			}
			browser.open("/login");
			driver.findElement(By.id("username")).sendKeys("clicker@test.kz");
			driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
			driver.findElement(By.id("login-submit")).click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-notifications")));
			assertStyledPage(driver, "after sign-in", null);
			pages += 2;
			while (pages < PAGES - 1) {
				for (String path : signedIn) {
					if (pages >= PAGES - 1) {
						break;
					}
					browser.open(path);
					assertStyledPage(driver, path, null);
					pages++;
				}
			}
			browser.open("/account/no-such-page");
			assertStyledPage(driver, "/account/no-such-page", "404");
			assertThat(driver.findElements(By.cssSelector("main[data-error='404']"))).hasSize(1);
			browser.screenshot("error-404-desktop");
			pages++;
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(pages).isEqualTo(PAGES);
			System.out.printf("ClickThroughBrowserIT: %d pages in %d ms (%.1f pages/s)%n", pages, millis,
					pages * 1000.0 / millis);

			browser.size(Browser.PHONE);
			browser.open("/account/settings/notifications?lang=ru");
			assertStyledPage(driver, "settings", null);
			browser.screenshot("settings-phone");
		}
	}

	@Test
	void overTheSignInLimitTheVisitorSeesTheStyledTooManyRequestsPageInTheirLanguage() {
		try (Browser browser = new Browser(TestApps.port(node))) {
			WebDriver driver = browser.driver();
			browser.open("/?lang=en");
			boolean limited = false;
			for (int i = 0; i < 30 && !limited; i++) {
				// Telegram sign-in shares the per-address sign-in limit (10 a minute)
				browser.open("/login/telegram");
				limited = !driver.findElements(By.cssSelector("main[data-error='429']")).isEmpty();
			}
			assertThat(limited).isTrue();
			assertStyledPage(driver, "429", "429");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Too many requests");
			assertThat(driver.findElement(By.id("retry-after")).getText())
				.startsWith("You are opening pages too often");
			browser.screenshot("too-many-requests-desktop");
		}
	}

	/**
	 * HTML (not JSON), the site's style sheet applied (its rules loaded, the header laid
	 * out by Bootstrap), and the error page only when one is expected.
	 */
	private static void assertStyledPage(WebDriver driver, String what, @Nullable String expectedError) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		assertThat(js.executeScript("return document.contentType")).as(what).isEqualTo("text/html");
		Object styled = js.executeScript("""
				return Array.from(document.styleSheets).some(function (s) {
				  try { return s.href && /\\/css\\/app(-[0-9a-f]{32})?\\.css$/.test(s.href) && s.cssRules.length > 0; }
				  catch (e) { return false; } })
				  && Array.from(document.styleSheets).some(function (s) {
				  try { return s.href && s.href.indexOf('bootstrap') >= 0 && s.cssRules.length > 100; }
				  catch (e) { return false; } })
				  && getComputedStyle(document.querySelector('header')).position === 'sticky';
				""");
		assertThat(styled).as(what + ": styled").isEqualTo(Boolean.TRUE);
		assertThat(driver.findElement(By.tagName("body")).getText()).as(what).doesNotStartWith("{");
		List<String> errors = driver.findElements(By.cssSelector("main[data-error]"))
			.stream()
			.map(main -> main.getAttribute("data-error"))
			.toList();
		assertThat(errors).as(what + ": error page")
			.isEqualTo(expectedError == null ? List.of() : List.of(expectedError));
	}

	/**
	 * The limits a production node runs with: application.yml, without the test profile.
	 */
	private static Map<String, Object> productionRateLimits() throws IOException {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
				new ClassPathResource("application.yml"));
		Map<String, Object> limits = new LinkedHashMap<>();
		for (String key : List.of("enabled", "per-minute", "address-per-minute", "auth-per-minute")) {
			String name = "zhilyego.identity.rate-limit." + key;
			Object value = yaml.get(0).getProperty(name);
			assertThat(value).as(name).isNotNull();
			limits.put(name, value.toString());
		}
		assertThat(Integer.parseInt(limits.get("zhilyego.identity.rate-limit.per-minute").toString()))
			.as("a real limit, not the test profile's")
			.isLessThan(1000);
		return limits;
	}

}
