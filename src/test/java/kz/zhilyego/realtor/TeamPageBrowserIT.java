package kz.zhilyego.realtor;

import java.time.Duration;

import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real Chromium: the agency head opens the team page, the Chart.js charts are drawn,
 * and deactivating a realtor with the page's button works.
 */
@IntegrationTest
class TeamPageBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long first;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long agency = identity.agency("Агентство Браузер");
		identity.superAdmin("tb-head@test.kz", agency);
		this.first = identity.realtor("tb-first@test.kz", agency);
		long second = identity.realtor("tb-second@test.kz", agency);
		long guest = identity.user("tb-guest@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		RealtorFixtures f = new RealtorFixtures(this.jdbc, this.clock);
		long a = catalog.listing().owner(this.first).title("Квартира первой").create();
		long b = catalog.listing().owner(second).title("Квартира второй").create();
		f.booking(a, guest, "Гость", "2026-12-05", "2026-12-08", "COMPLETED", 60_000, true, null, null);
		f.booking(a, guest, "Гость", "2026-12-10", "2026-12-12", "CONFIRMED", 40_000, true, null, null);
		f.booking(b, guest, "Гость", "2026-12-14", "2026-12-15", "CONFIRMED", 25_000, true, null, null);
	}

	@Test
	void theHeadSeesTheChartsAndDeactivatesARealtorFromTheTeamPage() {
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			var wait = browser.waitUpTo(Duration.ofSeconds(15));
			browser.size(Browser.DESKTOP);
			browser.open("/login?lang=ru");
			driver.findElement(By.id("username")).sendKeys("tb-head@test.kz");
			driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
			driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
			wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

			browser.open("/realtor");
			driver.findElement(By.id("nav-team")).click();
			wait.until(ExpectedConditions.urlContains("/realtor/team"));
			JavascriptExecutor js = (JavascriptExecutor) driver;
			wait.until(d -> Boolean.TRUE.equals(js.executeScript(
					"return !!(window.Chart" + " && Chart.getChart(document.getElementById('chart-top-revenue'))"
							+ " && Chart.getChart(document.getElementById('chart-months')))")));
			Object labels = js
				.executeScript("return Chart.getChart(document.getElementById('chart-top-revenue')).data.labels");
			assertThat(labels.toString()).contains("Test tb-first", "Test tb-second");
			assertThat(RealtorDeskIT.spaced(driver.findElement(By.id("team-revenue")).getText()))
				.isEqualTo("125 000 ₸");
			browser.screenshot("realtor-team");

			// deactivation asks first: the confirmation opens in place
			var confirm = driver
				.findElement(By.cssSelector("form[action$='/realtor/team/" + this.first + "/deactivate'] button"));
			assertThat(confirm.isDisplayed()).isFalse();
			js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
					driver.findElement(By.cssSelector("#realtor-" + this.first + " details summary")));
			wait.until(ExpectedConditions.visibilityOf(confirm));
			js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", confirm);
			wait.until(ExpectedConditions.urlContains("done=deactivate"));
			assertThat(driver.findElement(By.id("realtor-" + this.first)).getText()).contains("Деактивирован");
			assertThat(this.jdbc.sql("select status from users where id = :id")
				.param("id", this.first)
				.query(String.class)
				.single()).isNotEqualTo("ACTIVE");
		}
	}

	@Test
	void inKazakhTheChartsWriteMonthsAndMoneyAsThePageDoes() {
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			var wait = browser.waitUpTo(Duration.ofSeconds(15));
			browser.size(Browser.PHONE);
			browser.open("/login?lang=kk");
			driver.findElement(By.id("username")).sendKeys("tb-head@test.kz");
			driver.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
			JavascriptExecutor js = (JavascriptExecutor) driver;
			js.executeScript("arguments[0].click();",
					driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
			wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			browser.open("/realtor/team?lang=kk");
			wait.until(d -> Boolean.TRUE.equals(js.executeScript(
					"return !!(window.Chart" + " && Chart.getChart(document.getElementById('chart-top-revenue'))"
							+ " && Chart.getChart(document.getElementById('chart-months')))")));
			String months = js
				.executeScript("return Chart.getChart(document.getElementById('chart-months')).data.labels")
				.toString();
			// the browser's own Kazakh data would write "2026 M12"
			assertThat(months).contains("жел. 2026").doesNotContain("M12");
			String ticks = js
				.executeScript("return Chart.getChart(document.getElementById('chart-top-revenue'))"
						+ ".scales.x.ticks.map(function (t) { return t.label; }).join(' | ')")
				.toString();
			assertThat(ticks).contains("₸").doesNotContain(",");
			assertThat(ticks.split(" \\| ")).hasSizeLessThanOrEqualTo(4);
			browser.screenshot("realtor-team-kk-phone");
		}
	}

}
