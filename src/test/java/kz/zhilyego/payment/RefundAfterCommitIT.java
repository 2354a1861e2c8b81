package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.ExpireHolds;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.payment.internal.ExecuteRefunds;
import kz.zhilyego.payment.internal.SettlePayment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic refund of a settlement is attempted after the settling transaction
 * commits — also when the settlement joins a caller's transaction (a provider callback) —
 * and never when that transaction rolls back.
 */
@IntegrationTest
class RefundAfterCommitIT {

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
	SettlePayment settle;

	@Autowired
	ExecuteRefunds executeRefunds;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PaymentProperties properties;

	@Autowired
	MutableClock clock;

	PaymentFixtures fixtures;

	BookingFixtures bookings;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.otherGuest = identity.user("otherguest@test.kz");
		this.clock.reset();
		this.fixtures = new PaymentFixtures(this.jdbc, new Api(this.port), this.properties, this.clock);
		this.bookings = new BookingFixtures(this.placeHold);
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
	}

	@Test
	void theAutomaticRefundIsAttemptedOnlyOnceTheCallersTransactionCommits() {
		UUID payment = latePaymentForTakenDates();

		SettlePayment.Result result = this.transactions.execute(status -> {
			SettlePayment.Result applied = this.settle.apply(payment, PaymentGateway.Outcome.PAID, null, "test");
			// still inside: the refund exists, nobody attempted it, the provider was not
			// asked
			assertThat(refundState(payment)).isEqualTo("PENDING after 0 attempts");
			assertThat(refundedAtProvider(payment)).isEqualByComparingTo("0");
			return applied;
		});

		assertThat(result).isNotNull();
		assertThat(result.effect()).isEqualTo(SettlePayment.Effect.REFUND_REQUIRED);
		assertThat(refundState(payment)).isEqualTo("SUCCEEDED after 1 attempts");
		assertThat(refundedAtProvider(payment)).isEqualByComparingTo("60000");
		assertThat(this.fixtures.paymentStatus(payment)).isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void aRolledBackSettlementAttemptsNoRefundAndLosesNothing() {
		UUID payment = latePaymentForTakenDates();
		PaymentStatus before = this.fixtures.paymentStatus(payment);

		this.transactions.executeWithoutResult(status -> {
			assertThat(this.settle.apply(payment, PaymentGateway.Outcome.PAID, null, "test").effect())
				.isEqualTo(SettlePayment.Effect.REFUND_REQUIRED);
			status.setRollbackOnly();
		});

		assertThat(this.fixtures.count("select count(*) from refunds where payment_id = :id", payment)).isZero();
		assertThat(refundedAtProvider(payment)).isEqualByComparingTo("0");
		assertThat(this.fixtures.paymentStatus(payment)).isEqualTo(before);

		// the provider's success settles it later as if the first try never happened
		assertThat(this.settle.apply(payment, PaymentGateway.Outcome.PAID, null, "test").effect())
			.isEqualTo(SettlePayment.Effect.REFUND_REQUIRED);
		assertThat(refundState(payment)).isEqualTo("SUCCEEDED after 1 attempts");
		assertThat(refundedAtProvider(payment)).isEqualByComparingTo("60000");
	}

	@Test
	void anAttemptThatFailsAfterCommitLeavesTheRefundToTheRetryJob() {
		UUID payment = latePaymentForTakenDates();
		this.jdbc.sql("update sandbox_provider_payments set refund_failures_to_simulate = 1 where payment_id = :id")
			.param("id", payment)
			.update();

		assertThat(this.settle.apply(payment, PaymentGateway.Outcome.PAID, null, "test").effect())
			.isEqualTo(SettlePayment.Effect.REFUND_REQUIRED);

		assertThat(refundState(payment)).isEqualTo("PENDING after 1 attempts");
		assertThat(refundedAtProvider(payment)).isEqualByComparingTo("0");
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.executeRefunds.retryDue()).isEqualTo(1);
		assertThat(refundState(payment)).isEqualTo("SUCCEEDED after 2 attempts");
		assertThat(refundedAtProvider(payment)).isEqualByComparingTo("60000");
	}

	/**
	 * A payment still pending when its hold expired and another guest took the dates: its
	 * success cannot confirm the booking and must be refunded.
	 */
	private UUID latePaymentForTakenDates() {
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		BookingDetails hold = this.bookings.hold(listing, DEC_10, DEC_13, this.guest);
		UUID payment = this.startPayment.start(hold.id(), this.guest, "key-1").payment().paymentId();
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.expireHolds.expireDue()).isEqualTo(1);
		this.bookings.hold(listing, DEC_10, DEC_13, this.otherGuest);
		// the guest did pay at the provider: what is settled here is its report
		this.jdbc.sql("update sandbox_provider_payments set status = 'PAID' where payment_id = :id")
			.param("id", payment)
			.update();
		return payment;
	}

	private String refundState(UUID payment) {
		return this.jdbc
			.sql("select status || ' after ' || attempts || ' attempts' from refunds where payment_id = :id")
			.param("id", payment)
			.query(String.class)
			.single();
	}

	private BigDecimal refundedAtProvider(UUID payment) {
		return this.jdbc.sql("select refunded from sandbox_provider_payments where payment_id = :id")
			.param("id", payment)
			.query(BigDecimal.class)
			.single();
	}

}
