package kz.zhilyego.payment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway.Outcome;
import kz.zhilyego.payment.internal.PurgeRejectedCallbacks;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider callbacks over real HTTP: verified, stored once, applied idempotently. */
@IntegrationTest
class PaymentWebhookIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	private long guest;

	private static final Money TOTAL = Money.kzt(60_000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	StartPayment startPayment;

	@Autowired
	PaymentProperties properties;

	@Autowired
	MutableClock clock;

	@Autowired
	PurgeRejectedCallbacks purgeRejectedCallbacks;

	Api api;

	PaymentFixtures fixtures;

	BookingDetails hold;

	Payment payment;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new PaymentFixtures(this.jdbc, this.api, this.properties, this.clock);
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		this.hold = new BookingFixtures(this.placeHold).hold(listing, DEC_10, DEC_13, this.guest);
		this.payment = this.startPayment.start(this.hold.id(), this.guest, "key-1").payment();
	}

	@Test
	void tenIdenticalSuccessCallbacksConfirmOnceAndBookOneLedgerSet() throws Exception {
		String body = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL);
		String signature = this.fixtures.sign(body);

		List<Api.Response> answers = new ArrayList<>();
		answers.add(this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER, signature));
		ExecutorService pool = Executors.newFixedThreadPool(9);
		try {
			List<Callable<Api.Response>> replays = new ArrayList<>();
			for (int i = 0; i < 9; i++) {
				replays.add(() -> this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER, signature));
			}
			for (Future<Api.Response> answer : pool.invokeAll(replays)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(answers).extracting(Api.Response::status).containsOnly(200);
		assertThat(answers.get(0).json().path("duplicate").asBoolean()).isFalse();
		assertThat(answers.get(0).json().path("effect").asString()).isEqualTo("CONFIRMED");
		assertThat(answers.subList(1, 10)).allSatisfy(a -> assertThat(a.json().path("duplicate").asBoolean()).isTrue());
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
		assertThat(this.fixtures.confirmations(this.hold.id())).isEqualTo(1);
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isEqualTo(4);
		assertThat(this.fixtures.count("select count(*) from payment_events where payment_id = :id",
				this.payment.paymentId()))
			.isEqualTo(1);
		assertThat(this.fixtures.count(
				"select count(*) from payment_events where payment_id = :id and processed_at is not null",
				this.payment.paymentId()))
			.isEqualTo(1);
		this.fixtures.assertLedgerBalances(this.hold.id());
	}

	@Test
	void successCallbacksWithDifferentEventIdsStillConfirmOnce() {
		for (int i = 0; i < 3; i++) {
			String body = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL)
				.replace("evt_test_", "evt_other" + i + "_");
			assertThat(this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER, this.fixtures.sign(body))
				.status()).isEqualTo(200);
		}

		assertThat(this.fixtures.confirmations(this.hold.id())).isEqualTo(1);
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isEqualTo(4);
		assertThat(this.fixtures.count("select count(*) from refunds where booking_id = :id", this.hold.id())).isZero();
	}

	@Test
	void aFailureArrivingAfterTheSuccessChangesNothing() {
		assertThat(this.fixtures.callback(this.payment.paymentId(), Outcome.PAID, TOTAL).status()).isEqualTo(200);

		Api.Response late = this.fixtures.callback(this.payment.paymentId(), Outcome.FAILED, TOTAL);
		Api.Response cancelled = this.fixtures.callback(this.payment.paymentId(), Outcome.CANCELLED, TOTAL);

		assertThat(late.status()).isEqualTo(200);
		assertThat(late.json().path("effect").asString()).isEqualTo("UNCHANGED");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(this.fixtures.paymentStatus(this.payment.paymentId())).isEqualTo(PaymentStatus.PAID);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isEqualTo(4);
	}

	@Test
	void aSuccessArrivingAfterAFailureStillConfirmsBecauseTheMoneyArrived() {
		this.fixtures.callback(this.payment.paymentId(), Outcome.FAILED, TOTAL);
		assertThat(this.fixtures.paymentStatus(this.payment.paymentId())).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("HOLD");

		this.fixtures.callback(this.payment.paymentId(), Outcome.PAID, TOTAL);

		assertThat(this.fixtures.paymentStatus(this.payment.paymentId())).isEqualTo(PaymentStatus.PAID);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
	}

	@Test
	void twentyParallelSuccessCallbacksWithDifferentEventIdsAnswerWithoutAnErrorAndConfirmOnce() throws Exception {
		int callbacks = 20;
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < callbacks; i++) {
			bodies.add(this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL)
				.replace("evt_test_", "evt_parallel" + i + "_"));
		}
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> futures = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(callbacks);
		try {
			for (String body : bodies) {
				String signature = this.fixtures.sign(body);
				futures.add(pool.submit(() -> {
					start.await();
					return this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER, signature);
				}));
			}
			start.countDown();
			List<Api.Response> answers = new ArrayList<>();
			for (Future<Api.Response> future : futures) {
				answers.add(future.get(60, TimeUnit.SECONDS));
			}

			assertThat(answers).extracting(Api.Response::status).containsOnly(200);
			assertThat(answers).extracting(a -> a.json().path("effect").asString())
				.containsOnlyOnce("CONFIRMED")
				.containsOnly("CONFIRMED", "UNCHANGED");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
		assertThat(this.fixtures.confirmations(this.hold.id())).isEqualTo(1);
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isEqualTo(4);
		assertThat(this.fixtures.count("select count(*) from payment_events where payment_id = :id",
				this.payment.paymentId()))
			.isEqualTo(callbacks);
		assertThat(this.fixtures.count("select count(*) from refunds where booking_id = :id", this.hold.id())).isZero();
	}

	@Test
	void aSuccessCallbackWithAWrongAmountNeverMarksItPaidAndIsFlaggedForAPerson() {
		Api.Response answer = this.fixtures.callback(this.payment.paymentId(), Outcome.PAID, Money.kzt(59_000));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("effect").asString()).isEqualTo("FLAGGED");
		assertFlagged("amount_mismatch");
	}

	@Test
	void aSuccessCallbackInAnotherCurrencyNeverMarksItPaidAndIsFlaggedForAPerson() {
		Api.Response answer = this.fixtures.callback(this.payment.paymentId(), Outcome.PAID,
				new Money(TOTAL.amount(), "USD"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("effect").asString()).isEqualTo("FLAGGED");
		assertFlagged("currency_mismatch");
	}

	@Test
	void aSuccessCallbackWithoutAnAmountNeverMarksItPaidAndIsFlaggedForAPerson() {
		String body = """
				{"id": "evt_no_amount", "type": "payment.succeeded", "createdAt": "%s",
				 "data": {"paymentId": "%s", "currency": "KZT"}}
				""".formatted(this.clock.instant(), this.fixtures.providerPaymentId(this.payment.paymentId()));

		Api.Response answer = this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER,
				this.fixtures.sign(body));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("effect").asString()).isEqualTo("FLAGGED");
		assertFlagged("amount_missing");
	}

	private void assertFlagged(String reason) {
		assertThat(this.fixtures.paymentStatus(this.payment.paymentId())).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("HOLD");
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isZero();
		assertThat(this.fixtures.count("select count(*) from refunds where payment_id = :id", this.payment.paymentId()))
			.isZero();
		assertThat(this.jdbc.sql("select review_reason from payments where id = :id")
			.param("id", this.payment.paymentId())
			.query(String.class)
			.single()).isEqualTo(reason);
		assertThat(this.jdbc.sql("select count(*) from payments where id = :id and review_flagged_at is not null")
			.param("id", this.payment.paymentId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.fixtures.count(
				"select count(*) from payment_events where payment_id = :id and signature_valid and processed_at is not null",
				this.payment.paymentId()))
			.isEqualTo(1);
		// a later callback that agrees with the payment still settles it
		String agreeing = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL)
			.replace("evt_test_", "evt_agreeing_");
		assertThat(
				this.api.post(PaymentFixtures.WEBHOOK, agreeing, WebhookSignatures.HEADER, this.fixtures.sign(agreeing))
					.json()
					.path("effect")
					.asString())
			.isEqualTo("CONFIRMED");
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
	}

	@Test
	void aRejectedCallbackIsStoredOnlyUpToTheBoundAndForgottenAfterTheRetention() {
		String huge = "{\"id\":\"evt_huge\",\"pad\":\"" + "Ж".repeat(30_000) + "\"}";
		assertThat(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(60_000);

		Api.Response answer = this.api.post(PaymentFixtures.WEBHOOK, huge, WebhookSignatures.HEADER, "t=1,v1=00");

		assertThat(answer.status()).isEqualTo(401);
		String stored = this.jdbc.sql("select raw_body from payment_events where not signature_valid")
			.query(String.class)
			.single();
		int bound = (int) this.properties.rejectedCallbacks().maxStoredBody().toBytes();
		assertThat(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(bound)
			.isGreaterThan(bound - 3);
		assertThat(huge).startsWith(stored);
		assertThat(this.jdbc.sql("select body_size from payment_events where not signature_valid")
			.query(Integer.class)
			.single()).isEqualTo(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

		this.clock.advance(this.properties.rejectedCallbacks().retention().minus(Duration.ofMinutes(1)));
		this.api.post(PaymentFixtures.WEBHOOK, "{\"id\":\"evt_recent\"}", WebhookSignatures.HEADER, "t=1,v1=00");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.fixtures.callback(this.payment.paymentId(), Outcome.PAID, TOTAL).status()).isEqualTo(200);

		assertThat(this.purgeRejectedCallbacks.purge()).isEqualTo(1);

		assertThat(this.jdbc.sql("select raw_body from payment_events where not signature_valid")
			.query(String.class)
			.list()).containsExactly("{\"id\":\"evt_recent\"}");
		assertThat(
				this.jdbc.sql("select count(*) from payment_events where signature_valid").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aRejectedCallbackWithBytesTheDatabaseCannotHoldIsStillA401() {
		Api.Response answer = this.api.post(PaymentFixtures.WEBHOOK, "{\"id\":\"evt_\u0000\"}",
				WebhookSignatures.HEADER, "t=1,v1=00");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(this.jdbc.sql("select raw_body from payment_events where not signature_valid")
			.query(String.class)
			.single()).isEqualTo("{\"id\":\"evt_\uFFFD\"}");
		assertUnchanged();
	}

	@Test
	void aBadSignatureIsA401AndNothingIsProcessed() {
		String body = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL);
		String forged = WebhookSignatures.sign("not-the-secret", this.clock.instant().getEpochSecond(),
				body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		Api.Response wrongKey = this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER, forged);
		Api.Response noHeader = this.api.post(PaymentFixtures.WEBHOOK, body);
		Api.Response tampered = this.api.post(PaymentFixtures.WEBHOOK, body.replace("60000", "1"),
				WebhookSignatures.HEADER, this.fixtures.sign(body));

		for (Api.Response answer : List.of(wrongKey, noHeader, tampered)) {
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().path("type").asString()).endsWith("/invalid-signature");
		}
		assertUnchanged();
		assertThat(
				this.jdbc.sql("select count(*) from payment_events where not signature_valid and processed_at is null")
					.query(Long.class)
					.single())
			.isEqualTo(3);
		assertThat(this.fixtures.callback(this.payment.paymentId(), Outcome.PAID, TOTAL).status()).isEqualTo(200);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
	}

	@Test
	void aStaleTimestampIsA401AndNothingIsProcessed() {
		String body = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL);
		String signature = this.fixtures.sign(body);
		this.clock.advance(this.properties.webhookTolerance().plus(Duration.ofSeconds(1)));

		Api.Response stale = this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER, signature,
				"Accept-Language", "en");

		assertThat(stale.status()).isEqualTo(401);
		assertThat(stale.json().path("detail").asString()).contains("stale");
		assertUnchanged();
	}

	@Test
	void anUnknownPaymentIsA422AndNothingChanges() {
		String body = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL)
			.replace(this.fixtures.providerPaymentId(this.payment.paymentId()), "sbx_nobody");

		Api.Response answer = this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER,
				this.fixtures.sign(body));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().path("type").asString()).endsWith("/unknown-payment");
		assertUnchanged();
		assertThat(this.jdbc.sql("select count(*) from payment_events").query(Long.class).single()).isZero();
	}

	@Test
	void malformedJsonIsA400AndNothingChanges() {
		for (String body : List.of("{\"id\": \"evt_1\", \"type\": ", "[]", "{\"id\": \"evt_1\"}", "")) {
			Api.Response answer = this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER,
					this.fixtures.sign(body));

			assertThat(answer.status()).as(body).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		}
		assertUnchanged();
	}

	@Test
	void anUnknownProviderIsA404() {
		String body = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, TOTAL);

		Api.Response answer = this.api.post("/api/v1/payments/webhooks/paypal", body, WebhookSignatures.HEADER,
				this.fixtures.sign(body));

		assertThat(answer.status()).isEqualTo(404);
		assertUnchanged();
	}

	private void assertUnchanged() {
		assertThat(this.fixtures.paymentStatus(this.payment.paymentId())).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("HOLD");
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isZero();
		assertThat(this.jdbc.sql("select count(*) from payment_events where processed_at is not null")
			.query(Long.class)
			.single()).isZero();
	}

}
