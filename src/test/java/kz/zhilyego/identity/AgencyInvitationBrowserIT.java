package kz.zhilyego.identity;

import java.time.Duration;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A newcomer follows the e-mailed invitation link in a real browser: the page names the
 * agency, registration comes with the address filled in, signing in returns to the
 * invitation, and accepting it opens the realtor workspace.
 */
@IntegrationTest
class AgencyInvitationBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void aNewcomerRegistersFromTheLinkAndAcceptsTheInvitation() {
		IdentityFixtures fixtures = new IdentityFixtures(this.context);
		long agency = fixtures.agency("Агентство Степь");
		String head = fixtures.bearer(fixtures.superAdmin("steppe-head@test.kz", agency));
		assertThat(new Api(this.port)
			.post("/api/v1/agency/realtors", Map.of("email", "dana@test.kz", "name", "Дана"), "Authorization", head)
			.status()).isEqualTo(202);
		String link = await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql("""
				select params ->> 'invitationUrl' from notification_outbox
				where kind = 'AGENCY_INVITATION' and address = 'dana@test.kz'
				""").query(String.class).optional().orElse(null), url -> url != null);
		String path = link.substring(link.indexOf("/invitations/"));

		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			var wait = browser.waitUpTo(Duration.ofSeconds(15));
			browser.open(path + "?lang=ru");
			assertThat(driver.findElement(By.id("invitation-agency")).getText()).contains("Агентство Степь");
			driver.findElement(By.id("invitation-register")).click();
			wait.until(ExpectedConditions.urlContains("/register"));
			assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("dana@test.kz");
			driver.findElement(By.id("name")).sendKeys("Дана");
			driver.findElement(By.id("phone")).sendKeys("+7 701 555 77 66");
			driver.findElement(By.id("password")).sendKeys("dana-secret-1");
			driver.findElement(By.id("register-submit")).click();
			// registering signs in and returns to the invitation
			wait.until(ExpectedConditions.urlContains("/invitations/"));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-accept")));
			browser.screenshot("agency-invitation");

			driver.findElement(By.id("invitation-accept")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitation"), "Агентство Степь"));
			driver.findElement(By.cssSelector("#invitation a.btn-primary")).click();
			wait.until(ExpectedConditions.urlContains("/realtor"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
		}
		assertThat(this.jdbc.sql("select agency_id from users where email = 'dana@test.kz'").query(Long.class).single())
			.isEqualTo(agency);
	}

}
