package kz.zhilyego.identity;

import kz.zhilyego.Browser;
import kz.zhilyego.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LoginPageBrowserIT {

	@LocalServerPort
	int port;

	@Test
	void theSignInPageSpeaksTheChosenLanguage() {
		try (Browser browser = new Browser(this.port)) {
			browser.open("/login?lang=en");
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isNotBlank();
			assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
			browser.open("/login?lang=ru");
			assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("ru");
		}
	}

}
