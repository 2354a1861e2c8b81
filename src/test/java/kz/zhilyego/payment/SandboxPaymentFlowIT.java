package kz.zhilyego.payment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.PaymentStates;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.common.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole offline flow: a hold (service), a payment (service), the sandbox page and its
 * buttons over real HTTP, the signed callback the sandbox posts to our webhook, and the
 * booking's final state.
 */
@IntegrationTest
class SandboxPaymentFlowIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	private long guest;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	StartPayment startPayment;

	@Autowired
	PaymentQueries payments;

	@Autowired
	PaymentStates paymentStates;

	@Autowired
	PaymentProperties properties;

	@Autowired
	MutableClock clock;

	Api api;

	PaymentFixtures fixtures;

	BookingDetails hold;

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
	}

	@Test
	void aGuestPaysOnTheSandboxPageAndTheHoldBecomesConfirmed() {
		Payment payment = this.startPayment.start(this.hold.id(), this.guest, "key-1").payment();
		assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.redirectUrl()).isEqualTo("/payments/sandbox/" + payment.paymentId());
		assertThat(payment.amount()).isEqualByComparingTo("60000");

		Api.Response page = this.api.get(payment.redirectUrl(), "Accept-Language", "ru");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Тестовая оплата", "60 000.00", "KZT", "Оплатить", "Отклонить", "Отменить",
				"/payments/sandbox/" + payment.paymentId() + "/complete?outcome=success", "name=\"viewport\"");

		Api.Response pay = this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "");
		assertThat(pay.status()).isEqualTo(303);
		assertThat(pay.header("Location")).isEqualTo("/payments/" + payment.paymentId() + "/return");

		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.PAID);
		assertThat(this.fixtures.occupancies(this.hold.id())).isEqualTo(1);
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isEqualTo(4);
		this.fixtures.assertLedgerBalances(this.hold.id());

		Api.Response back = this.api.get(pay.header("Location"), "Accept-Language", "en");
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.body()).contains("Payment received", "/bookings/" + this.hold.id(), "data-status=\"PAID\"");
		assertThat(this.paymentStates.of(this.hold.id())).hasValueSatisfying(state -> {
			assertThat(state.paymentId()).isEqualTo(payment.paymentId());
			assertThat(state.status()).isEqualTo("PAID");
			assertThat(state.refundStatus()).isNull();
		});
	}

	@Test
	void aDeclinedPaymentLeavesTheHoldAndASecondPaymentSucceeds() {
		Payment first = this.startPayment.start(this.hold.id(), this.guest, "key-1").payment();

		Api.Response decline = this.api.postForm(first.redirectUrl() + "/complete?outcome=failure", "");
		assertThat(decline.status()).isEqualTo(303);
		assertThat(this.fixtures.paymentStatus(first.paymentId())).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("HOLD");
		assertThat(this.api.get(decline.header("Location"), "Accept-Language", "ru").body())
			.contains("Оплата не прошла");

		this.clock.advance(Duration.ofMinutes(5));
		Payment second = this.startPayment.start(this.hold.id(), this.guest, "key-2").payment();
		assertThat(second.paymentId()).isNotEqualTo(first.paymentId());
		Api.Response pay = this.api.postForm(second.redirectUrl() + "/complete?outcome=success", "", "Accept",
				"application/json");

		assertThat(pay.status()).isEqualTo(200);
		JsonNode answer = pay.json();
		assertThat(answer.path("outcome").asString()).isEqualTo("success");
		assertThat(answer.path("callbackStatus").asInt()).isEqualTo(200);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("CONFIRMED");
		assertThat(this.fixtures.paymentStatus(second.paymentId())).isEqualTo(PaymentStatus.PAID);
		assertThat(this.fixtures.paymentStatus(first.paymentId())).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.fixtures.ledgerEntries(this.hold.id())).isEqualTo(4);
	}

	@Test
	void aCancelledPaymentLeavesTheHoldAndTheSandboxRefusesAnotherChoiceAfterwards() {
		Payment payment = this.startPayment.start(this.hold.id(), this.guest, "key-1").payment();

		Api.Response cancel = this.api.postForm(payment.redirectUrl() + "/complete?outcome=cancel", "", "Accept",
				"application/json");
		Api.Response payAfterCancel = this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "",
				"Accept", "application/json");
		Api.Response nonsense = this.api.postForm(payment.redirectUrl() + "/complete?outcome=maybe", "", "Accept",
				"application/json");

		assertThat(cancel.status()).isEqualTo(200);
		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.CANCELLED);
		assertThat(this.fixtures.bookingStatus(this.hold.id())).isEqualTo("HOLD");
		assertThat(payAfterCancel.status()).isEqualTo(409);
		assertThat(nonsense.status()).isEqualTo(400);
		assertThat(nonsense.json().path("errors").path("outcome").asString()).isNotBlank();
		assertThat(this.api.get(payment.redirectUrl()).body()).doesNotContain("outcome=success");
		assertThat(this.api
			.post("/payments/sandbox/" + UUID.randomUUID() + "/complete?outcome=success", "", "Accept",
					"application/json")
			.status()).isEqualTo(404);
	}

	@Test
	void theSameIdempotencyKeyReturnsTheSamePaymentAndOnlyOnePaymentIsInFlight() {
		StartPayment.Started first = this.startPayment.start(this.hold.id(), this.guest, "key-1");
		StartPayment.Started replay = this.startPayment.start(this.hold.id(), this.guest, "key-1");

		assertThat(first.created()).isTrue();
		assertThat(replay.created()).isFalse();
		assertThat(replay.payment().paymentId()).isEqualTo(first.payment().paymentId());
		assertThat(replay.payment().redirectUrl()).isEqualTo(first.payment().redirectUrl());
		assertProblem(() -> this.startPayment.start(this.hold.id(), this.guest, "key-2"), HttpStatus.CONFLICT,
				"payment-in-progress");
		assertThat(this.fixtures.count("select count(*) from payments where booking_id = :id", this.hold.id()))
			.isEqualTo(1);
	}

	@Test
	void onlyTheGuestsOwnLiveHoldCanBePaid() {
		assertProblem(() -> this.startPayment.start(this.hold.id(), this.guest + 1, "key-1"), HttpStatus.NOT_FOUND,
				"not-found");
		assertProblem(() -> this.startPayment.start(UUID.randomUUID(), this.guest, "key-1"), HttpStatus.NOT_FOUND,
				"not-found");
		assertProblem(() -> this.startPayment.start(this.hold.id(), this.guest, " "), HttpStatus.BAD_REQUEST,
				"validation");
		assertProblem(() -> this.startPayment.start(this.hold.id(), this.guest, "k".repeat(256)),
				HttpStatus.BAD_REQUEST, "validation");

		this.clock.advance(Duration.ofMinutes(15));

		assertProblem(() -> this.startPayment.start(this.hold.id(), this.guest, "key-1"), HttpStatus.CONFLICT,
				"payment-not-allowed");
		assertThat(this.fixtures.count("select count(*) from payments where booking_id = :id", this.hold.id()))
			.isZero();
	}

	@Test
	void aGuestReadsOwnPaymentsOnlyWithTheirRefunds() {
		Payment payment = this.startPayment.start(this.hold.id(), this.guest, "key-1").payment();

		Payment read = this.payments.get(payment.paymentId(), this.guest);

		assertThat(read.bookingId()).isEqualTo(this.hold.id());
		assertThat(read.provider()).isEqualTo("sandbox");
		assertThat(read.refunds()).isEmpty();
		assertProblem(() -> this.payments.get(payment.paymentId(), this.guest + 1), HttpStatus.NOT_FOUND, "not-found");
		assertProblem(() -> this.payments.get(UUID.randomUUID(), this.guest), HttpStatus.NOT_FOUND, "not-found");
	}

	@Test
	void thePaymentApiNeedsASignedInGuest() {
		Api.Response start = this.api.post("/api/v1/bookings/" + this.hold.id() + "/payments", "{}", "Idempotency-Key",
				"key-1");
		Api.Response read = this.api.get("/api/v1/payments/" + UUID.randomUUID());

		assertThat(start.status()).isEqualTo(401);
		assertThat(start.header("Content-Type")).startsWith("application/problem+json");
		assertThat(read.status()).isEqualTo(401);
		assertThat(this.fixtures.count("select count(*) from payments where booking_id = :id", this.hold.id()))
			.isZero();
	}

	@Test
	void anUnfinishedSandboxPaymentExpiresAtTheProvider() {
		Payment payment = this.startPayment.start(this.hold.id(), this.guest, "key-1").payment();
		this.clock.advance(this.properties.sandbox().expiresAfter());

		Api.Response late = this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "", "Accept",
				"application/json");

		assertThat(late.status()).isEqualTo(409);
		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.PENDING);
	}

	private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status,
			String type) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, ex -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.type()).isEqualTo(type);
		});
	}

}
