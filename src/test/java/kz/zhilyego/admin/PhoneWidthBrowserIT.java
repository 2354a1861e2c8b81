package kz.zhilyego.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.Api;
import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone (390 px) no page of the workspace or the panel scrolls sideways: wide tables
 * scroll inside their own box (with their visually hidden labels), and a long listing
 * title in the bookings filter chip wraps. From tablet to wide screen the signed-in
 * header stays one row.
 */
@IntegrationTest
class PhoneWidthBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String LONG_TITLE = "Просторная трёхкомнатная квартира с видом на Байтерек и набережную Есиля";

	private static final String WIDTH = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	AdminFixtures f;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.f = new AdminFixtures(this.context, new Api(this.port)).people();
		this.listing = this.f.listing(this.f.realtorA, LONG_TITLE, 20_000);
		this.f.paid(this.listing, this.f.guest1, "2026-12-10", "2026-12-13");
	}

	@Test
	void noWorkspaceOrPanelPageScrollsSidewaysOnAPhone() {
		List<String> wide = new ArrayList<>();
		try (Browser browser = new Browser(this.port)) {
			signIn(browser, "realtor-a@test.kz");
			browser.size(Browser.PHONE);
			String filtered = "/realtor/bookings?listingId=" + this.listing;
			overflow(browser, filtered, wide);
			assertThat(browser.driver().findElement(By.id("listing-filter")).getText()).contains("Байтерек");
			browser.screenshot("phone-width-realtor-bookings-filter");
		}
		try (Browser browser = new Browser(this.port)) {
			signIn(browser, "head-a@test.kz");
			browser.size(Browser.PHONE);
			overflow(browser, "/realtor/team", wide);
			overflow(browser, "/account/settings/notifications", wide);
		}
		try (Browser browser = new Browser(this.port)) {
			signIn(browser, "root@test.kz");
			browser.size(Browser.PHONE);
			for (String page : List.of("/admin/dictionaries", "/admin/dictionaries?kind=amenities", "/admin/users",
					"/admin/users/" + this.f.guest1, "/admin/agencies", "/admin/analytics", "/admin/messages",
					"/admin/audit")) {
				overflow(browser, page, wide);
			}
			browser.open("/admin/users");
			browser.screenshot("phone-width-admin-users");
		}
		assertThat(wide).as("pages wider than the phone (page: extra px)").isEmpty();
	}

	/**
	 * The header's row of a signed-in user (eight items) and of the platform owner (nine)
	 * never wraps its links onto two lines or pushes the page sideways: between a phone
	 * and a wide screen it collapses behind the toggler where the row does not fit
	 * (Kazakh, the widest, with a two-digit unread badge).
	 */
	@Test
	void theSignedInHeaderIsOneRowAtEveryWidth() {
		// a two-digit unread badge, the widest the row usually carries
		this.jdbc.sql("""
				insert into in_app_notifications (user_id, kind, title, body, created_at)
				select u, 'TEST', 'Хабарлама', 'Мәтін', now() from unnest(array[:users]) u, generate_series(1, 12)
				""").param("users", List.of(this.f.realtorA, this.f.superuser)).update();
		List<String> broken = new ArrayList<>();
		for (String email : List.of("realtor-a@test.kz", "root@test.kz")) {
			try (Browser browser = new Browser(this.port)) {
				signIn(browser, email);
				for (int width : new int[] { 800, 1024, 1200, 1280, 1366, 1400, 1600 }) {
					browser.size(new Dimension(width, 800));
					browser.open("/realtor?lang=kk");
					Object header = ((JavascriptExecutor) browser.driver())
						.executeScript("return document.querySelector('header').offsetHeight;");
					Object extra = ((JavascriptExecutor) browser.driver()).executeScript(WIDTH);
					if (((Number) header).intValue() > 64 || ((Number) extra).intValue() > 0) {
						broken.add(email + " at " + width + " px: header " + header + " px high, " + extra
								+ " px sideways");
					}
				}
				browser.size(new Dimension(1280, 800));
				browser.open("/realtor?lang=kk");
				browser.screenshot("header-" + email.substring(0, email.indexOf('@')) + "-kk-1280");
			}
		}
		assertThat(broken).as("header rows that wrap or overflow").isEmpty();
	}

	private static void overflow(Browser browser, String page, List<String> wide) {
		browser.open(page + (page.contains("?") ? "&" : "?") + "lang=kk");
		Object extra = ((JavascriptExecutor) browser.driver()).executeScript(WIDTH);
		if (((Number) extra).intValue() > 0) {
			wide.add(page + ": " + extra);
		}
	}

	private static void signIn(Browser browser, String email) {
		WebDriver driver = browser.driver();
		browser.open("/?lang=ru");
		browser.open("/login");
		driver.findElement(By.id("username")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
		((JavascriptExecutor) driver).executeScript("arguments[0].click();", driver.findElement(By.id("login-submit")));
		browser.waitUpTo(WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

}
