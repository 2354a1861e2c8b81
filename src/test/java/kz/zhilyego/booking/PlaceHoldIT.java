package kz.zhilyego.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.IdentityFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PlaceHoldIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	BookingQueries queries;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate transactions;

	CatalogFixtures catalog;

	BookingFixtures bookings;

	long listing;

	long owner;

	long guest;

	long otherGuest;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.owner = identity.realtor("owner@test.kz", null);
		this.guest = identity.user("guest@test.kz");
		this.otherGuest = identity.user("other@test.kz");
		this.catalog = new CatalogFixtures(this.jdbc);
		this.bookings = new BookingFixtures(this.placeHold);
		this.listing = this.catalog.listing().price(20_000).owner(this.owner).create();
	}

	@Test
	void placesAFifteenMinuteHoldWithTheServerComputedPrice() {
		BookingDetails booking = this.bookings.hold(this.listing, DEC_10, DEC_13, guest);

		assertThat(booking.status()).isEqualTo(BookingStatus.HOLD);
		assertThat(booking.holdExpiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(15)));
		assertThat(booking.nights()).isEqualTo(3);
		assertThat(booking.total()).isEqualByComparingTo("60000");
		assertThat(booking.platformCommission()).isEqualByComparingTo("6000");
		assertThat(booking.gatewayFee()).isEqualByComparingTo("1500");
		assertThat(booking.guestPhone()).isEqualTo("+77011234567");
		assertThat(booking.ownerId()).isEqualTo(this.owner);
		assertThat(booking.nightly()).extracting(BookingDetails.Night::date)
			.containsExactly(DEC_10, DEC_10.plusDays(1), DEC_10.plusDays(2));
		List<Transition> timeline = this.queries.timeline(booking.id(), BookingFixtures.guest(guest));
		assertThat(timeline).singleElement().satisfies(t -> {
			assertThat(t.to()).isEqualTo("HOLD");
			assertThat(t.actor()).isEqualTo("GUEST");
			assertThat(t.actorId()).isEqualTo(guest);
		});
	}

	@Test
	void aHoldChargesTheStaysNightlyPricesReadWithTheListingLock() {
		this.catalog.nightPrice(this.listing, DEC_10.plusDays(1), 35_000);

		BookingDetails booking = this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest);

		assertThat(booking.total()).isEqualByComparingTo("75000");
		// the answer carries the nights as written, exactly as a later read of the
		// booking
		assertThat(booking.nightly()).extracting(BookingDetails.Night::price)
			.containsExactly(new java.math.BigDecimal("20000.00"), new java.math.BigDecimal("35000.00"),
					new java.math.BigDecimal("20000.00"));
		assertThat(booking.nightly()).isEqualTo(this.queries.find(booking.id()).orElseThrow().nightly());
	}

	@Test
	void aNightlyPriceCommittedWhileTheHoldWaitsForTheListingIsTheOneCharged() throws Exception {
		CountDownLatch priced = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		Thread owner = Thread.ofPlatform().start(() -> this.transactions.executeWithoutResult(status -> {
			// a price change bumps the listing row's version: it holds the listing's
			// row lock until it commits
			this.catalog.nightPrice(this.listing, DEC_10.plusDays(1), 35_000);
			priced.countDown();
			await(commit);
		}));
		await(priced);
		CompletableFuture<BookingDetails> hold = CompletableFuture
			.supplyAsync(() -> this.bookings.hold(this.listing, DEC_10, DEC_13, this.guest));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and query like '%for update of l%'
				""").query(Long.class).single() == 1);
		commit.countDown();
		owner.join();

		assertThat(hold.get(30, TimeUnit.SECONDS).total()).isEqualByComparingTo("75000");
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void refusesOverlappingDatesWithA409AndAllowsCheckInOnAnotherGuestsCheckOutDay() {
		this.bookings.hold(this.listing, DEC_10, DEC_13, guest);

		assertThatThrownBy(() -> this.bookings.hold(this.listing, DEC_13.minusDays(1), DEC_13.plusDays(2), otherGuest))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(409);
				assertThat(ex.type()).isEqualTo("dates-unavailable");
			});
		assertThat(this.bookings.hold(this.listing, DEC_13, DEC_13.plusDays(2), otherGuest).status())
			.isEqualTo(BookingStatus.HOLD);
		assertThat(this.bookings.hold(this.listing, DEC_10.minusDays(2), DEC_10, otherGuest).status())
			.isEqualTo(BookingStatus.HOLD);
	}

	@Test
	void aStaleHoldNeverBlocksANewGuest() {
		BookingDetails stale = this.bookings.hold(this.listing, DEC_10, DEC_13, guest);
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		BookingDetails fresh = this.bookings.hold(this.listing, DEC_10, DEC_13, otherGuest);

		assertThat(fresh.status()).isEqualTo(BookingStatus.HOLD);
		assertThat(this.queries.find(stale.id()).orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
	}

	@Test
	void placingAHoldExpiresTheListingsOverdueHoldsOnOtherDatesExactlyOnce() {
		BookingDetails stale = this.bookings.hold(this.listing, DEC_10, DEC_13, guest);
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		BookingDetails fresh = this.bookings.hold(this.listing, DEC_13.plusDays(5), DEC_13.plusDays(7), otherGuest);
		BookingDetails again = this.bookings.hold(this.listing, DEC_13.plusDays(10), DEC_13.plusDays(11), otherGuest);

		assertThat(fresh.status()).isEqualTo(BookingStatus.HOLD);
		assertThat(again.status()).isEqualTo(BookingStatus.HOLD);
		assertThat(this.queries.find(stale.id()).orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
		assertThat(this.queries.timeline(stale.id(), BookingFixtures.guest(guest))).extracting(Transition::to)
			.containsExactly("HOLD", "EXPIRED");
		assertThat(this.jdbc.sql("select count(*) from occupancies where booking_id = :id")
			.param("id", stale.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aHoldOccupiesItsDatesAndAnswersWithTheListingsDetails() {
		BookingDetails booking = this.bookings.hold(this.listing, DEC_10, DEC_13, guest);

		assertThat(this.jdbc.sql("""
				select count(*) from occupancies
				where booking_id = :id and listing_id = :listing and kind = 'BOOKING'
				  and period = daterange(:from, :to)
				""")
			.param("id", booking.id())
			.param("listing", this.listing)
			.param("from", DEC_10)
			.param("to", DEC_13)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(booking).usingRecursiveComparison().isEqualTo(this.queries.find(booking.id()).orElseThrow());
		assertThat(booking.listingTitle()).isNotBlank();
		assertThat(booking.checkInTime()).isNotNull();
	}

	@Test
	void theSameIdempotencyKeyAndBodyReturnTheSameBookingAndAnotherBodyIsA422() {
		PlaceHold.Request request = BookingFixtures.request(this.listing, DEC_10, DEC_13);

		BookingDetails first = this.placeHold.place(request, guest, "key-1");
		BookingDetails again = this.placeHold.place(request, guest, "key-1");

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(countBookings()).isEqualTo(1);
		assertThatThrownBy(() -> this.placeHold.place(BookingFixtures.request(this.listing, DEC_13, DEC_13.plusDays(1)),
				guest, "key-1"))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(422));
		assertThat(countBookings()).isEqualTo(1);
	}

	@Test
	void badRequestsChangeNothing() {
		PlaceHold.Request noRules = new PlaceHold.Request(this.listing, DEC_10, DEC_13, 2, "Гость", "+77011234567",
				null, false, null);
		PlaceHold.Request badPhone = new PlaceHold.Request(this.listing, DEC_10, DEC_13, 2, "Гость", "12345", null,
				true, null);
		PlaceHold.Request tooMany = new PlaceHold.Request(this.listing, DEC_10, DEC_13, 40, "Гость", "+77011234567",
				null, true, null);
		PlaceHold.Request past = new PlaceHold.Request(this.listing, DEC_10.minusDays(30), DEC_10.minusDays(28), 2,
				"Гость", "+77011234567", null, true, null);

		PlaceHold.Request novel = new PlaceHold.Request(this.listing, DEC_10, DEC_13, 2, "Гость", "+77011234567", null,
				true, "Очень длинный комментарий. ".repeat(400));

		assertThatThrownBy(() -> this.placeHold.place(novel, guest, null)).isInstanceOfSatisfying(
				ProblemException.class,
				ex -> assertThat(ex.fieldErrors()).containsEntry("comment", "booking.comment.tooLong"));
		for (PlaceHold.Request request : List.of(noRules, badPhone, tooMany, past, novel)) {
			assertThatThrownBy(() -> this.placeHold.place(request, guest, null))
				.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(400));
		}
		long inactive = this.catalog.listing().inactive().create();
		assertThatThrownBy(() -> this.bookings.hold(inactive, DEC_10, DEC_13, guest))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThat(countBookings()).isZero();
		assertThat(this.jdbc.sql("select count(*) from occupancies").query(Long.class).single()).isZero();
	}

	private long countBookings() {
		return this.jdbc.sql("select count(*) from bookings").query(Long.class).single();
	}

}
