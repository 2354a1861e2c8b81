package kz.zhilyego.catalog;

import java.time.LocalDate;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ListingCardIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	CatalogFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.api = new Api(this.port);
		this.fixtures = new CatalogFixtures(this.jdbc);
	}

	@Test
	void showsThePublicCardWithOccupiedDatesButNeverContacts() {
		long id = this.fixtures.listing().title("Уютная студия у Байтерека").amenities("wifi", "kitchen").create();
		this.fixtures.occupyByBooking(id, LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 8));

		Api.Response response = this.api.get("/api/v1/listings/" + id, "Accept-Language", "en");

		assertThat(response.status()).isEqualTo(200);
		JsonNode card = response.json();
		assertThat(card.get("title").asString()).isEqualTo("Уютная студия у Байтерека");
		assertThat(card.get("district").get("name").asString()).isEqualTo("Esil");
		assertThat(card.get("path").asString())
			.isEqualTo("/astana/esil/kvartira-uiutnaia-studiia-u-bait" + "ereka-" + id);
		assertThat(card.get("amenities").findValuesAsString("code")).containsExactly("wifi", "kitchen");
		assertThat(card.get("occupiedDates").toString()).isEqualTo("[\"2026-12-05\",\"2026-12-06\",\"2026-12-07\"]");
		assertThat(response.body()).doesNotContain("+77011234567")
			.doesNotContain("realtorPhone")
			.doesNotContain("ownerId");
	}

	@Test
	void unknownOrInactiveListingIsA404Problem() {
		long inactive = this.fixtures.listing().inactive().create();

		for (String path : new String[] { "/api/v1/listings/999999", "/api/v1/listings/" + inactive }) {
			Api.Response response = this.api.get(path);
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo("https://zhilyego.kz/problems/not-found");
			assertThat(response.json().get("detail").asString()).isEqualTo("Объект не найден или снят с публикации.");
		}
	}

	@Test
	void quotesAStayNightByNight() {
		long id = this.fixtures.listing().price(10_000).weekendUplift(50).create();

		Api.Response response = this.api
			.get("/api/v1/listings/" + id + "/quote?checkIn=2026-12-10&checkOut=2026-12-13&guests=2");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode quote = response.json();
		assertThat(quote.get("nights").asInt()).isEqualTo(3);
		assertThat(quote.get("nightly").findValuesAsString("basis")).containsExactly("base", "weekend", "weekend");
		assertThat(quote.get("subtotal").decimalValue()).isEqualByComparingTo("40000");
		assertThat(quote.get("discounts").decimalValue()).isEqualByComparingTo("0");
		assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("40000");
		assertThat(quote.get("currency").asString()).isEqualTo("KZT");
	}

	@Test
	void refusesAQuoteForMoreGuestsThanSleepingPlaces() {
		long id = this.fixtures.listing().sleeping(2).create();

		Api.Response response = this.api
			.get("/api/v1/listings/" + id + "/quote?checkIn=2026-12-10&checkOut=2026-12-13&guests=3");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get("guests").asString())
			.isEqualTo("Объект вмещает не более 2 гостей.");
	}

}
