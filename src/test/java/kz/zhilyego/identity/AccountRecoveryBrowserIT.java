package kz.zhilyego.identity;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registration and password reset end to end in Chromium, with the reset e-mail going
 * through real SMTP (GreenMail): every wrong field at once, signed in right after
 * registering, then "forgot password" → the e-mailed link → a new password → sign-in with
 * it; the link works once.
 */
@IntegrationTest
class AccountRecoveryBrowserIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/password/reset\\?token=[A-Za-z0-9_-]+");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Dispatcher dispatcher;

	@BeforeEach
	void clean() {
		this.clock.reset();
		TestDatabase.reset(this.jdbc);
	}

	@Test
	void aNewcomerSeesEveryMistakeAtOnceRegistersIsSignedInAndLaterResetsTheForgottenPasswordByEmail()
			throws Exception {
		try (Browser browser = new Browser(this.port)) {
			WebDriver driver = browser.driver();
			browser.size(Browser.PHONE);
			browser.open("/register?lang=ru");
			type(driver, "name", "Д".repeat(300));
			type(driver, "phone", "12");
			type(driver, "email", "aigerim@mail");
			type(driver, "password", "short");
			click(driver, driver.findElement(By.id("register-submit")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("e-name")));
			// all four at once, each next to its field, in words; nothing cut, nothing
			// saved
			assertThat(driver.findElement(By.id("e-name")).getText()).contains("200");
			assertThat(driver.findElement(By.id("e-phone")).getText()).isNotBlank();
			assertThat(driver.findElement(By.id("e-email")).getText()).contains("aigerim@mail.kz");
			assertThat(driver.findElement(By.id("e-password")).getText()).contains("8");
			assertThat(driver.findElement(By.id("name")).getAttribute("value")).hasSize(300);
			assertThat(driver.findElement(By.id("name-count")).getText()).isEqualTo("300 / 200");
			assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("{\"");
			assertThat(this.jdbc.sql("select count(*) from users").query(Long.class).single()).isZero();
			browser.screenshot("register-errors-phone");

			driver.findElement(By.id("name")).clear();
			type(driver, "name", "Айгерим Сапарова");
			driver.findElement(By.id("phone")).clear();
			type(driver, "phone", "+7 701 555 44 33");
			driver.findElement(By.id("email")).clear();
			type(driver, "email", "aigerim@mail.kz");
			type(driver, "password", "first-secret-1");
			click(driver, driver.findElement(By.id("register-submit")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
			assertThat(driver.findElements(By.id("nav-notifications"))).hasSize(1);

			// sign out, forget the password, ask for a link
			click(driver, driver.findElement(By.cssSelector(".navbar-toggler")));
			WebElement signOut = browser.waitUpTo(WAIT)
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[action='/logout'] button")));
			signOut.click();
			// the sign-out's own navigation first: opening /login while it is in flight
			// raced with its redirect to the home page
			browser.waitUpTo(WAIT).until(ExpectedConditions.stalenessOf(signOut));
			browser.waitUpTo(WAIT)
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header a[href='/login']")));
			browser.open("/login");
			click(driver,
					browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("forgot-link"))));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("forgot-form")));
			type(driver, "login", "aigerim@mail.kz");
			click(driver, driver.findElement(By.id("forgot-submit")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reset-sent")));
			browser.screenshot("password-forgot-phone");

			await().atMost(WAIT).until(() -> outbox("EMAIL") == 1);
			this.dispatcher.dispatchDue();
			await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
			MimeMessage mail = smtp.getReceivedMessages()[0];
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("aigerim@mail.kz");
			String body = text(mail);
			Matcher link = LINK.matcher(body);
			assertThat(link.find()).as("the e-mail has the reset link").isTrue();
			String path = link.group().replaceFirst("https?://[^/]+", "");
			// the token is nowhere in the database in clear
			String token = path.substring(path.indexOf("token=") + 6);
			assertThat(this.jdbc.sql("select count(*) from password_resets where token_hash = :t or sealed_token = :t")
				.param("t", token)
				.query(Long.class)
				.single()).isZero();
			assertThat(this.jdbc.sql("select count(*) from notification_outbox where params::text like :t")
				.param("t", "%" + token + "%")
				.query(Long.class)
				.single()).isZero();

			browser.open(path);
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reset-form")));
			type(driver, "password", "second-secret-2");
			click(driver, driver.findElement(By.id("reset-submit")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reset-done")));

			type(driver, "username", "aigerim@mail.kz");
			type(driver, "password", "second-secret-2");
			click(driver, driver.findElement(By.id("login-submit")));
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-notifications")));

			// the link worked once
			browser.open(path);
			assertThat(driver.findElement(By.id("reset-invalid")).getText()).isNotBlank();
			assertThat(driver.findElements(By.id("reset-form"))).isEmpty();
			browser.screenshot("password-link-used-phone");
		}
	}

	/** Every text part of a message, decoded. */
	static String text(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/*")) {
			return (String) part.getContent();
		}
		StringBuilder all = new StringBuilder();
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				all.append(text(multipart.getBodyPart(i))).append('\n');
			}
		}
		return all.toString();
	}

	private long outbox(String channel) {
		return this.jdbc
			.sql("select count(*) from notification_outbox where kind = 'PASSWORD_RESET' and channel = :channel")
			.param("channel", channel)
			.query(Long.class)
			.single();
	}

	private static void type(WebDriver driver, String id, String text) {
		driver.findElement(By.id(id)).sendKeys(text);
	}

	private static void click(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
