package kz.zhilyego.telegram;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.zhilyego.Browser;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer does after {@code ./mvnw spring-boot:run}: the app in the dev profile
 * (demo data, no bot token) and the chat simulator at {@code /dev/telegram} in a real
 * Chromium — share the demo guest's phone, search with dates, open a listing, book, pay
 * in the sandbox, get the confirmation in chat; then the demo realtor's arrivals. Saves
 * the screenshots of docs/telegram.md.
 */
class SimulatorBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Dimension PHONE = new Dimension(430, 900);

	static ConfigurableApplicationContext app;

	static int port;

	@BeforeAll
	static void startDevApp() throws Exception {
		port = TestSocketUtils.findAvailableTcpPort();
		Path media = Files.createTempDirectory("zhilyego-sim-media-");
		app = TestApps.start(Map.ofEntries(Map.entry("spring.profiles.active", "dev"), Map.entry("server.port", port),
				Map.entry("zhilyego.embedded-db.data-dir", ""), Map.entry("zhilyego.storage.local-dir", media),
				Map.entry("zhilyego.demo.listings", 12),
				Map.entry("zhilyego.crypto.key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
				Map.entry("zhilyego.notification.public-base-url", "http://127.0.0.1:" + port),
				Map.entry("zhilyego.notification.dispatch-interval", "1h"),
				Map.entry("zhilyego.telegram.bot-token", ""), Map.entry("zhilyego.telegram.bot-username", ""),
				Map.entry("logging.level.root", "WARN")), TestClockConfig.class);
		app.getBean(MutableClock.class).reset();
	}

	@AfterAll
	static void stopDevApp() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void aNewcomerBooksAFlatInTheChatSimulatorAndTheRealtorSeesTheArrival() {
		try (Browser browser = new Browser(port)) {
			WebDriver driver = browser.driver();
			browser.size(PHONE);
			browser.open("/dev/telegram?as=1&lang=ru");
			command(browser, "/start");
			assertThat(transcript(driver)).contains("Здравствуйте! Это ЖильеGO");
			browser.screenshot("telegram-start");

			click(browser, By.id("sim-contact"));
			assertThat(transcript(driver)).contains("Телеграм привязан", "Айгерим Демо");
			tap(browser, "s:open");
			tap(browser, "s:f:dt");
			browser.screenshot("telegram-calendar");
			tap(browser, "s:day:2026-12-10");
			tap(browser, "s:day:2026-12-13");
			assertThat(transcript(driver)).contains("10.12 – 13.12.2026 (3 сут.)");
			browser.screenshot("telegram-search");
			tap(browser, "s:go");
			assertThat(transcript(driver)).contains("Найдено:");
			browser.screenshot("telegram-results");

			String open = firstAction(driver, "l:");
			tap(browser, open);
			assertThat(driver.findElements(By.cssSelector(".photos img"))).isNotEmpty();
			browser.screenshot("telegram-listing");
			String listing = open.substring(2);
			tap(browser, "b:" + listing);
			assertThat(transcript(driver)).contains("Итого:", "Отмена: полный возврат");
			browser.screenshot("telegram-quote");
			tap(browser, "b:ok");
			tap(browser, "b:hold");
			assertThat(transcript(driver)).contains("Бронь №", "Даты держим до");
			browser.screenshot("telegram-hold");

			List<WebElement> links = driver.findElements(By.cssSelector("a.url-button"));
			String pay = links.get(links.size() - 1).getAttribute("href");
			browser.open(URI.create(pay).getPath());
			click(browser, By.cssSelector("form[action*='outcome=success'] button"));
			// the sandbox returns to the payment's return page (which asks a signed-out
			// browser to sign in)
			browser.waitUpTo(WAIT)
				.until(ExpectedConditions.or(ExpectedConditions.urlContains("/return"),
						ExpectedConditions.urlContains("/login")));

			Dispatcher dispatcher = app.getBean(Dispatcher.class);
			browser.waitUpTo(WAIT).until(d -> {
				dispatcher.dispatchDue();
				browser.open("/dev/telegram?as=1&lang=ru");
				return transcript(d).contains("Бронирование подтверждено");
			});
			assertThat(transcript(driver)).contains("Оплачено: бронирование №");
			tap(browser, firstAction(driver, "mb:ins:"));
			assertThat(transcript(driver)).contains("Как заселиться");
			browser.screenshot("telegram-confirmed");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("""
					select count(*) from bookings b join users u on u.id = b.guest_id
					where u.email = 'user@demo.zhilyego.kz' and b.status = 'CONFIRMED' and b.check_in = '2026-12-10'
					  and b.listing_id = :listing
					""").param("listing", Long.parseLong(listing)).query(Long.class).single()).isEqualTo(1);

			// the demo realtor: today's and upcoming arrivals with check-in buttons
			browser.open("/dev/telegram?as=2&lang=ru");
			command(browser, "/start");
			WebElement phone = driver.findElement(By.id("sim-phone"));
			phone.clear();
			phone.sendKeys("+77010000002");
			click(browser, By.id("sim-contact"));
			command(browser, "/bookings");
			assertThat(transcript(driver)).contains("Заезды и выезды", "Айгерим Демо");
			browser.screenshot("telegram-realtor-bookings");
			command(browser, "/stats");
			assertThat(transcript(driver)).contains("Выручка");
			browser.screenshot("telegram-realtor-stats");
		}
	}

	private static String transcript(WebDriver driver) {
		return driver.findElement(By.id("transcript")).getText();
	}

	private static String firstAction(WebDriver driver, String prefix) {
		List<WebElement> buttons = driver.findElements(By.cssSelector("button[data-action^='" + prefix + "']"));
		assertThat(buttons).as("a button " + prefix).isNotEmpty();
		return buttons.get(buttons.size() - 1).getAttribute("data-action");
	}

	private static void command(Browser browser, String command) {
		click(browser, By.cssSelector("button[data-command='" + command + "']"));
	}

	private static void tap(Browser browser, String action) {
		List<WebElement> buttons = browser.driver()
			.findElements(By.cssSelector("button[data-action='" + action + "']"));
		assertThat(buttons).as("button " + action).isNotEmpty();
		click(browser, buttons.get(buttons.size() - 1));
	}

	private static void click(Browser browser, By by) {
		click(browser, browser.driver().findElement(by));
	}

	private static void click(Browser browser, WebElement element) {
		WebElement html = browser.driver().findElement(By.tagName("html"));
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", element);
		browser.waitUpTo(WAIT).until(ExpectedConditions.stalenessOf(html));
	}

}
