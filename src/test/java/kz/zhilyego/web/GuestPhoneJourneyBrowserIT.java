package kz.zhilyego.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;

import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.internal.Dispatcher;
import kz.zhilyego.storage.FileStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A guest on a phone (390×844) in real Chromium: search, the listing with its sticky book
 * bar, dates picked on the availability calendar, the price night by night, sign-in on
 * the way, the booking wizard with the cancellation policy, payment in the sandbox, the
 * cabinet, the host's contacts once paid and the short in-app notice. Also the phone
 * layout fixes (header, tab bar, filter button, heart focus, favorites cards). No outside
 * host resolves in this browser, as on an offline machine.
 */
@IntegrationTest
class GuestPhoneJourneyBrowserIT {

	static final String OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1";

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage storage;

	@Autowired
	MutableClock clock;

	@Autowired
	Dispatcher dispatcher;

	long listing;

	long second;

	String email;

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
			.weekendUplift(20)
			.rating("4.90", 27)
			.amenities("wifi")
			.create();
		site.photos(this.listing, 4);
		site.details(this.listing, "Светлая студия с видом на Байтерек. Рядом парк и кофейни.",
				"Не курить. Тишина после 23:00. Без вечеринок.");
		catalog.occupyByBlock(this.listing, LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-22"));
		this.second = catalog.listing().title("Двушка на Левом берегу").district("esil").price(26000).create();
		site.photos(this.second, 2);
		site.place(this.second, 51.1605, 71.4704);
		this.email = "phone-guest-" + System.nanoTime() + "@test.kz";
		new IdentityFixtures(this.jdbc).user(this.email);
	}

	@Test
	void aGuestOnAPhoneSearchesPicksDatesFromTheStickyBarBooksPaysAndSeesTheCabinet() {
		try (Browser browser = new Browser(this.port, OFFLINE)) {
			WebDriver driver = browser.driver();
			browser.size(Browser.PHONE);
			browser.open("/search?city=astana&lang=ru");
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
			click(driver, driver.findElement(
					By.cssSelector("#results article[data-listing-id='" + this.listing + "'] a.zg-card-link")));

			// the sticky bar: the nightly price, and the button opens the dates
			WebElement bar = browser.waitUpTo(WAIT)
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("book-bar")));
			assertThat(bar.getText()).contains("20 000 ₸", "Выберите даты");
			long viewport = (Long) js(driver, "return window.innerHeight;");
			assertThat((Long) js(driver,
					"return Math.round(document.getElementById('book-bar').getBoundingClientRect().bottom);"))
				.isBetween(viewport - 24, viewport);
			assertThat(driver.findElement(By.id("weekend-price")).getText()).contains("24 000 ₸");
			browser.screenshot("journey-listing-phone");
			driver.findElement(By.id("book-bar-button")).click();
			browser.waitUpTo(WAIT)
				.until(d -> "b-checkIn".equals(js(d, "return document.activeElement && document.activeElement.id;")));
			browser.waitUpTo(WAIT)
				.until(d -> (Boolean) js(d, "var r = document.getElementById('book').getBoundingClientRect();"
						+ " return r.top >= 0 && r.top < window.innerHeight / 2;"));

