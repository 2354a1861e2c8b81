package kz.zhilyego.payment;

import java.time.Duration;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search → hold → pay in the sandbox → confirmed, entirely through the public HTTP API.
 */
@IntegrationTest
class PaymentApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	Api guest;

	Api stranger;

	Api anonymous;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.guest = new Api(this.port).with("Authorization", identity.bearer(identity.user("guest@test.kz")));
		this.stranger = new Api(this.port).with("Authorization", identity.bearer(identity.user("x@test.kz")));
		this.anonymous = new Api(this.port);
		this.listing = new CatalogFixtures(this.jdbc).listing().price(25_000).create();
	}

	@Test
	void aGuestFindsBooksAndPaysThroughTheApi() {
		JsonNode found = this.anonymous.get("/api/v1/listings?city=astana&checkIn=2026-12-10&checkOut=2026-12-12")
			.json();
		assertThat(found.get("items").get(0).get("totalPrice").decimalValue()).isEqualByComparingTo("50000");

		String bookingId = this.guest
			.post("/api/v1/bookings", Map.of("listingId", this.listing, "checkIn", "2026-12-10", "checkOut",
					"2026-12-12", "guests", 2, "rulesAccepted", true))
			.json()
			.get("id")
			.asString();
		Api.Response payment = this.guest.post("/api/v1/bookings/" + bookingId + "/payments", "{}", "Idempotency-Key",
				"pay-1");
		Api.Response again = this.guest.post("/api/v1/bookings/" + bookingId + "/payments", "{}", "Idempotency-Key",
				"pay-1");
		assertThat(payment.status()).as(payment.body()).isEqualTo(201);
		assertThat(again.json().get("paymentId").asString()).isEqualTo(payment.json().get("paymentId").asString());
		assertThat(payment.json().get("status").asString()).isEqualTo("PENDING");
		String paymentId = payment.json().get("paymentId").asString();
		assertThat(payment.json().get("redirectUrl").asString()).contains("/payments/sandbox/" + paymentId);
		assertThat(this.stranger.get("/api/v1/payments/" + paymentId).status()).isEqualTo(404);
		assertThat(this.stranger.post("/api/v1/bookings/" + bookingId + "/payments", "{}", "Idempotency-Key", "x")
			.status()).isEqualTo(404);

		Api.Response paid = this.anonymous.postForm("/payments/sandbox/" + paymentId + "/complete?outcome=success", "",
				"Accept", "application/json");
		assertThat(paid.status()).as(paid.body()).isLessThan(400);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "CONFIRMED"
				.equals(this.guest.get("/api/v1/bookings/" + bookingId).json().get("status").asString()));
		JsonNode booking = this.guest.get("/api/v1/bookings/" + bookingId).json();
		assertThat(booking.get("payment").get("status").asString()).isEqualTo("PAID");
		assertThat(this.guest.get("/api/v1/payments/" + paymentId).json().get("status").asString()).isEqualTo("PAID");
		assertThat(this.anonymous.get("/api/v1/listings/" + this.listing).json().get("occupiedDates").toString())
			.isEqualTo("[\"2026-12-10\",\"2026-12-11\"]");
	}

}
