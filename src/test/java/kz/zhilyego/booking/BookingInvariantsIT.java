package kz.zhilyego.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.catalog.ListingSearch;
import kz.zhilyego.catalog.ListingSearchCriteria;
import kz.zhilyego.catalog.OccupiedNights;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of holds, payments, cancellations, expiries, blocks, check-ins and
 * check-outs on a few listings (seeded: the seed is in the test name and every assertion
 * message). After every step: no two active occupancies of a listing overlap, occupancy
 * rows match statuses, and every recorded transition is one the lifecycle allows.
 */
@IntegrationTest
class BookingInvariantsIT {

	private static final int STEPS = 150;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	ConfirmPayment confirmPayment;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	ExpireHolds expireHolds;

	@Autowired
	MarkStay markStay;

	@Autowired
	ListingBlocks blocks;

	@Autowired
	BookingQueries queries;

	@Autowired
	MutableClock clock;

	@Autowired
	OccupiedNights occupiedNights;

	@Autowired
	ListingSearch search;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20261122, 7_777_777 })
	void statusesFollowTheLifecycleAndOccupanciesNeverOverlap(long seed) {
		Random random = new Random(seed);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long realtorA = identity.realtor("a@test.kz", null);
		long realtorB = identity.realtor("b@test.kz", null);
		long admin = identity.superuser("admin@test.kz");
		List<Long> guests = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			guests.add(identity.user("guest" + i + "@test.kz"));
		}
		List<Long> listings = List.of(catalog.listing().owner(realtorA).create(),
				catalog.listing().owner(realtorA).create(), catalog.listing().owner(realtorB).create());
		List<UUID> booked = new ArrayList<>();
		List<Long> blockIds = new ArrayList<>();
		for (int step = 0; step < STEPS; step++) {
			LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
			String context = "seed " + seed + ", step " + step;
			long listing = listings.get(random.nextInt(listings.size()));
			LocalDate checkIn = today.plusDays(1 + random.nextInt(20));
			LocalDate checkOut = checkIn.plusDays(1 + random.nextInt(5));
			long owner = listing == listings.get(2) ? realtorB : realtorA;
			try {
				switch (random.nextInt(8)) {
					case 0, 1 -> booked.add(
							this.placeHold
								.place(BookingFixtures.request(listing, checkIn, checkOut),
										guests.get(random.nextInt(guests.size())), null)
								.id());
					case 2 -> pick(booked, random).ifPresent(id -> {
						BookingDetails b = this.queries.find(id).orElseThrow();
						this.confirmPayment.confirm(id, "pay-" + id, new Money(b.total(), b.currency()));
					});
					case 3 -> pick(booked, random).ifPresent(id -> {
						BookingDetails b = this.queries.find(id).orElseThrow();
						AccessScope scope = random.nextBoolean() ? BookingFixtures.guest(b.guestId())
								: BookingFixtures.realtor(b.ownerId());
						this.cancelBooking.cancel(id, CancellationReason.CHANGE_OF_PLANS, null, scope);
					});
					case 4 -> {
						this.clock.advance(Duration.ofMinutes(random.nextInt(20)));
						this.expireHolds.expireDue();
					}
					case 5 -> blockIds.add(
							this.blocks
								.create(listing, checkIn, checkOut, BlockReason.MAINTENANCE, null,
										BookingFixtures.realtor(owner))
								.id());
					case 6 ->
						pick(blockIds, random).ifPresent(id -> this.blocks.remove(id, BookingFixtures.platform(admin)));
					default -> pick(booked, random).ifPresent(id -> {
						BookingDetails b = this.queries.find(id).orElseThrow();
						if (b.status() == BookingStatus.CONFIRMED) {
							// jump to the check-in day now and then (time only moves
							// forward)
							Instant arrival = b.checkIn().atTime(15, 0).atZone(Zones.KAZAKHSTAN).toInstant();
							if (random.nextInt(4) == 0 && arrival.isAfter(this.clock.instant())) {
								this.clock.set(arrival);
							}
							this.markStay.checkIn(id, BookingFixtures.realtor(b.ownerId()));
						}
						else {
							this.markStay.checkOut(id, BookingFixtures.realtor(b.ownerId()));
						}
					});
				}
			}
			catch (ProblemException expected) {
				assertThat(expected.status().value()).as(context).isIn(400, 404, 409);
			}
			assertInvariants(context);
			assertSearchAgreesWithOccupancies(context, listings, today, random);
		}
		assertThat(this.jdbc.sql("select distinct to_status from booking_transitions").query(String.class).list())
			.as("seed %d exercised the lifecycle", seed)
			.contains("HOLD", "CONFIRMED", "CANCELLED", "EXPIRED");
	}

	/**
	 * The occupied-nights bitmaps (ADR 0006) never disagree with the occupancy relation,
	 * and search (which tests the bitmaps) finds a listing free exactly when no occupancy
	 * overlaps the stay.
	 */
	private void assertSearchAgreesWithOccupancies(String context, List<Long> listings, LocalDate today,
			Random random) {
		OccupiedNights.Report report = this.occupiedNights.check();
		assertThat(report.mismatchedIds()).as(context + ": bitmaps agree with occupancies").isEmpty();
		assertThat(report.consistent()).as(context).isTrue();
		LocalDate checkIn = today.plusDays(random.nextInt(24));
		Stay stay = new Stay(checkIn, checkIn.plusDays(1 + random.nextInt(4)));
		List<Long> free = this.search
			.search(new ListingSearchCriteria(null, List.of(), null, null, null, null, stay, null, null, null,
					List.of(), null, kz.zhilyego.catalog.SearchSort.PRICE_ASC, 0, 100), Language.RU)
			.items()
			.stream()
			.map(kz.zhilyego.catalog.ListingSummary::id)
			.toList();
		List<Long> expected = listings.stream()
			.filter(id -> !this.jdbc
				.sql("select exists (select 1 from occupancies where listing_id = :id"
						+ " and period && daterange(:in, :out))")
				.param("id", id)
				.param("in", stay.checkIn())
				.param("out", stay.checkOut())
				.query(Boolean.class)
				.single())
			.toList();
		assertThat(free).as(context + ": free for " + stay).containsExactlyInAnyOrderElementsOf(expected);
	}

	private void assertInvariants(String context) {
		assertThat(this.jdbc.sql("""
				select count(*) from occupancies a join occupancies b
				  on a.listing_id = b.listing_id and a.id < b.id and a.period && b.period
				""").query(Long.class).single()).as(context + ": overlapping occupancies").isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from bookings b left join occupancies o on o.booking_id = b.id
				where (b.status in ('HOLD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')) <> (o.id is not null)
				   or (o.id is not null and (o.period <> daterange(b.check_in, b.check_out)
				       or o.listing_id <> b.listing_id))
				""").query(Long.class).single()).as(context + ": occupancy rows match statuses").isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from listing_blocks b left join occupancies o on o.block_id = b.id
				where (b.removed_at is null) <> (o.id is not null)
				""").query(Long.class).single()).as(context + ": block occupancy").isZero();
		List<Map<String, Object>> transitions = this.jdbc
			.sql("select booking_id, from_status, to_status from booking_transitions order by booking_id, at, id")
			.query()
			.listOfRows();
		Object lastBooking = null;
		String lastStatus = null;
		for (Map<String, Object> t : transitions) {
			String from = (String) t.get("from_status");
			String to = (String) t.get("to_status");
			if (!t.get("booking_id").equals(lastBooking)) {
				assertThat(from).as(context + ": first transition starts nowhere").isNull();
				assertThat(to).as(context).isEqualTo("HOLD");
			}
			else {
				assertThat(from).as(context + ": chain").isEqualTo(lastStatus);
				assertThat(BookingLifecycle.allows(BookingStatus.valueOf(from), BookingStatus.valueOf(to)))
					.as(context + ": " + from + " → " + to)
					.isTrue();
			}
			lastBooking = t.get("booking_id");
			lastStatus = to;
		}
		assertThat(this.jdbc.sql("""
				select count(*) from bookings b
				where b.status <> (select t.to_status from booking_transitions t where t.booking_id = b.id
				                   order by t.at desc, t.id desc limit 1)
				""").query(Long.class).single()).as(context + ": status equals last transition").isZero();
	}

	private static <T> Optional<T> pick(List<T> items, Random random) {
		return items.isEmpty() ? Optional.empty() : Optional.of(items.get(random.nextInt(items.size())));
	}

}
