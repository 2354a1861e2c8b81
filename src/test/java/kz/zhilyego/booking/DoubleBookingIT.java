package kz.zhilyego.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DoubleBookingIT {

	private static final int THREADS = 60;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void sixtyThreadsBookingOverlappingDatesAtOnceGiveOneWinner() throws Exception {
		long listing = new CatalogFixtures(this.jdbc).listing().create();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		List<Long> guests = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			guests.add(identity.user("guest" + i + "@test.kz"));
		}
		LocalDate base = LocalDate.of(2026, 12, 10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			for (int i = 0; i < THREADS; i++) {
				long guest = guests.get(i);
				// every request overlaps every other: all contain the night of Dec 12
				LocalDate checkIn = base.plusDays(i % 3);
				LocalDate checkOut = checkIn.plusDays(3);
				results.add(pool.submit(() -> {
					start.await();
					try {
						this.placeHold.place(BookingFixtures.request(listing, checkIn, checkOut), guest, null);
						return "HOLD";
					}
					catch (ProblemException ex) {
						return ex.status().value() + " " + ex.type();
					}
				}));
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		List<String> outcomes = new ArrayList<>();
		for (Future<String> result : results) {
			outcomes.add(result.get());
		}

		assertThat(outcomes).filteredOn("HOLD"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !o.equals("HOLD"))
			.hasSize(THREADS - 1)
			.allMatch("409 dates-unavailable"::equals);
		assertThat(overlappingActiveOccupancies()).isZero();
		assertThat(this.jdbc.sql("select count(*) from bookings where status = 'HOLD'").query(Long.class).single())
			.isEqualTo(1);
	}

	private long overlappingActiveOccupancies() {
		return this.jdbc.sql("""
				select count(*) from occupancies a join occupancies b
				  on a.listing_id = b.listing_id and a.id < b.id and a.period && b.period
				""").query(Long.class).single();
	}

}
