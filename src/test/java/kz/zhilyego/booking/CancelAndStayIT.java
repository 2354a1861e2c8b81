package kz.zhilyego.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CancelAndStayIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	/** Check-in on Dec 10 at 14:00 Astana time. */
	private static final Instant CHECK_IN = Instant.parse("2026-12-10T09:00:00Z");

	private static final long GUEST = 11;

	private static final long REALTOR = 21;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	ConfirmPayment confirmPayment;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	MarkStay markStay;

	@Autowired
	ListingBlocks blocks;

	@Autowired
	MutableClock clock;

	BookingFixtures bookings;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.bookings = new BookingFixtures(this.placeHold);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(REALTOR).price(20_000).create();
	}

	@Test
	void aGuestGetsTheRefundThePolicyQuotesAtEachThreshold() {
		assertRefundWhenCancelledBefore(Duration.ofHours(30), "60000");
		assertRefundWhenCancelledBefore(Duration.ofHours(20), "30000");
		assertRefundWhenCancelledBefore(Duration.ofHours(2), "0");
	}

	@Test
	void staffCancellationRefundsInFullAndFreesTheDates() {
		BookingDetails booking = confirmed();
		this.clock.set(CHECK_IN.minus(Duration.ofHours(1)));

		BookingDetails cancelled = this.cancelBooking.cancel(booking.id(), CancellationReason.LISTING_UNAVAILABLE,
				"Прорыв трубы", BookingFixtures.realtor(REALTOR));

		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.cancelledBy()).isEqualTo("REALTOR");
		assertThat(cancelled.refundDue()).isEqualByComparingTo("60000");
		assertThat(this.bookings.hold(this.listing, DEC_10, DEC_13, 99).status()).isEqualTo(BookingStatus.HOLD);
	}

	@Test
	void strangersGetA404AndOtherWithoutANoteA400() {
		BookingDetails booking = confirmed();

		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(12345)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.realtor(REALTOR + 1)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.OTHER, " ",
				BookingFixtures.guest(GUEST)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@Test
	void staffMarkCheckInFromTheCheckInDayAndThenCheckOut() {
		BookingDetails booking = confirmed();
		assertThatThrownBy(() -> this.markStay.checkIn(booking.id(), BookingFixtures.realtor(REALTOR)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		assertThatThrownBy(() -> this.markStay.checkIn(booking.id(), BookingFixtures.guest(GUEST)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		this.clock.set(CHECK_IN);

		assertThat(this.markStay.checkIn(booking.id(), BookingFixtures.realtor(REALTOR)).status())
			.isEqualTo(BookingStatus.CHECKED_IN);
		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(GUEST)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		assertThat(this.markStay.checkOut(booking.id(), BookingFixtures.platform(1)).status())
			.isEqualTo(BookingStatus.COMPLETED);
		assertThatThrownBy(() -> this.markStay.checkOut(booking.id(), BookingFixtures.platform(1)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
	}

	@Test
	void blocksOccupyNightsLikeBookingsAndAreScoped() {
		Block block = this.blocks.create(this.listing, DEC_10, DEC_13, BlockReason.REPAIR, "Покраска",
				BookingFixtures.realtor(REALTOR));

		assertThatThrownBy(() -> this.bookings.hold(this.listing, DEC_10, DEC_10.plusDays(1), GUEST))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		assertThatThrownBy(() -> this.blocks.create(this.listing, DEC_13, DEC_13.plusDays(1), BlockReason.OTHER, null,
				BookingFixtures.realtor(REALTOR + 1)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThat(this.blocks.active(this.listing, BookingFixtures.realtor(REALTOR))).containsExactly(block);

		this.blocks.remove(block.id(), BookingFixtures.realtor(REALTOR));

		assertThat(this.bookings.hold(this.listing, DEC_10, DEC_13, GUEST).status()).isEqualTo(BookingStatus.HOLD);
		assertThat(this.blocks.active(this.listing, BookingFixtures.realtor(REALTOR))).isEmpty();
	}

	private void assertRefundWhenCancelledBefore(Duration before, String refund) {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(REALTOR).price(20_000).create();
		BookingDetails booking = confirmed();
		this.clock.set(CHECK_IN.minus(before));

		CancelBooking.RefundQuote quote = this.cancelBooking.quote(booking.id(), BookingFixtures.guest(GUEST));
		BookingDetails cancelled = this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(GUEST));

		assertThat(quote.refund()).as(before.toString()).isEqualByComparingTo(refund);
		assertThat(cancelled.refundDue()).as(before.toString()).isEqualByComparingTo(refund);
		assertThat(cancelled.cancelledBy()).isEqualTo("GUEST");
	}

	private BookingDetails confirmed() {
		BookingDetails hold = this.bookings.hold(this.listing, DEC_10, DEC_13, GUEST);
		this.confirmPayment.confirm(hold.id(), "pay-" + hold.id(), Money.kzt(60_000));
		return hold;
	}

}
