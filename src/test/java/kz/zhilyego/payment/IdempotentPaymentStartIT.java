package kz.zhilyego.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting a payment uses the same Idempotency-Key mechanism as a hold (hardening finding
 * 12): parallel starts with one key open one payment and all get it; the key checks the
 * request too, not only itself.
 */
@IntegrationTest
class IdempotentPaymentStartIT {

	private static final int THREADS = 20;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	StartPayment startPayment;

	long guest;

	long listing;

	BookingDetails hold;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.guest = new IdentityFixtures(this.jdbc).user("idem-pay@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		this.hold = new BookingFixtures(this.placeHold).hold(this.listing, LocalDate.of(2026, 12, 10),
				LocalDate.of(2026, 12, 13), this.guest);
	}

	@Test
	void twentyParallelStartsWithOneKeyOpenOnePaymentAndAllGetIt() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<StartPayment.Started>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			for (int i = 0; i < THREADS; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return this.startPayment.start(this.hold.id(), this.guest, "pay-1");
				}));
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		List<StartPayment.Started> started = new ArrayList<>();
		for (Future<StartPayment.Started> future : futures) {
			started.add(future.get());
		}

		UUID only = this.jdbc.sql("select id from payments").query(UUID.class).single();
		assertThat(started).extracting(s -> s.payment().paymentId()).hasSize(THREADS).containsOnly(only);
		assertThat(started).filteredOn(StartPayment.Started::created).hasSize(1);
	}

	@Test
	void theSameKeyForAnotherBookingIsA422() {
		BookingDetails other = new BookingFixtures(this.placeHold).hold(this.listing, LocalDate.of(2026, 12, 20),
				LocalDate.of(2026, 12, 22), this.guest);
		this.startPayment.start(this.hold.id(), this.guest, "pay-2");

		assertThatThrownBy(() -> this.startPayment.start(other.id(), this.guest, "pay-2"))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(ex.type()).isEqualTo("idempotency-key-reused");
			});
		assertThat(this.jdbc.sql("select count(*) from payments").query(Long.class).single()).isEqualTo(1);
	}

}
