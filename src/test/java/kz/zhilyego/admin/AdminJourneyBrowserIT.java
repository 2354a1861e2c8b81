package kz.zhilyego.admin;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform owner's main journey in a real browser: the analytics with its charts
 * drawn, a settings change saved, a pending listing approved from the queue, the
 * dictionaries and the problems page; then the agency head's heat map. Screenshots go to
 * {@code target/screenshots} (copied to {@code docs/screenshots} for the README).
 */
@IntegrationTest
class AdminJourneyBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	AdminFixtures f;

	long pending;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.f = new AdminFixtures(this.context, new Api(this.port)).people();
		long studio = this.f.listing(this.f.realtorA, "Студия у Байтерека", 20_000);
		long loft = this.f.listing(this.f.headA, "Лофт на Есиле", 10_000);
		long house = this.f.listing(this.f.realtorB, "Дом с садом", 15_000);
		long cottage = this.f.listing(this.f.independent, "Коттедж", 30_000);
		this.f.paid(studio, this.f.guest1, "2026-12-10", "2026-12-13");
		this.f.paid(loft, this.f.guest2, "2026-12-10", "2026-12-12");
		this.f.paid(house, this.f.guest1, "2026-12-15", "2026-12-17");
		this.f.paid(cottage, this.f.guest2, "2026-12-20", "2026-12-21");
		this.pending = this.f.listing(this.f.realtorB, "Апартаменты на проверке", 25_000);
		this.jdbc.sql("update listings set status = 'PENDING', approved_at = null where id = :id")
			.param("id", this.pending)
			.update();
	}

	@Test
	void theSuperuserReadsTheAnalyticsChangesASettingApprovesAListingAndTheHeadSeesTheHeatMap() {
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			signIn(browser, "root@test.kz");

			browser.open("/admin/analytics?from=2026-12-01&to=2026-12-31");
			browser.waitUpTo(WAIT)
				.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
					.executeScript("return !!(window.Chart && Chart.getChart(document.getElementById('chart-trends'))"
							+ " && Chart.getChart(document.getElementById('chart-agencies')));")));
			assertThat(driver.findElement(By.id("kpi-revenue")).getText().replaceAll("[\\s\u00a0\u202f]", ""))
				.startsWith("140000");
			assertThat(driver.findElement(By.id("agency-" + this.f.agencyA)).getText()).contains("Альфа");
			browser.screenshot("admin-analytics");

			browser.open("/admin/settings");
			WebElement hold = driver.findElement(By.id("holdMinutes"));
			hold.clear();
			hold.sendKeys("25");
			click(driver, driver.findElement(By.id("settings-save")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
			assertThat(driver.findElement(By.id("holdMinutes")).getAttribute("value")).isEqualTo("25");
			browser.screenshot("admin-settings");

			browser.open("/admin/moderation");
			assertThat(driver.findElement(By.id("pending-" + this.pending)).getText())
				.contains("Апартаменты на проверке");
			browser.screenshot("admin-moderation");
			click(driver, driver.findElement(By.cssSelector("#pending-" + this.pending + " .zg-approve")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
			assertThat(driver.findElements(By.id("pending-" + this.pending))).isEmpty();
			assertThat(this.jdbc.sql("select status from listings where id = :id")
				.param("id", this.pending)
				.query(String.class)
				.single()).isEqualTo("ACTIVE");

			browser.open("/admin/dictionaries?kind=districts");
			assertThat(driver.findElement(By.id("dictionary-table")).getText()).contains("Есиль");
			browser.screenshot("admin-dictionaries");

			browser.open("/admin/problems");
			assertThat(driver.findElement(By.id("source-bookings")).isDisplayed()).isTrue();
			browser.screenshot("admin-problems");
		}
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			signIn(browser, "head-a@test.kz");
			browser.open("/realtor/team/heat-map?preset=custom&from=2026-12-01&to=2026-12-31");
			assertThat(driver.findElement(By.id("heat-" + this.f.realtorA)).getText()).isNotBlank();
			browser.screenshot("realtor-team-heat-map");
		}
	}

	private static void signIn(Browser browser, String email) {
		WebDriver driver = browser.driver();
		browser.open("/?lang=ru");
		browser.open("/login");
		driver.findElement(By.id("username")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
		click(driver, driver.findElement(By.id("login-submit")));
		browser.waitUpTo(WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void click(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
