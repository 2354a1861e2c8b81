package kz.zhilyego.trust;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.ConfirmPayment;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.Money;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stored guest risk score follows the events that change an input of the formula and
 * only those: a hold (held bookings are not counted) writes nothing, a payment and a
 * cancellation recalculate it, and a guest without a row is scored when read.
 */
@IntegrationTest
class GuestRisksIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	ConfirmPayment confirmPayment;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	GuestRisks risks;

	@Autowired
	MutableClock clock;

	long listing;

	long guest;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		this.guest = new IdentityFixtures(this.jdbc).user("guest@test.kz");
		// registered at the test clock's start: a brand-new account
		this.jdbc.sql("update users set created_at = :at where id = :id")
			.param("at", Timestamp.from(MutableClock.START))
			.param("id", this.guest)
			.update();
	}

	@Test
	void aHoldWritesNoScoreAndTheScoreReadAfterItIsTheFormulasOnTheGuestsRecord() {
		new BookingFixtures(this.placeHold).hold(this.listing, DEC_10, DEC_13, this.guest);
		awaitListeners();

		assertThat(storedAt()).as("a hold changes no input of the score").isEmpty();
		GuestRisk read = this.risks.of(this.guest);
		assertThat(read).isEqualTo(GuestRiskFormula.score(new GuestRiskFormula.Inputs(0, 0, 0, 0, 0, null)));
		assertThat(storedAt()).as("scored when first read").contains(MutableClock.START);
	}

	@Test
	void aHoldLeavesAStoredScoreAsItWas() {
		GuestRisk before = this.risks.of(this.guest);
		this.clock.advance(Duration.ofHours(2));

		new BookingFixtures(this.placeHold).hold(this.listing, DEC_10, DEC_13, this.guest);
		awaitListeners();

		assertThat(storedAt()).as("not rewritten by the hold").contains(MutableClock.START);
		assertThat(this.risks.of(this.guest)).isEqualTo(before);
	}

	@Test
	void thePaymentAndTheGuestsCancellationRecalculateTheStoredScore() {
		BookingDetails hold = new BookingFixtures(this.placeHold).hold(this.listing, DEC_10, DEC_13, this.guest);
		this.clock.advance(Duration.ofMinutes(5));
		this.confirmPayment.confirm(hold.id(), "pay-1", Money.kzt(60_000));
		awaitListeners();

		assertThat(storedAt()).as("recalculated after the payment").contains(this.clock.instant());
		assertThat(this.risks.of(this.guest))
			.isEqualTo(GuestRiskFormula.score(new GuestRiskFormula.Inputs(1, 0, 0, 0, 0, null)));

		this.clock.advance(Duration.ofMinutes(5));
		this.cancelBooking.cancel(hold.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));
		awaitListeners();

		assertThat(storedAt()).as("recalculated after the cancellation").contains(this.clock.instant());
		GuestRisk cancelled = this.risks.of(this.guest);
		assertThat(cancelled).isEqualTo(GuestRiskFormula.score(new GuestRiskFormula.Inputs(1, 1, 0, 0, 0, null)));
		assertThat(cancelled.reasons()).extracting(GuestRisk.Reason::factor).contains(GuestRisk.Factor.CANCELLATIONS);
	}

	private Optional<Instant> storedAt() {
		return this.jdbc.sql("select computed_at from guest_risk_scores where guest_id = :guest")
			.param("guest", this.guest)
			.query((rs, n) -> Instants.read(rs, "computed_at"))
			.optional();
	}

	private void awaitListeners() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
	}

}
