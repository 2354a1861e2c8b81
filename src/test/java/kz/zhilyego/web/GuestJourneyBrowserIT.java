package kz.zhilyego.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.storage.FileStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest's whole journey in a real headless Chromium: register, sign in, search with
 * dates, open a listing, save it, book, fail a payment and retry, pay in the sandbox, see
 * the confirmation and the cabinet, remove the favorite, cancel with the refund shown
 * first. Saves phone and desktop screenshots of the main pages.
 */
@IntegrationTest
class GuestJourneyBrowserIT {

	private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 1_000_000);

	private static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage storage;

	@Autowired
	MutableClock clock;

	long listing;

	@BeforeEach
	void catalog() {
		this.clock.reset();
		TestDatabase.reset(this.jdbc);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		SiteFixtures site = new SiteFixtures(this.jdbc, this.storage);
		this.listing = catalog.listing()
			.title("Уютная студия у Байтерека")
			.district("esil")
			.price(20000)
			.rating("4.90", 27)
			.amenities("wifi")
			.create();
		site.photos(this.listing, 4);
		site.details(this.listing, "Светлая студия с видом на Байтерек. Рядом парк и кофейни.",
				"Не курить. Тишина после 23:00. Без вечеринок.");
		long second = catalog.listing().title("Двушка на Левом берегу").district("esil").price(26000).create();
		site.photos(second, 2);
		long third = catalog.listing()
			.title("Дом с сауной в Нуре")
			.district("nura")
			.type("house")
			.price(55000)
			.create();
		site.photos(third, 2);
	}

	@Test
	void aNewGuestRegistersSearchesBooksPaysSeesTheCabinetAndCancelsWithTheRefundShown() {
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			String phone = "+7701" + String.format("%07d", PHONES.incrementAndGet() % 10_000_000);
			String email = "guest" + PHONES.get() + "@test.zhilyego.kz";

			browser.open("/?lang=ru");
			browser.open("/register");
			driver.findElement(By.id("name")).sendKeys("Айгерим Сапарова");
			driver.findElement(By.id("phone")).sendKeys(phone);
			driver.findElement(By.id("email")).sendKeys(email);
			driver.findElement(By.id("password")).sendKeys("secret-pass-1");
			click(driver, driver.findElement(By.id("register-submit")));
			// registering signs in at once
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
			assertThat(driver.findElements(By.id("nav-notifications"))).hasSize(1);

			// search with dates from the home page form
			browser.open("/");
			setValue(driver, "f-checkIn", "2026-12-10");
			setValue(driver, "f-checkOut", "2026-12-13");
			click(driver, driver.findElement(By.id("search-submit")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
			assertThat(driver.getCurrentUrl()).contains("checkIn=2026-12-10", "checkOut=2026-12-13");
			List<WebElement> cards = driver.findElements(By.cssSelector("#results article"));
			assertThat(cards).hasSize(3);
			assertThat(driver.findElement(By.cssSelector("#results .zg-total")).getText()).contains("60");
			screenshots(browser, "search");

			// the listing page, and a favorite
			driver
				.findElement(By.cssSelector("#results article[data-listing-id='" + this.listing + "'] a.zg-card-link"))
				.click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("book-button")));
			browser.waitUpTo(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-total"), "60"));
			click(driver, driver.findElement(By.cssSelector(".zg-heart-btn")));
			browser.waitUpTo(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.attributeToBe(By.cssSelector(".zg-heart-btn"), "aria-pressed", "true"));
			assertThat(favorites()).isOne();
			screenshots(browser, "listing");

			// live price for other dates (htmx)
			setValue(driver, "b-checkOut", "2026-12-12");
			browser.waitUpTo(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-total"), "40"));
			setValue(driver, "b-checkOut", "2026-12-13");
			browser.waitUpTo(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-total"), "60"));

			// the wizard: details prefilled, rules, preview, hold
			click(driver, driver.findElement(By.id("book-button")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard")));
			assertThat(driver.findElement(By.id("w-guestName")).getAttribute("value")).isEqualTo("Айгерим Сапарова");
			click(driver, driver.findElement(By.id("wizard-next")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("e-rulesAccepted")));
			click(driver, driver.findElement(By.id("w-rulesAccepted")));
			click(driver, driver.findElement(By.id("wizard-next")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("hold-button")));
			assertThat(driver.findElement(By.id("preview-total")).getText()).contains("60");
			click(driver, driver.findElement(By.id("hold-button")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("pay-button")));
			assertThat(driver.findElement(By.id("countdown")).getText()).matches("1[45]:[0-5][0-9]");
			screenshots(browser, "hold");

			// a declined payment shows the hold again with a retry
			click(driver, driver.findElement(By.id("pay-button")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.decline")));
			click(driver, driver.findElement(By.cssSelector("button.decline")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("payment-failed")));
			click(driver, driver.findElement(By.id("pay-button")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.pay")));
			click(driver, driver.findElement(By.cssSelector("button.pay")));

			// confirmation
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed-title")));
			String bookingUrl = driver.getCurrentUrl();
			assertThat(driver.findElement(By.id("booking-number")).getText()).hasSize(8);
			assertThat(driver.findElement(By.id("booking-total")).getText()).contains("60");
			assertThat(driver.findElement(By.id("realtor-phone")).getText()).startsWith("+7");
			assertThat(driver.findElement(By.id("ics-link")).getAttribute("href")).endsWith("/calendar.ics");
			screenshots(browser, "booking-confirmed");

			// the cabinet
			click(driver, driver.findElement(By.cssSelector("main a[href='/account/bookings'].btn")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("active-bookings")));
			assertThat(driver.findElements(By.cssSelector("#active-bookings article"))).hasSize(1);
			screenshots(browser, "cabinet");

			// remove the favorite
			browser.open("/account/favorites");
			assertThat(driver.findElements(By.cssSelector("#favorites article"))).hasSize(1);
			click(driver, driver.findElement(By.cssSelector("#favorites .zg-heart-btn")));
			browser.waitUpTo(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.attributeToBe(By.cssSelector("#favorites .zg-heart-btn"), "aria-pressed",
						"false"));
			assertThat(favorites()).isZero();
			browser.open("/account/favorites");
			assertThat(driver.findElements(By.id("no-favorites"))).hasSize(1);

			// cancel: the refund first, then the cancellation
			driver.get(bookingUrl);
			click(driver, driver.findElement(By.id("cancel-link")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("refund-amount")));
			assertThat(driver.findElement(By.id("refund-amount")).getText()).contains("60", "100 %");
			screenshots(browser, "cancel");
			// the reason is chosen, never defaulted
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("c-reason")))
				.selectByValue("CHANGE_OF_PLANS");
			click(driver, driver.findElement(By.id("confirm-cancel")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("cancelled-refund")));
			assertThat(driver.findElement(By.id("cancelled-refund")).getText()).contains("60");
			assertThat(this.jdbc.sql("select status from bookings").query(String.class).single())
				.isEqualTo("CANCELLED");
		}
	}

	@Test
	void aGuestWhoIsNotSignedInIsAskedToSignInToBook() {
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			browser.open("/?lang=ru");
			browser.open("/listings/" + this.listing + "?checkIn=2026-12-10&checkOut=2026-12-13");
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-to-book")));
			assertThat(driver.findElements(By.id("book-button"))).isEmpty();
			click(driver, driver.findElement(By.id("sign-in-and-book")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/login"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Вход");
		}
	}

	@Test
	void theLanguageSwitchWorksEverywhereAndIsRemembered() {
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			browser.open("/search?city=astana&lang=ru");
			String russian = driver.findElement(By.tagName("h1")).getText();
			click(driver, driver.findElement(By.id("lang-en")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
			assertThat(driver.getCurrentUrl()).contains("city=astana", "lang=en").doesNotContain("lang=ru");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Find a place").isNotEqualTo(russian);
			browser.open("/listings/" + this.listing);
			assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			assertThat(driver.findElement(By.id("availability")).getText()).contains("Availability");
			click(driver, driver.findElement(By.id("lang-kk")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "kk"));
			assertThat(driver.findElement(By.id("availability")).getText()).contains("Бос күндер");
			browser.size(Browser.PHONE);
			browser.screenshot("listing-kk-phone");
		}
	}

	private long favorites() {
		return this.jdbc.sql("select count(*) from favorites").query(Long.class).single();
	}

	private static void click(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	private static void setValue(WebDriver driver, String id, String value) {
		((JavascriptExecutor) driver)
			.executeScript("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
					+ " e.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
	}

	private static void screenshots(Browser browser, String name) {
		browser.size(Browser.PHONE);
		browser.screenshot(name + "-phone");
		browser.size(Browser.DESKTOP);
		browser.screenshot(name + "-desktop");
	}

}
