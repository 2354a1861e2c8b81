package kz.zhilyego.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotent retries of a hold (hardening finding 12): parallel identical requests with
 * one Idempotency-Key used to race each other to "your dates are taken". Every request
 * with the same key and body now gets the same booking.
 */
@IntegrationTest
class IdempotentHoldsIT {

	private static final int THREADS = 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	IdentityFixtures identity;

	Api guest;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.identity = new IdentityFixtures(this.context);
		this.guest = new Api(this.port).with("Authorization", this.identity.bearer(this.identity.user("idem@test.kz")));
		this.listing = new CatalogFixtures(this.jdbc).listing().create();
	}

	@Test
	void twentyThreadsOneKeyOneBodyGetTwentyAnswersWithTheSameBookingAndOneRow() throws Exception {
		Map<String, Object> body = body("2026-12-10", "2026-12-13");
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			for (int i = 0; i < THREADS; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return this.guest.post("/api/v1/bookings", body, "Idempotency-Key", "retry-1");
				}));
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		List<Api.Response> responses = new ArrayList<>();
		for (Future<Api.Response> future : futures) {
			responses.add(future.get());
		}

		assertThat(responses).extracting(Api.Response::status).as(responses.toString()).containsOnly(201);
		assertThat(responses).extracting(r -> r.json().get("id").asString()).hasSize(THREADS).containsOnly(onlyId());
		assertThat(count("bookings")).isEqualTo(1);
		assertThat(count("occupancies")).isEqualTo(1);
		assertThat(count("booking_transitions")).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsA422AndChangesNothing() {
		Api.Response first = this.guest.post("/api/v1/bookings", body("2026-12-10", "2026-12-13"), "Idempotency-Key",
				"retry-2");
		Api.Response other = this.guest.post("/api/v1/bookings", body("2026-12-20", "2026-12-22"), "Idempotency-Key",
				"retry-2", "Accept-Language", "en");

		assertThat(first.status()).isEqualTo(201);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
		assertThat(other.json().get("detail").asString()).contains("already used for a different request");
		assertThat(count("bookings")).isEqualTo(1);
	}

	@Test
	void aRefusedAttemptDoesNotUseUpItsKey() {
		Map<String, Object> refused = body("2026-12-10", "2026-12-13");
		refused.put("rulesAccepted", false);
		Api.Response no = this.guest.post("/api/v1/bookings", refused, "Idempotency-Key", "retry-3");
		Api.Response corrected = this.guest.post("/api/v1/bookings", body("2026-12-10", "2026-12-13"),
				"Idempotency-Key", "retry-3");

		assertThat(no.status()).isEqualTo(400);
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(count("bookings")).isEqualTo(1);
	}

	@Test
	void aKeyOutsideItsAlphabetOrLengthIsAFieldErrorAndHoldsNothing() {
		for (String key : new String[] { "k".repeat(101), "key/with/slashes", "a b" }) {
			Api.Response refused = this.guest.post("/api/v1/bookings", body("2026-12-10", "2026-12-13"),
					"Idempotency-Key", key, "Accept-Language", "en");
			assertThat(refused.status()).as(key).isEqualTo(400);
			assertThat(refused.headers().get("content-type").getFirst()).startsWith("application/problem+json");
			assertThat(refused.json().path("errors").path("idempotencyKey").asString()).as(key).isNotBlank();
		}
		// the body is still validated as a whole when the key is fine
		Map<String, Object> noDates = body("2026-12-10", "2026-12-13");
		noDates.remove("checkIn");
		Api.Response missing = this.guest.post("/api/v1/bookings", noDates, "Idempotency-Key", "retry-5");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").path("checkIn").asString()).isNotBlank();
		assertThat(count("bookings")).isZero();
	}

	@Test
	void keysBelongToTheirCaller() {
		Api other = new Api(this.port).with("Authorization",
				this.identity.bearer(this.identity.user("idem-other@test.kz")));
		Api.Response mine = this.guest.post("/api/v1/bookings", body("2026-12-10", "2026-12-13"), "Idempotency-Key",
				"same-key");
		Api.Response theirs = other.post("/api/v1/bookings", body("2026-12-20", "2026-12-22"), "Idempotency-Key",
				"same-key");

		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).isEqualTo(201);
		assertThat(theirs.json().get("id").asString()).isNotEqualTo(mine.json().get("id").asString());
	}

	private Map<String, Object> body(String checkIn, String checkOut) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("listingId", this.listing);
		body.put("checkIn", checkIn);
		body.put("checkOut", checkOut);
		body.put("guests", 2);
		body.put("rulesAccepted", true);
		return body;
	}

	private String onlyId() {
		return this.jdbc.sql("select id::text from bookings").query(String.class).single();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