			// dates on the calendar: check-in, then check-out; a blocked night stops the
			// stay
			click(driver, day(driver, "2026-12-19"));
			browser.waitUpTo(WAIT)
				.until(ExpectedConditions.attributeContains(cell(driver, "2026-12-19"), "class", "zg-start"));
			assertThat(cell(driver, "2026-12-20").findElements(By.cssSelector("a[data-pick=check-out]")))
				.as("the first taken night can still be the check-out day")
				.hasSize(1);
			assertThat(cell(driver, "2026-12-23").findElements(By.cssSelector("a[data-pick=check-out]")))
				.as("no stay across taken nights")
				.isEmpty();
			click(driver, day(driver, "2026-12-10"));
			click(driver, day(driver, "2026-12-13"));
			browser.waitUpTo(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-total"), "68 000"));
			assertThat(cell(driver, "2026-12-10").getAttribute("class")).contains("zg-start");
			assertThat(cell(driver, "2026-12-11").getAttribute("class")).contains("zg-chosen");
			assertThat(cell(driver, "2026-12-12").getAttribute("class")).contains("zg-chosen");
			assertThat(cell(driver, "2026-12-13").getAttribute("class")).contains("zg-end");
			assertThat(driver.getCurrentUrl()).contains("checkIn=2026-12-10", "checkOut=2026-12-13");
			// the price night by night: one weekday, two weekend nights
			assertThat(driver.findElement(By.cssSelector("#price [data-breakdown]")).getText())
				.contains("20 000 ₸ × 1 ночь", "24 000 ₸ × 2 ночи", "выходные");
			browser.waitUpTo(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-bar"), "68 000 ₸"));
			assertThat(driver.findElement(By.id("book-bar")).getText()).contains("3 ночи");
			scrollTo(driver, driver.findElement(By.id("availability")));
			browser.screenshot("journey-calendar-phone");
			// before booking: the host, and the cancellation policy
			assertThat(driver.findElement(By.id("host-name")).getText()).isNotBlank();
			assertThat(driver.findElement(By.id("host-contact-why")).getAttribute("data-reason")).isEqualTo("sign-in");
			assertThat(driver.findElement(By.id("cancellation")).getText()).contains("100 %");
			scrollTo(driver, driver.findElement(By.id("host")));
			browser.screenshot("journey-host-phone");

			// book from the bar: sign in on the way, back to the wizard with the dates
			click(driver, driver.findElement(By.id("book-bar-button")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
			driver.findElement(By.id("username")).sendKeys(this.email);
			driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
			click(driver, driver.findElement(By.id("login-submit")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard")));
			assertThat(driver.findElement(By.id("w-checkIn")).getAttribute("value")).isEqualTo("2026-12-10");
			assertThat(driver.findElement(By.id("policy")).getText()).contains("100 %");
			click(driver, driver.findElement(By.id("w-rulesAccepted")));
			click(driver, driver.findElement(By.id("wizard-next")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("hold-button")));
			assertThat(driver.findElement(By.id("preview-total")).getText()).contains("68 000");
			assertThat(driver.findElement(By.cssSelector("[data-breakdown]")).getText()).contains("24 000 ₸ × 2 ночи");
			browser.screenshot("journey-preview-phone");
			click(driver, driver.findElement(By.id("hold-button")));

			// pay in the sandbox
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("pay-button")));
			click(driver, driver.findElement(By.id("pay-button")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.pay")));
			click(driver, driver.findElement(By.cssSelector("button.pay")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed-title")));
			assertThat(driver.findElement(By.id("booking-total")).getText()).contains("68 000");
			assertThat(driver.findElement(By.cssSelector("[data-breakdown]")).getText()).contains("выходные");
			String number = driver.findElement(By.id("booking-number")).getText();
			browser.screenshot("journey-confirmed-phone");

			// the cabinet
			click(driver, driver.findElement(By.cssSelector("main a[href='/account/bookings'].btn")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("active-bookings")));
			assertThat(driver.findElements(By.cssSelector("#active-bookings article"))).hasSize(1);
			browser.screenshot("journey-cabinet-phone");

			// the in-app notice: short, with the readable number and a link to the
			// booking
			await().atMost(WAIT)
				.until(() -> this.jdbc.sql(
						"select count(*) from notification_outbox where kind = 'BOOKING_CONFIRMED_GUEST' and channel = 'IN_APP'")
					.query(Long.class)
					.single() == 1);
			this.dispatcher.dispatchDue();
			browser.open("/account/notifications");
			WebElement notice = driver.findElement(By.cssSelector("#main .list-group-item"));
			assertThat(notice.getText()).contains(number, "Уютная студия у Байтерека").doesNotContain("автоматически");
			assertThat(notice.findElement(By.linkText("Открыть")).getAttribute("href")).contains("/account/bookings/");
			browser.screenshot("journey-notifications-phone");

			// paid: the host's contacts are open to this guest now
			browser.open("/listings/" + this.listing);
			assertThat(driver.findElement(By.id("host-whatsapp")).getAttribute("href"))
				.startsWith("https://wa.me/77011234567?text=");
			assertThat(driver.findElement(By.id("host-telegram")).getAttribute("href"))
				.isEqualTo("https://t.me/+77011234567");
		}
	}

	@Test
	void onAPhoneTheHeaderKeepsOffTheEdgesTabsScrollWithoutABarTheFilterButtonFollowsTheFiltersAndTheHeartShowsFocus() {
		try (Browser browser = new Browser(this.port, OFFLINE)) {
			WebDriver driver = browser.driver();
			browser.size(Browser.PHONE);
			browser.open("/search?city=astana&lang=ru");
			double brandLeft = ((Number) js(driver,
					"return document.querySelector('.navbar-brand').getBoundingClientRect().left;"))
				.doubleValue();
			double togglerRight = ((Number) js(driver,
					"return window.innerWidth - document.querySelector('.navbar-toggler').getBoundingClientRect().right;"))
				.doubleValue();
			assertThat(brandLeft).as("brand off the left edge").isGreaterThanOrEqualTo(10);
			assertThat(togglerRight).as("menu button off the right edge").isGreaterThanOrEqualTo(10);

			// the filters open: their own "Найти" below them, the one above goes away
			assertThat(driver.findElement(By.id("search-submit")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("search-submit-bottom")).isDisplayed()).isFalse();
			click(driver, driver.findElement(By.cssSelector(".zg-search summary")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-submit-bottom")));
			assertThat(driver.findElement(By.id("search-submit")).isDisplayed()).isFalse();
			double filtersBottom = ((Number) js(driver,
					"return document.querySelector('.zg-search details').getBoundingClientRect().bottom;"))
				.doubleValue();
			double buttonTop = ((Number) js(driver,
					"return document.getElementById('search-submit-bottom').getBoundingClientRect().top;"))
				.doubleValue();
			assertThat(buttonTop).isGreaterThan(filtersBottom);
			browser.screenshot("journey-search-filters-phone");
			click(driver, driver.findElement(By.id("search-submit-bottom")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));

			// the heart gets a visible focus ring from the keyboard
			signIn(browser);
			browser.open("/listings/" + this.listing);
			WebElement heart = driver.findElement(By.cssSelector("main .zg-heart-btn"));
			for (int i = 0; i < 40 && !heart.equals(driver.switchTo().activeElement()); i++) {
				new Actions(driver).sendKeys(Keys.TAB).perform();
			}
			assertThat(driver.switchTo().activeElement()).isEqualTo(heart);
			assertThat(heart.getCssValue("outline-style")).isEqualTo("solid");
			assertThat(heart.getCssValue("outline-width")).isEqualTo("3px");

			// cabinet tabs scroll sideways without a visible scrollbar
			browser.open("/account/notifications");
			WebElement tabs = driver.findElement(By.cssSelector(".zg-account-nav"));
			assertThat(tabs.getCssValue("scrollbar-width")).isEqualTo("none");
			assertThat(((Number) js(driver,
					"var t = document.querySelector('.zg-account-nav'); return t.offsetHeight - t.clientHeight;"))
				.intValue()).as("no room taken by a scrollbar").isZero();
			browser.screenshot("journey-account-tabs-phone");
		}
	}

	@Test
	void onAPhoneEachFavoritesBookButtonIsTheButtonNotTheNextCardsLink() {
		long userId = this.jdbc.sql("select id from users where email = :email")
			.param("email", this.email)
			.query(Long.class)
			.single();
		for (long id : List.of(this.listing, this.second)) {
			this.jdbc.sql("insert into favorites (user_id, listing_id, created_at) values (:u, :l, now())")
				.param("u", userId)
				.param("l", id)
				.update();
		}
		try (Browser browser = new Browser(this.port, OFFLINE)) {
			WebDriver driver = browser.driver();
			browser.size(Browser.PHONE);
			signIn(browser);
			browser.open("/account/favorites");
			List<WebElement> buttons = driver.findElements(By.cssSelector("#favorites .zg-book-favorite"));
			assertThat(buttons).hasSize(2);
			for (WebElement button : buttons) {
				scrollTo(driver, button);
				Object hit = js(driver,
						"var r = arguments[0].getBoundingClientRect();"
								+ " return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);",
						button);
				assertThat(hit).as("what a tap on the book button hits").isEqualTo(button);
			}
			browser.screenshot("journey-favorites-phone");
		}
	}

	@Test
	void inKazakhTheListingSpeaksKazakhAndTheDesktopKeepsThePriceBoxBesideTheText() {
		try (Browser browser = new Browser(this.port, OFFLINE)) {
			WebDriver driver = browser.driver();
			browser.size(Browser.PHONE);
			browser.open("/listings/" + this.listing + "?checkIn=2026-12-10&checkOut=2026-12-13&lang=kk");
			browser.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "kk"));
			assertThat(driver.findElement(By.id("book-bar")).getText()).contains("68 000 ₸", "3 түн");
			assertThat(driver.findElement(By.id("cancellation")).getText()).contains("Бас тарту шарттары");
			assertThat(driver.findElement(By.id("geo-link")).getText()).contains("с. е.", "ш. б.");
			browser.screenshot("journey-listing-kk-phone");
			browser.size(Browser.DESKTOP);
			assertThat(driver.findElement(By.id("book-bar")).isDisplayed()).isFalse();
			browser.screenshot("journey-listing-kk-desktop");
			browser.open("/listings/" + this.listing + "?checkIn=2026-12-10&checkOut=2026-12-13&lang=ru");
			browser.screenshot("journey-listing-desktop");
			browser.open("/search?city=astana&checkIn=2026-12-10&checkOut=2026-12-13&lang=ru");
			assertThat(driver
				.findElement(
						By.cssSelector("#results article[data-listing-id='" + this.listing + "'] .zg-price-compact"))
				.getText()).contains("20 000 ₸ × 1", "24 000 ₸ × 2 (выходные)");
			browser.screenshot("journey-search-desktop");
			browser.size(Browser.PHONE);
			browser.screenshot("journey-search-phone");
		}
	}

	@Test
	void theMapDegradesToTheAddressOfflineAndDrawsTilesWhenATileServerAnswers() throws Exception {
		HttpServer tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] png = tile();
		AtomicInteger served = new AtomicInteger();
		tiles.createContext("/tiles/", exchange -> {
			served.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, png.length);
			exchange.getResponseBody().write(png);
			exchange.close();
		});
		tiles.start();
		try (Browser browser = new Browser(this.port, OFFLINE)) {
			WebDriver driver = browser.driver();
			browser.size(Browser.PHONE);
			browser.open("/listings/" + this.listing + "?lang=ru");
			// Leaflet is fetched when the map is about to be seen
			scrollTo(driver, driver.findElement(By.id("location")));
			// no tile server reachable: the map gives way to a note, the address stays
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("listing-map-unavailable")));
			WebElement map = driver.findElement(By.id("listing-map"));
			assertThat(map.isDisplayed()).isFalse();
			assertThat(map.getAttribute("data-state")).isEqualTo("unavailable");
			assertThat(map.findElements(By.cssSelector(".leaflet-marker-icon"))).as("Leaflet drew the marker")
				.hasSize(1);
			assertThat(map.findElement(By.cssSelector(".leaflet-marker-icon")).getAttribute("src"))
				.as("Leaflet's marker image from its WebJar, not a 404 next to the page")
				.contains("/webjars/leaflet/dist/images/marker-icon");
			assertThat(driver.findElement(By.id("listing-address")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("listing-map-unavailable")).getText()).contains("адресу");
			scrollTo(driver, driver.findElement(By.id("location")));
			browser.screenshot("journey-map-offline-phone");

			// a tile server that answers: the same script shows the map with its marker
			js(driver,
					"""
							var el = document.createElement('div');
							el.id = 'reachable-map'; el.className = 'zg-map rounded-3 border'; el.hidden = true;
							el.setAttribute('data-tiles', arguments[0]);
							el.setAttribute('data-markers', JSON.stringify([{lat: 51.128207, lng: 71.430411, title: 'Студия'}]));
							document.getElementById('location').appendChild(el);
							window.ZhilyeGoMap.show(el);
							""",
					"http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png");
			browser.waitUpTo(WAIT)
				.until(ExpectedConditions.attributeToBe(By.id("reachable-map"), "data-state", "ready"));
			assertThat(driver.findElement(By.id("reachable-map")).isDisplayed()).isTrue();
			browser.waitUpTo(WAIT)
				.until(d -> Boolean.TRUE
					.equals(js(d, "var i = document.querySelector('#reachable-map .leaflet-marker-icon');"
							+ " return i != null && i.complete && i.naturalWidth > 0;")));
			assertThat(served.get()).isPositive();
			scrollTo(driver, driver.findElement(By.id("reachable-map")));
			browser.screenshot("journey-map-phone");
		}
		finally {
			tiles.stop(0);
		}
	}

	private static byte[] tile() throws java.io.IOException {
		BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xeef2f5));
		g.fillRect(0, 0, 256, 256);
		g.setColor(new Color(0xd5dde3));
		for (int i = 0; i < 256; i += 32) {
			g.drawLine(i, 0, i, 256);
			g.drawLine(0, i, 256, i);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private void signIn(Browser browser) {
		WebDriver driver = browser.driver();
		browser.open("/login");
		driver.findElement(By.id("username")).sendKeys(this.email);
		driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
		click(driver, driver.findElement(By.id("login-submit")));
		browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-notifications")));
	}

	private static WebElement cell(WebDriver driver, String date) {
		return driver.findElement(By.cssSelector("#calendar td[data-date='" + date + "']"));
	}

	private static WebElement day(WebDriver driver, String date) {
		return cell(driver, date).findElement(By.cssSelector("a.zg-day"));
	}

	private static Object js(WebDriver driver, String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private static void scrollTo(WebDriver driver, WebElement element) {
		js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

	private static void click(WebDriver driver, WebElement element) {
		scrollTo(driver, element);
		element.click();
	}

}
