package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.ExpireHolds;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.internal.ExecuteRefunds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds decided by cancellations (executed from the BookingCancelled event, retried
 * with backoff, never twice) and the commissions ledger in every scenario.
 */
@IntegrationTest
class RefundAndLedgerIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	/** Check-in on Dec 10 at 14:00 Astana time. */
	private static final Instant CHECK_IN = Instant.parse("2026-12-10T09:00:00Z");

	private long guest;

	private long realtor;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	ExpireHolds expireHolds;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	StartPayment startPayment;

	@Autowired
	PaymentQueries payments;

	@Autowired
	ExecuteRefunds executeRefunds;

	@Autowired
	PaymentProperties properties;

	@Autowired
	MutableClock clock;

	Api api;

	PaymentFixtures fixtures;

	BookingFixtures bookings;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.realtor = identity.realtor("realtor@test.kz", null);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new PaymentFixtures(this.jdbc, this.api, this.properties, this.clock);
		this.bookings = new BookingFixtures(this.placeHold);
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
	}

	@Test
	void cancellingAPaidBookingEarlyRefundsEverythingAndReversesTheWholeLedgerSet() {
		Paid paid = paidBooking();

		this.cancelBooking.cancel(paid.bookingId(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));

		Payment.Refund refund = awaitRefund(paid.paymentId(), RefundStatus.SUCCEEDED);
		assertThat(refund.kind()).isEqualTo("CANCELLATION");
		assertThat(refund.amount()).isEqualByComparingTo("60000");
		assertThat(refund.providerRefundId()).startsWith("sbx_rf_");
		assertThat(this.fixtures.paymentStatus(paid.paymentId())).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(this.fixtures.ledgerEntries(paid.bookingId())).isEqualTo(8);
		for (String type : List.of("GROSS", "PLATFORM_COMMISSION", "GATEWAY_FEE", "REALTOR_PAYOUT")) {
			assertThat(this.fixtures.ledgerSum(paid.bookingId(), type, type + "_REVERSAL")).as(type)
				.isEqualByComparingTo("0");
		}
		this.fixtures.assertLedgerBalances(paid.bookingId());
	}

	@Test
	void cancellingBetweenTheThresholdsRefundsHalfAndReversesHalfOfEachEntry() {
		Paid paid = paidBooking();
		this.clock.set(CHECK_IN.minus(Duration.ofHours(20)));

		this.cancelBooking.cancel(paid.bookingId(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));

		Payment.Refund refund = awaitRefund(paid.paymentId(), RefundStatus.SUCCEEDED);
		assertThat(refund.amount()).isEqualByComparingTo("30000");
		assertThat(this.fixtures.paymentStatus(paid.paymentId())).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(this.fixtures.ledgerSum(paid.bookingId(), "GROSS", "GROSS_REVERSAL")).isEqualByComparingTo("30000");
		assertThat(this.fixtures.ledgerSum(paid.bookingId(), "PLATFORM_COMMISSION", "PLATFORM_COMMISSION_REVERSAL"))
			.isEqualByComparingTo("3000");
		assertThat(this.fixtures.ledgerSum(paid.bookingId(), "GATEWAY_FEE", "GATEWAY_FEE_REVERSAL"))
			.isEqualByComparingTo("750");
		assertThat(this.fixtures.ledgerSum(paid.bookingId(), "REALTOR_PAYOUT", "REALTOR_PAYOUT_REVERSAL"))
			.isEqualByComparingTo("27000");
		this.fixtures.assertLedgerBalances(paid.bookingId());
	}

	@Test
	void aFailingRefundIsRetriedWithExponentialBackoffAndSentExactlyOnce() {
		Paid paid = paidBooking();
		this.jdbc.sql("update sandbox_provider_payments set refund_failures_to_simulate = 2 where payment_id = :id")
			.param("id", paid.paymentId())
			.update();

		this.cancelBooking.cancel(paid.bookingId(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));

		// the attempt is counted when it starts and its error stored when it ends: wait
		// for
		// the end
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(refundColumn(paid, "attempts")).isEqualTo("1");
			assertThat(refundColumn(paid, "last_error")).contains("simulated");
		});
		assertThat(refundColumn(paid, "status")).isEqualTo("PENDING");
		assertThat(nextAttempt(paid)).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(1)));

		assertThat(this.executeRefunds.retryDue()).isZero();
		assertThat(refundColumn(paid, "attempts")).isEqualTo("1");

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.executeRefunds.retryDue()).isZero();
		assertThat(refundColumn(paid, "attempts")).isEqualTo("2");
		assertThat(nextAttempt(paid)).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(2)));

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.executeRefunds.retryDue()).isEqualTo(1);
		assertThat(this.executeRefunds.retryDue()).isZero();
		assertThat(this.executeRefunds.forCancellation(paid.bookingId(), new BigDecimal("60000"), "KZT",
				"CHANGE_OF_PLANS"))
			.isEmpty();

		assertThat(refundColumn(paid, "status")).isEqualTo("SUCCEEDED");
		assertThat(refundColumn(paid, "attempts")).isEqualTo("3");
		assertThat(this.fixtures.count("select count(*) from refunds where booking_id = :id", paid.bookingId()))
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select refunded from sandbox_provider_payments where payment_id = :id")
			.param("id", paid.paymentId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("60000");
		this.fixtures.assertLedgerBalances(paid.bookingId());
	}

	@Test
	void theSameCancellationNeverCreatesASecondRefund() {
		Paid paid = paidBooking();
		this.cancelBooking.cancel(paid.bookingId(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));
		Payment.Refund refund = awaitRefund(paid.paymentId(), RefundStatus.SUCCEEDED);

		// The event delivered again (e.g. republished after a restart).
		this.executeRefunds.forCancellation(paid.bookingId(), new BigDecimal("30000"), "KZT", "CHANGE_OF_PLANS");

		assertThat(this.payments.get(paid.paymentId(), this.guest).refunds()).singleElement()
			.satisfies(only -> assertThat(only.refundId()).isEqualTo(refund.refundId()));
		assertThat(this.fixtures.ledgerEntries(paid.bookingId())).isEqualTo(8);
	}

	@Test
	void cancellingAnUnpaidHoldRefundsNothing() {
		long listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment payment = this.startPayment.start(hold.id(), this.guest, "key-1").payment();

		this.cancelBooking.cancel(hold.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));
		// A success arriving afterwards cannot confirm a cancelled booking: the money
		// goes back.
		this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "");

		assertThat(this.fixtures.bookingStatus(hold.id())).isEqualTo("CANCELLED");
		assertThat(this.payments.get(payment.paymentId(), this.guest).refunds()).singleElement().satisfies(refund -> {
			assertThat(refund.kind()).isEqualTo("AUTOMATIC");
			assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
		});
		assertThat(this.fixtures.ledgerEntries(hold.id())).isZero();
	}

	/**
	 * Ledger invariant (see {@link PaymentFixtures#assertLedgerBalances}): net gross =
	 * net commission + net payout, and net gross = paid − refunded, for every scenario.
	 */
	@Test
	void theLedgerBalancesInEveryScenario() {
		List<UUID> scenarios = new ArrayList<>();

		Paid confirmed = paidBooking();
		scenarios.add(confirmed.bookingId());
		assertThat(this.fixtures.ledgerSum(confirmed.bookingId(), "GROSS")).isEqualByComparingTo("60000");
		assertThat(this.fixtures.ledgerSum(confirmed.bookingId(), "PLATFORM_COMMISSION")).isEqualByComparingTo("6000");
		assertThat(this.fixtures.ledgerSum(confirmed.bookingId(), "GATEWAY_FEE")).isEqualByComparingTo("1500");
		assertThat(this.fixtures.ledgerSum(confirmed.bookingId(), "REALTOR_PAYOUT")).isEqualByComparingTo("54000");

		Paid fullyRefunded = paidBooking();
		this.cancelBooking.cancel(fullyRefunded.bookingId(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));
		awaitRefund(fullyRefunded.paymentId(), RefundStatus.SUCCEEDED);
		scenarios.add(fullyRefunded.bookingId());

		Paid partiallyRefunded = paidBooking();
		this.clock.set(CHECK_IN.minus(Duration.ofHours(20)));
		this.cancelBooking.cancel(partiallyRefunded.bookingId(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));
		awaitRefund(partiallyRefunded.paymentId(), RefundStatus.SUCCEEDED);
		scenarios.add(partiallyRefunded.bookingId());
		this.clock.reset();

		long listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).price(17_333).create();
		BookingDetails late = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment latePayment = this.startPayment.start(late.id(), this.guest, "late").payment();
		this.clock.advance(Duration.ofMinutes(16));
		this.expireHolds.expireDue();
		this.api.postForm(latePayment.redirectUrl() + "/complete?outcome=success", "");
		assertThat(this.fixtures.bookingStatus(late.id())).isEqualTo("CONFIRMED");
		scenarios.add(late.id());
		this.clock.reset();

		Paid duplicated = paidBooking();
		for (int i = 0; i < 10; i++) {
			this.fixtures.callback(duplicated.paymentId(), PaymentGateway.Outcome.PAID, Money.kzt(60_000));
			this.api.postForm("/payments/sandbox/" + duplicated.paymentId() + "/complete?outcome=success", "");
		}
		scenarios.add(duplicated.bookingId());
		assertThat(this.fixtures.ledgerEntries(duplicated.bookingId())).isEqualTo(4);

		for (UUID booking : scenarios) {
			this.fixtures.assertLedgerBalances(booking);
		}
		assertThat(this.jdbc.sql("select count(distinct booking_id) from ledger_entries where entry_type = 'GROSS'")
			.query(Long.class)
			.single()).isEqualTo(scenarios.size());
	}

	private record Paid(UUID bookingId, UUID paymentId) {
	}

	/** A confirmed booking of 3 nights × 20 000 KZT, paid through the sandbox. */
	private Paid paidBooking() {
		long listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		Payment payment = this.startPayment.start(hold.id(), this.guest, "key-" + hold.id()).payment();
		Api.Response pay = this.api.postForm(payment.redirectUrl() + "/complete?outcome=success", "");
		assertThat(pay.status()).isEqualTo(303);
		assertThat(this.fixtures.bookingStatus(hold.id())).isEqualTo("CONFIRMED");
		return new Paid(hold.id(), payment.paymentId());
	}

	private Payment.Refund awaitRefund(UUID paymentId, RefundStatus status) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.payments.get(paymentId, this.guest).refunds())
				.anySatisfy(refund -> assertThat(refund.status()).isEqualTo(status)));
		return this.payments.get(paymentId, this.guest)
			.refunds()
			.stream()
			.filter(refund -> refund.status() == status)
			.findFirst()
			.orElseThrow();
	}

	private String refundColumn(Paid paid, String column) {
		String sql = switch (column) {
			case "attempts" -> "select attempts::text from refunds where payment_id = :id";
			case "status" -> "select status from refunds where payment_id = :id";
			case "last_error" -> "select coalesce(last_error, '') from refunds where payment_id = :id";
			default -> throw new IllegalArgumentException(column);
		};
		return this.jdbc.sql(sql).param("id", paid.paymentId()).query(String.class).optional().orElse("");
	}

	private Instant nextAttempt(Paid paid) {
		return this.jdbc.sql("select next_attempt_at from refunds where payment_id = :id")
			.param("id", paid.paymentId())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

}
