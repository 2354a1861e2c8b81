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
import kz.zhilyego.identity.IdentityFixtures;
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

	long guest;

	long realtor;

	long otherRealtor;

	long stranger;

	long admin;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.bookings = new BookingFixtures(this.placeHold);
		createPeopleAndListing();
	}

	private void createPeopleAndListing() {
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.stranger = identity.user("stranger@test.kz");
		this.realtor = identity.realtor("realtor@test.kz", null);
		this.otherRealtor = identity.realtor("other-realtor@test.kz", null);
		this.admin = identity.superuser("admin@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).price(20_000).create();
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
				"Прорыв трубы", BookingFixtures.realtor(this.realtor));

		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.cancelledBy()).isEqualTo("REALTOR");
		assertThat(cancelled.refundDue()).isEqualByComparingTo("60000");
		assertThat(this.bookings.hold(this.listing, DEC_10, DEC_13, this.stranger).status())
			.isEqualTo(BookingStatus.HOLD);
	}

	@Test
	void strangersGetA404AndOtherWithoutANoteA400() {
		BookingDetails booking = confirmed();

		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.stranger)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.realtor(this.otherRealtor)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.OTHER, " ",
				BookingFixtures.guest(this.guest)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@Test
	void staffMarkCheckInFromTheCheckInDayAndThenCheckOut() {
		BookingDetails booking = confirmed();
		assertThatThrownBy(() -> this.markStay.checkIn(booking.id(), BookingFixtures.realtor(this.realtor)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		assertThatThrownBy(() -> this.markStay.checkIn(booking.id(), BookingFixtures.guest(this.guest)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		this.clock.set(CHECK_IN);

		assertThat(this.markStay.checkIn(booking.id(), BookingFixtures.realtor(this.realtor)).status())
			.isEqualTo(BookingStatus.CHECKED_IN);
		assertThatThrownBy(() -> this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		assertThat(this.markStay.checkOut(booking.id(), BookingFixtures.platform(this.admin)).status())
			.isEqualTo(BookingStatus.COMPLETED);
		assertThatThrownBy(() -> this.markStay.checkOut(booking.id(), BookingFixtures.platform(this.admin)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
	}

	@Test
	void blocksOccupyNightsLikeBookingsAndAreScoped() {
		Block block = this.blocks.create(this.listing, DEC_10, DEC_13, BlockReason.REPAIR, "Покраска",
				BookingFixtures.realtor(this.realtor));

		assertThatThrownBy(() -> this.bookings.hold(this.listing, DEC_10, DEC_10.plusDays(1), this.guest))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		assertThatThrownBy(() -> this.blocks.create(this.listing, DEC_13, DEC_13.plusDays(1), BlockReason.OTHER, null,
				BookingFixtures.realtor(this.otherRealtor)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThat(this.blocks.active(this.listing, BookingFixtures.realtor(this.realtor))).containsExactly(block);

		this.blocks.remove(block.id(), BookingFixtures.realtor(this.realtor));

		assertThat(this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest).status()).isEqualTo(BookingStatus.HOLD);
		assertThat(this.blocks.active(this.listing, BookingFixtures.realtor(this.realtor))).isEmpty();
	}

	private void assertRefundWhenCancelledBefore(Duration before, String refund) {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		createPeopleAndListing();
		BookingDetails booking = confirmed();
		this.clock.set(CHECK_IN.minus(before));

		CancelBooking.RefundQuote quote = this.cancelBooking.quote(booking.id(), BookingFixtures.guest(this.guest));
		BookingDetails cancelled = this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));

		assertThat(quote.refund()).as(before.toString()).isEqualByComparingTo(refund);
		assertThat(cancelled.refundDue()).as(before.toString()).isEqualByComparingTo(refund);
		assertThat(cancelled.cancelledBy()).isEqualTo("GUEST");
	}

	private BookingDetails confirmed() {
		BookingDetails hold = this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest);
		this.confirmPayment.confirm(hold.id(), "pay-" + hold.id(), Money.kzt(60_000));
		return hold;
	}

}
