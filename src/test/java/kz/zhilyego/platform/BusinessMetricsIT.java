package kz.zhilyego.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
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
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.StartPayment;
import kz.zhilyego.payment.internal.SettlePayment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business meters count what happened: holds placed, expired, confirmed and
 * cancelled; payments started, paid (one of them late) and failed; sign-in failures and a
 * lockout.
 */
@IntegrationTest
class BusinessMetricsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	StartPayment startPayment;

	@Autowired
	SettlePayment settlePayment;

	@Autowired
	ExpireHolds expireHolds;

	@Autowired
	MutableClock clock;

	@Test
	void bookingAndPaymentMetersCountTheLifecycle() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long guest = identity.user("meters-guest@test.kz");
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		BookingFixtures bookings = new BookingFixtures(this.placeHold);
		Map<String, Double> before = snapshot();

		BookingDetails paidInTime = bookings.hold(listing, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 12),
				guest);
		BookingDetails paidLate = bookings.hold(listing, LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 16), guest);
		BookingDetails declined = bookings.hold(listing, LocalDate.of(2026, 12, 18), LocalDate.of(2026, 12, 20), guest);
		UUID first = this.startPayment.start(paidInTime.id(), guest, "m-1").payment().paymentId();
		UUID second = this.startPayment.start(paidLate.id(), guest, "m-2").payment().paymentId();
		UUID third = this.startPayment.start(declined.id(), guest, "m-3").payment().paymentId();
		this.settlePayment.apply(first, PaymentGateway.Outcome.PAID, null, "test");
		this.settlePayment.apply(third, PaymentGateway.Outcome.FAILED, null, "test");
		this.clock.advance(Duration.ofMinutes(16));
		this.expireHolds.expireDue();
		this.settlePayment.apply(second, PaymentGateway.Outcome.PAID, null, "test");

		Map<String, Double> after = snapshot();
		assertThat(delta(before, after, "zhilyego.holds.placed")).isEqualTo(3);
		assertThat(delta(before, after, "zhilyego.holds.expired")).isEqualTo(2);
		assertThat(delta(before, after, "zhilyego.bookings.confirmed")).isEqualTo(2);
		assertThat(delta(before, after, "zhilyego.payments.started")).isEqualTo(3);
		assertThat(delta(before, after, "zhilyego.payments.paid")).isEqualTo(2);
		assertThat(delta(before, after, "zhilyego.payments.late")).isEqualTo(1);
		assertThat(delta(before, after, "zhilyego.payments.failed")).isEqualTo(1);
	}

	@Test
	void signInFailuresAndLockoutsAreCounted() {
		TestDatabase.reset(this.jdbc);
		new IdentityFixtures(this.context).user("meters-login@test.kz");
		Map<String, Double> before = snapshot();

		Api api = new Api(this.port);
		for (int i = 0; i < 5; i++) {
			api.post("/api/v1/auth/token", Map.of("login", "meters-login@test.kz", "password", "not-it-" + i));
		}

		Map<String, Double> after = snapshot();
		assertThat(delta(before, after, "zhilyego.login.failures")).isEqualTo(5);
		assertThat(delta(before, after, "zhilyego.login.lockouts")).isEqualTo(1);
	}

	private Map<String, Double> snapshot() {
		Map<String, Double> totals = new java.util.TreeMap<>();
		this.meters.getMeters()
			.stream()
			.filter(meter -> meter.getId().getName().startsWith("zhilyego."))
			.forEach(meter -> meter.measure()
				.forEach(measurement -> totals.merge(meter.getId().getName(), measurement.getValue(), Double::sum)));
		return totals;
	}

	private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
		assertThat(after).as("meter %s", name).containsKey(name);
		return after.get(name) - before.getOrDefault(name, 0.0);
	}

}
