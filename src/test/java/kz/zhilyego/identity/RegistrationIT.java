package kz.zhilyego.identity;

import java.net.http.HttpResponse;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration and profile forms: every wrong field at once, next to the field and in
 * words (never a JSON error), limits stated up front, nothing cut to fit, and the new
 * account signed in and taken back to what it was doing.
 */
@IntegrationTest
class RegistrationIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void clean() {
		this.clock.reset();
		TestDatabase.reset(this.jdbc);
	}

	@Test
	void everyWrongFieldIsShownAtOnceAndNothingIsSaved() {
		Visitor visitor = new Visitor(this.port, "127.0.9.1");
		Document form = Jsoup.parse(visitor.get("/register").body());
		assertThat(form.selectFirst("#name-hint").text()).contains("200");
		assertThat(form.selectFirst("#password-hint").text()).contains("8", "200");
		assertThat(form.selectFirst("#name").hasAttr("maxlength")).as("nothing is cut while typing").isFalse();

		HttpResponse<String> answer = visitor.post("/register", "name=" + Visitor.encode("Д".repeat(300))
				+ "&phone=12&email=" + Visitor.encode("aigerim@mail") + "&password=short");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("text/html"));
		Document page = Jsoup.parse(answer.body());
		assertThat(page.selectFirst("#e-name").text()).isEqualTo("Имя должно быть не длиннее 200 символов.");
		assertThat(page.selectFirst("#e-phone").text()).isNotBlank();
		assertThat(page.selectFirst("#e-email").text()).contains("aigerim@mail.kz");
		assertThat(page.selectFirst("#e-password").text()).contains("8");
		assertThat(page.selectFirst("#name").attr("value")).hasSize(300);
		assertThat(this.jdbc.sql("select count(*) from users").query(Long.class).single()).isZero();

		new IdentityFixtures(this.jdbc).user("taken@test.kz");
		Document taken = Jsoup.parse(
				visitor
					.post("/register",
							"name=" + Visitor.encode("Дана") + "&phone=" + Visitor.encode("+7 701 555 66 77")
									+ "&email=taken%40test.kz&password=" + Visitor.encode("long-enough-1"))
					.body());
		assertThat(taken.select(".invalid-feedback")).hasSize(1);
		assertThat(taken.selectFirst("#e-email").text()).contains("уже зарегистрирован");
	}

	@Test
	void aNewAccountIsSignedInAndGoesBackToTheBookingItStarted() {
		long listing = new CatalogFixtures(this.jdbc).listing().create();
		Visitor visitor = new Visitor(this.port, "127.0.9.2");
		String booking = "/book/" + listing + "?checkIn=2026-12-10&checkOut=2026-12-12";
		assertThat(Visitor.location(visitor.get(booking))).endsWith("/login");
		visitor.get("/register");
		HttpResponse<String> registered = visitor.post("/register",
				"name=" + Visitor.encode("Айгерим") + "&phone=" + Visitor.encode("+7 701 555 88 99")
						+ "&email=aigerim%40mail.kz&password=" + Visitor.encode("long-enough-1"));
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(Visitor.location(registered)).endsWith(booking);
		HttpResponse<String> wizard = visitor.get(booking);
		assertThat(wizard.statusCode()).isEqualTo(200);
		assertThat(wizard.body()).contains("id=\"wizard\"", "Айгерим");
	}

	@Test
	void theProfileNeverCutsANameItRefusesItAndSaysWhy() {
		new IdentityFixtures(this.jdbc).user("profile@test.kz");
		Visitor visitor = new Visitor(this.port, "127.0.9.3");
		visitor.signIn("profile@test.kz", IdentityFixtures.PASSWORD);
		Document form = Jsoup.parse(visitor.get("/account/profile").body());
		assertThat(form.selectFirst("#p-name").hasAttr("maxlength")).isFalse();
		assertThat(form.selectFirst("#p-name-hint").text()).contains("200");
		String before = this.jdbc.sql("select name from users where email = 'profile@test.kz'")
			.query(String.class)
			.single();

		Document refused = Jsoup.parse(
				visitor
					.post("/account/profile",
							"name=" + Visitor.encode("Ж".repeat(250)) + "&email=" + Visitor.encode("profile@")
									+ "&language=ru")
					.body());
		assertThat(refused.selectFirst("#e-p-name").text()).contains("200");
		assertThat(refused.selectFirst("#e-p-email").text()).contains("aigerim@mail.kz");
		assertThat(refused.selectFirst("#p-name").attr("value")).hasSize(250);
		assertThat(this.jdbc.sql("select name from users where email = 'profile@test.kz'").query(String.class).single())
			.isEqualTo(before);

		assertThat(Visitor.location(visitor.post("/account/profile",
				"name=" + Visitor.encode("Ж".repeat(200)) + "&email=profile%40test.kz&language=ru")))
			.endsWith("/account/profile?saved");
		assertThat(this.jdbc.sql("select length(name) from users where email = 'profile@test.kz'")
			.query(Integer.class)
			.single()).isEqualTo(200);
	}

}
