package kz.zhilyego.booking;

import java.time.Duration;
import java.time.LocalDate;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConfirmPaymentIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	ConfirmPayment confirmPayment;

	@Autowired
	ExpireHolds expireHolds;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	BookingQueries queries;

	@Autowired
	MutableClock clock;

	BookingFixtures bookings;

	long listing;

	long guest;

	long otherGuest;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.bookings = new BookingFixtures(this.placeHold);
		this.listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.otherGuest = identity.user("other@test.kz");
	}

	@Test
	void confirmsAPaidHoldOnceHoweverOftenThePaymentIsReported() {
		BookingDetails hold = this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest);

		ConfirmPayment.Outcome first = this.confirmPayment.confirm(hold.id(), "pay-1", Money.kzt(60_000));
		for (int i = 0; i < 9; i++) {
			assertThat(this.confirmPayment.confirm(hold.id(), "pay-1", Money.kzt(60_000)))
				.isInstanceOf(ConfirmPayment.Outcome.AlreadyConfirmed.class);
		}

		assertThat(first).isInstanceOf(ConfirmPayment.Outcome.Confirmed.class);
		BookingDetails confirmed = this.queries.find(hold.id()).orElseThrow();
		assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
		// the outcome carries what the payment side books, so it never reads the booking
		// again
		assertThat(((ConfirmPayment.Outcome.Confirmed) first).settlement()).isEqualTo(new ConfirmPayment.Settlement(
				confirmed.ownerId(), new Money(confirmed.platformCommission(), confirmed.currency()),
				new Money(confirmed.gatewayFee(), confirmed.currency())));
		assertThat(this.jdbc
			.sql("select count(*) from booking_transitions where booking_id = :id and to_status = 'CONFIRMED'")
			.param("id", hold.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.confirmPayment.confirm(hold.id(), "pay-2", Money.kzt(60_000)))
			.isInstanceOf(ConfirmPayment.Outcome.RefundRequired.class);
	}

	@Test
	void aLatePaymentConfirmsAnExpiredHoldWhileItsDatesAreFree() {
		BookingDetails hold = this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest);
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.expireHolds.expireDue()).isEqualTo(1);

		assertThat(this.confirmPayment.confirm(hold.id(), "pay-1", Money.kzt(60_000)))
			.isInstanceOf(ConfirmPayment.Outcome.Confirmed.class);
		BookingDetails confirmed = this.queries.find(hold.id()).orElseThrow();
		assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(this.jdbc.sql("select count(*) from occupancies where booking_id = :id")
			.param("id", hold.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aLatePaymentForDatesTakenMeanwhileMustBeRefunded() {
		BookingDetails hold = this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest);
		this.clock.advance(Duration.ofMinutes(16));
		this.bookings.hold(this.listing, DEC_10, DEC_13, this.otherGuest);

		ConfirmPayment.Outcome outcome = this.confirmPayment.confirm(hold.id(), "pay-1", Money.kzt(60_000));

		assertThat(outcome).isInstanceOfSatisfying(ConfirmPayment.Outcome.RefundRequired.class,
				refund -> assertThat(refund.reason()).isEqualTo("dates_taken_after_expiry"));
		assertThat(this.queries.find(hold.id()).orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
	}

	@Test
	void aWrongAmountOrACancelledBookingIsNeverConfirmed() {
		BookingDetails underpaid = this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest);
		assertThat(this.confirmPayment.confirm(underpaid.id(), "pay-1", Money.kzt(59_999)))
			.isInstanceOf(ConfirmPayment.Outcome.RefundRequired.class);
		assertThat(this.queries.find(underpaid.id()).orElseThrow().status()).isEqualTo(BookingStatus.HOLD);

		this.cancelBooking.cancel(underpaid.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));
		assertThat(this.confirmPayment.confirm(underpaid.id(), "pay-2", Money.kzt(60_000)))
			.isInstanceOf(ConfirmPayment.Outcome.RefundRequired.class);
		assertThat(this.queries.find(underpaid.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void expiresEachOverdueHoldExactlyOnce() {
		this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest);
		this.bookings.hold(this.listing, DEC_13, DEC_13.plusDays(1), this.otherGuest);
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.expireHolds.expireDue()).isZero();

		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.expireHolds.expireDue()).isEqualTo(2);
		assertThat(this.expireHolds.expireDue()).isZero();
		assertThat(this.jdbc.sql("select count(*) from occupancies").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from booking_transitions where to_status = 'EXPIRED'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
