package kz.zhilyego.realtor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real Chromium: a realtor cancels a booking with each reason and sees exactly that
 * reason stored and shown ("Другое" without a comment is refused and keeps the choice);
 * the guest's form does the same; check-in asks first and says it worked; the calendar
 * speaks the page's language. Screenshots of the workspace on a phone and a desktop, in
 * Russian and Kazakh.
 */
@IntegrationTest
class RealtorCancellationBrowserIT {

	private static final Map<CancellationReason, String> RU = Map.of(CancellationReason.CHANGE_OF_PLANS,
			"Изменились планы", CancellationReason.FOUND_ANOTHER_PLACE, "Нашли другое жильё",
			CancellationReason.BOOKED_BY_MISTAKE, "Забронировано по ошибке", CancellationReason.LISTING_UNAVAILABLE,
			"Объект недоступен", CancellationReason.MAINTENANCE, "Техническое обслуживание",
			CancellationReason.GUEST_REQUEST, "По просьбе гостя", CancellationReason.OTHER, "Другое");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long listing;

	long guest;

	RealtorFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long realtor = identity.realtor("cb-realtor@test.kz", null);
		this.guest = identity.user("cb-guest@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing().owner(realtor).title("Квартира у Хан Шатыра").price(1_161_100).create();
		this.fixtures = new RealtorFixtures(this.jdbc, this.clock);
		// the demo realtor's scale: 240 listings, stays booked across December
		List<Long> more = this.fixtures.copies(this.listing, 239);
		for (int i = 0; i < 40; i++) {
			int in = 1 + (i * 7) % 27;
			this.fixtures.booking(more.get(i * 3), this.guest, "Гость " + (char) ('А' + i % 28) + ". Демо",
					"2026-12-%02d".formatted(in), "2026-12-%02d".formatted(in + 1 + i % 4),
					i % 5 == 0 ? "COMPLETED" : "CONFIRMED", 18_000L * (2 + i % 4), true, null, null);
		}
	}

	private UUID confirmed(String name, int day) {
		return this.fixtures.booking(this.listing, this.guest, name, "2026-12-%02d".formatted(day),
				"2026-12-%02d".formatted(day + 1), "CONFIRMED", 1_161_100, true, null, null);
	}

