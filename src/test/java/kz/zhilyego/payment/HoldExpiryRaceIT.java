package kz.zhilyego.payment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.ExpireHolds;
import kz.zhilyego.booking.PaymentStates;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.internal.PollPayments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Money never stays without a booking: a success racing the hold-expiry job, late
 * payments, a callback that never came, and the expiry job asking the provider first.
 */
@IntegrationTest
class HoldExpiryRaceIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	private long guest;

	private long otherGuest;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	ExpireHolds expireHolds;

	@Autowired
	StartPayment startPayment;

	@Autowired
	PaymentQueries payments;

	@Autowired
	PaymentStates paymentStates;

	@Autowired
	PollPayments pollPayments;

	@Autowired
	PaymentProperties properties;

	@Autowired
	MutableClock clock;

	Api api;

	PaymentFixtures fixtures;

	BookingFixtures bookings;

	ExecutorService pool = Executors.newFixedThreadPool(2);

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.otherGuest = identity.user("otherguest@test.kz");
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new PaymentFixtures(this.jdbc, this.api, this.properties, this.clock);
		this.bookings = new BookingFixtures(this.placeHold);
	}

	@AfterEach
	void tearDown() {
		this.pool.shutdownNow();
		this.clock.reset();
	}

	/**
	 * Two threads, many rounds, the clock past the hold's expiry: the guest's success
	 * (through the sandbox page, its callback over HTTP) against the expiry job followed
	 * by another guest grabbing the freed dates. Each round ends CONFIRMED with the dates
	 * held, or EXPIRED with the money refunded — never a paid EXPIRED booking without a
	 * refund.
	 */
	@Test
	void aSuccessCallbackRacingTheExpiryJobEndsInOneConsistentState() throws Exception {
		int confirmed = 0;
		int refunded = 0;
		for (int round = 0; round < 25; round++) {
			this.clock.reset();
			long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
			BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
			Payment payment = this.startPayment.start(hold.id(), this.guest, "key-" + round).payment();
			this.clock.advance(Duration.ofMinutes(16));
			CountDownLatch go = new CountDownLatch(1);

			Future<Api.Response> pay = this.pool.submit(() -> {
				go.await();
				return this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "", "Accept",
						"application/json");
			});
			Future<UUID> expireAndRebook = this.pool.submit(() -> {
				go.await();
				this.expireHolds.expireDue();
				try {
					return this.bookings.hold(listing, DEC_10, DEC_13, this.otherGuest).id();
				}
				catch (ProblemException datesTaken) {
					assertThat(datesTaken.type()).isEqualTo("dates-unavailable");
					return null;
				}
			});
			go.countDown();
			assertThat(pay.get().status()).as("round %d", round).isEqualTo(200);
			UUID otherHold = expireAndRebook.get();

			String status = this.fixtures.bookingStatus(hold.id());
			long refunds = this.fixtures.count("select count(*) from refunds where payment_id = :id",
					payment.paymentId());
			if (status.equals("CONFIRMED")) {
				confirmed++;
				assertThat(this.fixtures.occupancies(hold.id())).as("round %d dates held", round).isEqualTo(1);
				assertThat(otherHold).as("round %d nobody else got the dates", round).isNull();
				assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.PAID);
				assertThat(refunds).isZero();
				assertThat(this.fixtures.confirmations(hold.id())).isEqualTo(1);
				assertThat(this.fixtures.ledgerEntries(hold.id())).isEqualTo(4);
				this.fixtures.assertLedgerBalances(hold.id());
			}
			else if (status.equals("EXPIRED")) {
				refunded++;
				assertThat(otherHold).as("round %d the dates went to another guest", round).isNotNull();
				assertThat(this.fixtures.occupancies(hold.id())).isZero();
				assertThat(refunds).as("round %d paid EXPIRED booking has its refund", round).isEqualTo(1);
				assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.REFUNDED);
				assertThat(this.fixtures.ledgerEntries(hold.id())).isZero();
			}
			else {
				fail("round %d ended %s", round, status);
			}
		}
		assertThat(confirmed + refunded).isEqualTo(25);
	}

	@Test
	void aLatePaymentAfterExpiryWithTheDatesTakenIsRefundedAutomatically() {
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment payment = this.startPayment.start(hold.id(), this.guest, "key-1").payment();
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.expireHolds.expireDue()).isEqualTo(1);
		this.bookings.hold(listing, DEC_10, DEC_13, this.otherGuest);

		Api.Response late = this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "", "Accept",
				"application/json");

		assertThat(late.status()).isEqualTo(200);
		assertThat(this.fixtures.bookingStatus(hold.id())).isEqualTo("EXPIRED");
		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.REFUNDED);
		Payment read = this.payments.get(payment.paymentId(), this.guest);
		assertThat(read.refunds()).singleElement().satisfies(refund -> {
			assertThat(refund.kind()).isEqualTo("AUTOMATIC");
			assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
			assertThat(refund.amount()).isEqualByComparingTo("60000");
			assertThat(refund.providerRefundId()).startsWith("sbx_rf_");
		});
		assertThat(this.jdbc.sql("select reason from refunds where payment_id = :id")
			.param("id", payment.paymentId())
			.query(String.class)
			.single()).isEqualTo("dates_taken_after_expiry");
		assertThat(this.jdbc.sql("select refunded from sandbox_provider_payments where payment_id = :id")
			.param("id", payment.paymentId())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("60000");
		assertThat(this.paymentStates.of(hold.id())).hasValueSatisfying(state -> {
			assertThat(state.status()).isEqualTo("REFUNDED");
			assertThat(state.refundStatus()).isEqualTo("SUCCEEDED");
			assertThat(state.refundAmount()).isEqualByComparingTo("60000");
		});
		assertThat(this.fixtures.ledgerEntries(hold.id())).isZero();
	}

	@Test
	void aLatePaymentAfterExpiryWithTheDatesFreeConfirmsTheBooking() {
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment payment = this.startPayment.start(hold.id(), this.guest, "key-1").payment();
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.expireHolds.expireDue()).isEqualTo(1);

		this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "");

		assertThat(this.fixtures.bookingStatus(hold.id())).isEqualTo("CONFIRMED");
		assertThat(this.fixtures.occupancies(hold.id())).isEqualTo(1);
		assertThat(this.fixtures.ledgerEntries(hold.id())).isEqualTo(4);
		this.fixtures.assertLedgerBalances(hold.id());
	}

	@Test
	void theExpiryJobAsksTheProviderFirstSoALastSecondPaymentIsNotLost() {
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment payment = this.startPayment.start(hold.id(), this.guest, "key-1").payment();
		paidAtProviderButCallbackLost(payment);
		this.clock.advance(Duration.ofMinutes(15));

		assertThat(this.expireHolds.expireDue()).isZero();

		assertThat(this.fixtures.bookingStatus(hold.id())).isEqualTo("CONFIRMED");
		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.PAID);
		assertThat(this.fixtures.ledgerEntries(hold.id())).isEqualTo(4);
	}

	@Test
	void thePollingJobRescuesAPaymentWhoseCallbackNeverCame() {
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment payment = this.startPayment.start(hold.id(), this.guest, "key-1").payment();
		paidAtProviderButCallbackLost(payment);

		this.clock.advance(this.properties.webhookGrace().minusSeconds(1));
		assertThat(this.pollPayments.pollDue()).isZero();
		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.PENDING);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.pollPayments.pollDue()).isEqualTo(1);
		assertThat(this.pollPayments.pollDue()).isZero();

		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.PAID);
		assertThat(this.fixtures.bookingStatus(hold.id())).isEqualTo("CONFIRMED");
	}

	@Test
	void thePollingJobClosesAPaymentThatExpiredAtTheProviderAndKeepsAskingAboutUnfinishedOnes() {
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment payment = this.startPayment.start(hold.id(), this.guest, "key-1").payment();

		this.clock.advance(this.properties.webhookGrace());
		assertThat(this.pollPayments.pollDue()).isZero();
		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.jdbc.sql("select poll_after from payments where id = :id")
			.param("id", payment.paymentId())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(this.clock.instant().plus(this.properties.pollInterval()));

		this.clock.set(payment.createdAt().plus(this.properties.sandbox().expiresAfter()));
		this.clock.advance(this.properties.pollInterval());
		assertThat(this.pollPayments.pollDue()).isEqualTo(1);

		assertThat(this.fixtures.paymentStatus(payment.paymentId())).isEqualTo(PaymentStatus.EXPIRED);
		assertThat(this.fixtures.bookingStatus(hold.id())).isEqualTo("HOLD");
	}

	/** The guest paid at the sandbox, but its callback to us was lost on the way. */
	private void paidAtProviderButCallbackLost(Payment payment) {
		this.jdbc
			.sql("update sandbox_provider_payments set status = 'PAID', completed_at = :now where payment_id = :id")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("id", payment.paymentId())
			.update();
	}

}
