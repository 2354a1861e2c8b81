package kz.zhilyego.realtor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import kz.zhilyego.Api;
import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real Chromium: a realtor signs in, creates a listing, uploads two photos, blocks
 * dates on the calendar page, and the public search stops offering those dates.
 */
@IntegrationTest
class RealtorWorkspaceBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		new IdentityFixtures(this.jdbc).realtor("browser-realtor@test.kz", null);
	}

	@Test
	void aRealtorCreatesAListingWithPhotosBlocksDatesAndSearchNoLongerOffersThem() throws IOException {
		Path photo1 = Files.createTempFile("realtor-photo-", ".jpg");
		Path photo2 = Files.createTempFile("realtor-photo-", ".png");
		Files.write(photo1, TestImages.jpegWithExif(1600, 1000));
		Files.write(photo2, TestImages.png(900, 600));
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			var wait = browser.waitUpTo(Duration.ofSeconds(15));
			browser.open("/login?lang=ru");
			driver.findElement(By.id("username")).sendKeys("browser-realtor@test.kz");
			driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
			driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
			wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

			browser.open("/realtor/listings/new");
			driver.findElement(By.id("title")).sendKeys("Браузерная квартира у EXPO");
			new Select(driver.findElement(By.id("district"))).selectByValue("esil");
			driver.findElement(By.id("street")).sendKeys("пр. Мангилик Ел");
			driver.findElement(By.id("house")).sendKeys("55");
			driver.findElement(By.id("areaM2")).sendKeys("48");
			driver.findElement(By.id("pricePerNight")).sendKeys("21000");
			driver.findElement(By.id("intercomCode")).sendKeys("4321");
			click(driver, driver.findElement(By.id("save-listing")));
			wait.until(ExpectedConditions.urlContains("/edit?created"));
			long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/listings/(\\d+)/edit.*", "$1"));

			driver.findElement(By.id("files")).sendKeys(photo1.toAbsolutePath() + "\n" + photo2.toAbsolutePath());
			click(driver, driver.findElement(By.id("upload-photos")));
			wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#photos [data-photo-id]"), 2));
			assertThat(driver.findElements(By.cssSelector("#photos img")).get(0).getAttribute("src"))
				.contains("/media/listings/" + id + "/");
			((JavascriptExecutor) driver).executeScript(
					"document.getElementById('photos').scrollIntoView({behavior: 'instant', block: 'start'});");
			browser.screenshot("realtor-listing-photos");

			click(driver, driver.findElement(By.id("to-calendar")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("block-form")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar .fc-daygrid")));
			setValue(driver, "block-from", "2026-12-10");
			setValue(driver, "block-to", "2026-12-13");
			new Select(driver.findElement(By.id("block-reason"))).selectByValue("REPAIR");
			driver.findElement(By.id("block-note")).sendKeys("Покраска стен");
			click(driver, driver.findElement(By.id("block-submit")));
			wait.until(ExpectedConditions.urlContains("/calendar?blocked"));
			assertThat(RealtorDeskIT.spaced(driver.findElement(By.cssSelector("[data-block-id]")).getText()))
				.contains("10 дек. 2026 г.");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar"), "Ремонт"));
			browser.screenshot("realtor-calendar");

			Api api = new Api(this.port);
			JsonNode blocked = api.get("/api/v1/listings?city=astana&checkIn=2026-12-11&checkOut=2026-12-12").json();
			assertThat(blocked.toString()).doesNotContain("\"id\":" + id + ",");
			JsonNode free = api.get("/api/v1/listings?city=astana&checkIn=2026-12-14&checkOut=2026-12-16").json();
			assertThat(free.get("total").asLong()).isEqualTo(1);
			assertThat(free.get("items").get(0).get("id").asLong()).isEqualTo(id);
			assertThat(free.get("items").get(0).get("previewPhotoUrl").asString()).startsWith("/media/listings/");
		}
		finally {
			Files.deleteIfExists(photo1);
			Files.deleteIfExists(photo2);
		}
	}

	private static void click(WebDriver driver, WebElement element) {
		// the sticky header may cover a button scrolled to the edge: click it as the
		// page's script would
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

	private static void setValue(WebDriver driver, String id, String value) {
		((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
				value);
	}

}