	private String stored(UUID booking) {
		return this.jdbc.sql("select cancel_reason from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single();
	}

	@Test
	void aRealtorCancelsWithEachReasonAndSeesItStoredAndShown() {
		List<UUID> bookings = new ArrayList<>();
		int day = 2;
		for (CancellationReason reason : CancellationReason.values()) {
			bookings.add(confirmed("Гость " + reason.ordinal(), day));
			day += 2;
		}
		UUID arriving = this.fixtures.booking(this.listing, this.guest, "Айгерим Сапарова", "2026-12-01", "2026-12-02",
				"CONFIRMED", 45_000, true, null, null);
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(15));
			signIn(browser, "cb-realtor@test.kz");

			browser.open("/realtor");
			assertThat(driver.findElement(By.id("upcoming")).getText()).contains("Айгерим Сапарова", "сегодня");
			assertThat(driver.findElement(By.id("kpi-revenue")).getText()).matches("[0-9\\u00a0 ]+₸");
			browser.size(Browser.PHONE);
			browser.screenshot("realtor-dashboard-phone");
			browser.size(Browser.DESKTOP);

			for (int i = 0; i < bookings.size(); i++) {
				CancellationReason reason = CancellationReason.values()[i];
				UUID booking = bookings.get(i);
				browser.open("/realtor/bookings/" + booking);
				new Select(driver.findElement(By.id("reason"))).selectByValue(reason.name());
				if (reason == CancellationReason.OTHER) {
					click(driver, driver.findElement(By.id("cancel-submit")));
					wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-error")));
					assertThat(new Select(driver.findElement(By.id("reason"))).getFirstSelectedOption()
						.getAttribute("value")).as("the choice survives the error").isEqualTo("OTHER");
					((JavascriptExecutor) driver).executeScript(
							"document.getElementById('cancel-form').scrollIntoView({behavior: 'instant', block: 'center'});");
					browser.screenshot("realtor-booking-cancel-error");
					driver.findElement(By.id("note")).sendKeys("Соседи затопили квартиру");
				}
				click(driver, driver.findElement(By.id("cancel-submit")));
				wait.until(ExpectedConditions.urlContains("done=cancel"));
				assertThat(driver.findElement(By.id("done")).getText()).contains("Бронирование отменено");
				WebElement shown = driver.findElement(By.id("cancel-reason"));
				assertThat(shown.getAttribute("data-reason")).isEqualTo(reason.name());
				assertThat(shown.getText()).startsWith(RU.get(reason));
				assertThat(stored(booking)).as("stored reason").isEqualTo(reason.name());
			}

			// check-in asks first, then says it worked
			browser.open("/realtor/bookings/" + arriving);
			assertThat(driver.findElement(By.id("check-in-confirm")).isDisplayed()).isFalse();
			driver.findElement(By.cssSelector("#check-in summary")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-confirm")));
			browser.screenshot("realtor-booking-check-in");
			driver.findElement(By.id("check-in-confirm")).click();
			wait.until(ExpectedConditions.urlContains("done=check-in"));
			assertThat(driver.findElement(By.id("booking-status")).getText()).isEqualTo("Заселён");

			browser.open("/realtor/bookings");
			assertThat(RealtorDeskIT.spaced(driver.findElement(By.id("bookings-table")).getText()))
				.contains("1 161 100 ₸")
				.contains("1 дек. 2026 г.")
				.doesNotContain("2026-12-01");
			browser.screenshot("realtor-bookings-desktop");
			browser.size(Browser.PHONE);
			browser.screenshot("realtor-bookings-phone");
			browser.open("/realtor/bookings?lang=kk");
			browser.screenshot("realtor-bookings-phone-kk");
			browser.size(Browser.DESKTOP);
			browser.screenshot("realtor-bookings-desktop-kk");

			// the calendar speaks the page's language, "today" included
			browser.open("/realtor/listings/" + this.listing + "/calendar?lang=kk");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar .fc-today-button")));
			assertThat(driver.findElement(By.cssSelector("#calendar .fc-today-button")).getText()).isEqualTo("Бүгін");
			assertThat(driver.findElement(By.cssSelector("#calendar .fc-toolbar-title")).getText())
				.isEqualTo("Желтоқсан 2026");
			assertThat(driver.findElement(By.cssSelector("#calendar .fc-col-header-cell")).getText()).isEqualTo("дс");
			browser.screenshot("realtor-calendar-kk");
			browser.open("/realtor/listings/" + this.listing + "/calendar?lang=ru");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar .fc-today-button")));
			assertThat(driver.findElement(By.cssSelector("#calendar .fc-today-button")).getText()).isEqualTo("Сегодня");

			browser.open("/realtor/listings");
			browser.screenshot("realtor-listings-desktop");
			browser.size(Browser.PHONE);
			browser.screenshot("realtor-listings-phone");
			browser.size(Browser.DESKTOP);
			browser.open("/realtor/analytics?preset=month");
			browser.screenshot("realtor-analytics");
			((JavascriptExecutor) driver).executeScript(
					"document.getElementById('heat-map').scrollIntoView({behavior: 'instant', block: 'start'});"
							+ " window.scrollBy(0, -70);");
			assertThat(driver.findElement(By.id("heat-range")).getText()).contains("1–30", "240");
			browser.screenshot("realtor-heat-map");
			click(driver, driver.findElement(By.id("heat-next-listings")));
			wait.until(ExpectedConditions.urlContains("heatPage=1"));
			assertThat(driver.findElement(By.id("heat-range")).getText()).contains("31–60", "240");
			browser.size(Browser.PHONE);
			browser.open("/realtor/analytics?preset=month&lang=kk");
			browser.screenshot("realtor-analytics-phone-kk");
			browser.size(Browser.DESKTOP);
		}
	}

	@Test
	void aGuestCancelsWithTheChosenReasonAndSeesIt() {
		List<String> reasons = List.of("CHANGE_OF_PLANS", "FOUND_ANOTHER_PLACE", "BOOKED_BY_MISTAKE", "OTHER");
		List<UUID> bookings = new ArrayList<>();
		for (int i = 0; i < reasons.size(); i++) {
			bookings.add(confirmed("Гость", 10 + 2 * i));
		}
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(15));
			signIn(browser, "cb-guest@test.kz");
			browser.size(Browser.PHONE);
			for (int i = 0; i < reasons.size(); i++) {
				String reason = reasons.get(i);
				UUID booking = bookings.get(i);
				browser.open("/account/bookings/" + booking + "/cancel");
				new Select(driver.findElement(By.id("c-reason"))).selectByValue(reason);
				if (reason.equals("OTHER")) {
					click(driver, driver.findElement(By.id("confirm-cancel")));
					wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#c-note.is-invalid")));
					assertThat(new Select(driver.findElement(By.id("c-reason"))).getFirstSelectedOption()
						.getAttribute("value")).isEqualTo("OTHER");
					driver.findElement(By.id("c-note")).sendKeys("Заболел ребёнок");
				}
				click(driver, driver.findElement(By.id("confirm-cancel")));
				wait.until(ExpectedConditions.urlContains("?cancelled"));
				assertThat(driver.findElement(By.id("cancelled-reason")).getAttribute("data-reason")).isEqualTo(reason);
				assertThat(stored(booking)).isEqualTo(reason);
			}
		}
	}

	private static void signIn(Browser browser, String login) {
		WebDriver driver = browser.driver();
		browser.open("/login?lang=ru");
		driver.findElement(By.id("username")).sendKeys(login);
		driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
		driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		browser.waitUpTo(Duration.ofSeconds(15))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void click(WebDriver driver, WebElement element) {
		// the sticky header may cover a button scrolled to the edge: click it as the
		// page's script would
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

}
