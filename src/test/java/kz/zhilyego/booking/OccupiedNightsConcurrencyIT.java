package kz.zhilyego.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.catalog.OccupiedNights;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The occupied-nights bitmaps (ADR 0006) under concurrency: threads place holds, confirm,
 * cancel, block, unblock and run the expiry job on the same two listings at once. Every
 * operation ends in a success or a clear 4xx (never a deadlock or another error), and
 * afterwards every bitmap equals its listing's occupancies.
 */
@IntegrationTest
class OccupiedNightsConcurrencyIT {

	private static final int THREADS = 8;

	private static final int OPERATIONS = 40;

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
	ListingBlocks blocks;

	@Autowired
	BookingQueries queries;

	@Autowired
	OccupiedNights occupiedNights;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void concurrentOccupancyChangesKeepEveryBitmapEqualToTheOccupancies() throws Exception {
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long realtor = identity.realtor("nights@test.kz", null);
		long admin = identity.superuser("nights-admin@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		List<Long> listings = List.of(catalog.listing().owner(realtor).create(),
				catalog.listing().owner(realtor).create());
		List<Long> guests = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			guests.add(identity.user("nights" + i + "@test.kz"));
		}
		List<UUID> booked = new CopyOnWriteArrayList<>();
		List<Long> blockIds = new CopyOnWriteArrayList<>();
		List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
		LocalDate base = LocalDate.of(2026, 12, 5);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> done = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					start.await();
					Random random = new Random(1000 + thread);
					int successes = 0;
					for (int i = 0; i < OPERATIONS; i++) {
						long listing = listings.get(random.nextInt(listings.size()));
						LocalDate checkIn = base.plusDays(random.nextInt(20));
						LocalDate checkOut = checkIn.plusDays(1 + random.nextInt(4));
						try {
							operate(random.nextInt(7), thread, random, listing, checkIn, checkOut, guests.get(thread),
									realtor, admin, booked, blockIds);
							successes++;
						}
						catch (ProblemException ex) {
							if (ex.status().value() >= 500) {
								unexpected.add(ex.status() + " " + ex.type());
							}
						}
						catch (RuntimeException ex) {
							unexpected.add(ex.toString());
						}
					}
					return successes;
				}));
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
		}
		int successes = 0;
		for (Future<Integer> result : done) {
			successes += result.get();
		}
		assertThat(unexpected).as("no deadlock, no server error").isEmpty();
		assertThat(successes).isGreaterThan(THREADS * OPERATIONS / 4);
		assertThat(this.jdbc.sql("select count(*) from occupancies").query(Long.class).single()).isPositive();
		OccupiedNights.Report report = this.occupiedNights.check();
		assertThat(report.mismatchedIds()).isEmpty();
		assertThat(report.consistent()).isTrue();
		assertThat(report.listings()).isEqualTo(2);
	}

	private void operate(int kind, int thread, Random random, long listing, LocalDate checkIn, LocalDate checkOut,
			long guest, long realtor, long admin, List<UUID> booked, List<Long> blockIds) {
		switch (kind) {
			case 0, 1 -> booked.add(this.placeHold
				.place(new PlaceHold.Request(listing, checkIn, checkOut, 2, "Гость " + thread, "8 701 123 45 67",
						"guest@example.kz", true, null), guest, null)
				.id());
			case 2 -> pick(booked, random).ifPresent(id -> {
				BookingDetails b = this.queries.find(id).orElseThrow();
				this.confirmPayment.confirm(id, "pay-" + id, new Money(b.total(), b.currency()));
			});
			case 3 -> pick(booked, random).ifPresent(id -> this.cancelBooking.cancel(id,
					CancellationReason.CHANGE_OF_PLANS, null, BookingFixtures.realtor(realtor)));
			case 4 -> {
				if (thread == 0) {
					// one thread moves time, so holds fall due while others work
					this.clock.advance(Duration.ofMinutes(5 + random.nextInt(20)));
				}
				this.expireHolds.expireDue();
			}
			case 5 -> blockIds.add(this.blocks
				.create(listing, checkIn, checkOut, BlockReason.MAINTENANCE, null, BookingFixtures.realtor(realtor))
				.id());
			default -> pick(blockIds, random).ifPresent(id -> this.blocks.remove(id, BookingFixtures.platform(admin)));
		}
	}

	private static <T> java.util.Optional<T> pick(List<T> items, Random random) {
		if (items.isEmpty()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(items.get(random.nextInt(items.size())));
	}

}
