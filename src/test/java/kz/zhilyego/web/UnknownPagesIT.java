package kz.zhilyego.web;

import java.util.List;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown URLs answer 404 for a signed-out visitor too (the styled page on the site,
 * problem+json on the API), while real protected pages and endpoints still ask to sign
 * in.
 */
@IntegrationTest
class UnknownPagesIT {

	@LocalServerPort
	int port;

	@Test
	void aSignedOutVisitorOfAnUnknownPageGetsTheStyled404PageInsteadOfTheSignInPage() {
		SiteSession site = new SiteSession(this.port);
		for (String unknown : List.of("/no-such-page", "/astana/esil/does-not-exist-999999", "/account-typo",
				"/no/such/deep/page", "/nothing.txt")) {
			SiteSession.Page page = site.get(unknown);
			assertThat(page.status()).as(unknown).isEqualTo(404);
			assertThat(page.location()).as(unknown).isEmpty();
			assertThat(page.html().select("main[data-error=404]")).as(unknown).hasSize(1);
			assertThat(page.html().title()).as(unknown).contains("Страница не найдена");
			assertThat(page.body()).as(unknown).contains("Страница не найдена");
		}
	}

	@Test
	void realProtectedPagesStillRedirectASignedOutVisitorToTheSignInPage() {
		SiteSession site = new SiteSession(this.port);
		for (String protectedPage : List.of("/account/password", "/account/bookings", "/realtor")) {
			SiteSession.Page page = site.get(protectedPage);
			assertThat(page.status()).as(protectedPage).isEqualTo(302);
			assertThat(page.location()).as(protectedPage).endsWith("/login");
		}
	}

	@Test
	void theApiAnswers404ProblemForAnUnknownPathAnd401ForAProtectedOne() {
		Api api = new Api(this.port);
		for (String path : List.of("/api/v1/no/such/endpoint", "/api/nothing", "/api/v1/xyz")) {
			Api.Response unknown = api.get(path);
			assertThat(unknown.status()).as(path).isEqualTo(404);
			assertThat(unknown.header("Content-Type")).as(path).contains("application/problem+json");
			assertThat(unknown.json().get("type").asString()).as(path).endsWith("/not-found");
		}

		Api.Response me = api.get("/api/v1/me");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.header("Content-Type")).contains("application/problem+json");
		assertThat(api.get("/api/v1/realtor/bookings").status()).isEqualTo(401);
	}

}
