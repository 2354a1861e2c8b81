package kz.zhilyego.admin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.MarkStay;
import kz.zhilyego.feedback.Feedback;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.ReminderHandler;
import kz.zhilyego.notification.ReminderKind;
import kz.zhilyego.review.Reviews;
import kz.zhilyego.web.SiteSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily metrics against figures computed by hand, built through the use cases
 * (commission 10 %; every listing created on 20 Nov unless said otherwise):
 *
 * <pre>
 * 20 Nov   bx  Студия (realtor A)  g2  21–23 Nov  paid; completed on 28 Nov
 *          by  Лофт (head A)       g1  22–24 Nov  paid; completed on 28 Nov
 * 1 Dec    b1  Студия   g1  10–13 Dec  60 000  paid
 * 10:00    b2  Лофт     g2  10–12 Dec  20 000  paid
 *          b3  Дом      g1  15–17 Dec  30 000  paid
 *          b5  Дом      g2  20–22 Dec  30 000  paid, cancelled by the guest (change of plans): 100 % back
 *          a new user registers and a new listing (Новая квартира) is created
 *          g2 reviews bx with 4, g1 reviews by with 5
 *          feedback requests go out for bx and by; g2 answers with a rating
 * </pre>
 *
 * 1 Dec: 4 bookings made (3 CONFIRMED, 1 CANCELLED), 4 paid in the ledger, revenue 60 000
 * + 20 000 + 30 000 + 30 000 = 140 000, refunds 30 000, commission 6 000 + 2 000 + 3 000
 * + 3 000 − 3 000 (b5 reversed) = 11 000; the night of 1 Dec: 5 listings live, none
 * booked → 0.0 %; 1 new user, 1 new listing; 1 cancellation (CHANGE_OF_PLANS); 2 reviews
 * averaging (4 + 5) / 2 = 4.50; 2 feedback requests, 1 rated → 50.0 %. 10 Dec: nothing
 * made or paid; the night of 10 Dec: 5 listings live, Студия (b1) and Лофт (b2) booked →
 * 2 / 5 = 40.0 %.
 */
@IntegrationTest
class DailyMetricsIT {

	private static final LocalDate DEC_1 = LocalDate.parse("2026-12-01");

	private static final LocalDate DEC_10 = LocalDate.parse("2026-12-10");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	MarkStay markStay;

	@Autowired
	Reviews reviews;

	@Autowired
	Feedback feedback;

	@Autowired
	DailyMetrics metrics;

	Api api;

	AdminFixtures f;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.set(Instant.parse("2026-11-20T05:00:00Z"));
		this.api = new Api(this.port);
		this.f = new AdminFixtures(this.context, this.api).people();
		long studio = this.f.listing(this.f.realtorA, "Студия у Байтерека", 20_000);
		long loft = this.f.listing(this.f.headA, "Лофт на Есиле", 10_000);
		long house = this.f.listing(this.f.realtorB, "Дом с садом", 15_000);
		this.f.listing(this.f.independent, "Коттедж", 30_000);
		UUID bx = this.f.paid(studio, this.f.guest2, "2026-11-21", "2026-11-23");
		UUID by = this.f.paid(loft, this.f.guest1, "2026-11-22", "2026-11-24");
		this.clock.set(Instant.parse("2026-11-28T05:00:00Z"));
		for (UUID stay : List.of(bx, by)) {
			this.markStay.checkIn(stay, BookingFixtures.platform(this.f.superuser));
			this.markStay.checkOut(stay, BookingFixtures.platform(this.f.superuser));
		}

		this.clock.set(MutableClock.START);
		this.f.paid(studio, this.f.guest1, "2026-12-10", "2026-12-13");
		this.f.paid(loft, this.f.guest2, "2026-12-10", "2026-12-12");
		this.f.paid(house, this.f.guest1, "2026-12-15", "2026-12-17");
		UUID b5 = this.f.paid(house, this.f.guest2, "2026-12-20", "2026-12-22");
		this.cancelBooking.cancel(b5, CancellationReason.CHANGE_OF_PLANS, null, BookingFixtures.guest(this.f.guest2));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from ledger_entries where entry_type = 'GROSS_REVERSAL'")
				.query(Long.class)
				.single() == 1);
		long newcomer = this.f.identity.user("newcomer@test.kz");
		this.jdbc.sql("update users set created_at = :now where id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", newcomer)
			.update();
		this.f.catalog.listing()
			.owner(this.f.independent)
			.title("Новая квартира")
			.price(12_000)
			.createdAt(MutableClock.START.toString())
			.create();
		this.reviews.submit(bx, BookingFixtures.guest(this.f.guest2), 4, "Хорошо");
		this.reviews.submit(by, BookingFixtures.guest(this.f.guest1), 5, "Отлично");
		// as the reminder job fires them: in a transaction
		this.context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
			for (ReminderHandler handler : this.context.getBeansOfType(ReminderHandler.class).values()) {
				handler.fire(bx, ReminderKind.FEEDBACK_REQUEST);
				handler.fire(by, ReminderKind.FEEDBACK_REQUEST);
			}
		});
		long request = this.jdbc.sql("select id from feedback_requests where booking_id = :b")
			.param("b", bx)
			.query(Long.class)
			.single();
		this.feedback.rateInChat(request, 5, this.f.guest2);
	}

	/** A superuser's bearer token issued now on the test clock. */
	private String root() {
		return this.f.bearer(this.f.superuser);
	}

	@Test
	void theDayHasTheHandComputedFiguresAndARecomputeGivesTheSameRow() {
		DailyMetrics.Day first = this.metrics.compute(DEC_1);

		assertThat(first.bookingsMade()).isEqualTo(4);
		assertThat(first.bookingsByStatus()).containsEntry("CONFIRMED", 3L)
			.containsEntry("CANCELLED", 1L)
			.containsEntry("HOLD", 0L)
			.containsEntry("COMPLETED", 0L);
		assertThat(first.paidBookings()).isEqualTo(4);
		assertThat(first.revenue()).isEqualByComparingTo("140000");
		assertThat(first.refunds()).isEqualByComparingTo("30000");
		assertThat(first.commission()).isEqualByComparingTo("11000");
		assertThat(first.availableNights()).isEqualTo(5);
		assertThat(first.bookedNights()).isZero();
		assertThat(first.occupancyPercent()).isEqualByComparingTo("0.0");
		assertThat(first.newUsers()).isEqualTo(1);
		assertThat(first.newListings()).isEqualTo(1);
		assertThat(first.cancellations()).isEqualTo(1);
		assertThat(first.cancellationsByReason()).containsEntry("CHANGE_OF_PLANS", 1L)
			.containsEntry("OTHER", 0L)
			.containsEntry("UNSPECIFIED", 0L);
		assertThat(first.reviews()).isEqualTo(2);
		assertThat(first.averageRating()).isEqualByComparingTo("4.50");
		assertThat(first.feedbackRequests()).isEqualTo(2);
		assertThat(first.feedbackRated()).isEqualTo(1);
		assertThat(first.feedbackRatePercent()).isEqualByComparingTo("50.0");

		this.clock.set(Instant.parse("2026-12-11T05:00:00Z"));
		Api.Response recompute = this.api.post("/api/v1/admin/metrics/daily/recompute?from=2026-12-01&to=2026-12-10",
				Map.of(), "Authorization", root());
		assertThat(recompute.status()).as(recompute.body()).isEqualTo(200);
		assertThat(recompute.json().get("days").asInt()).isEqualTo(10);

		Api.Response read = this.api.get("/api/v1/admin/metrics/daily?from=2026-12-01&to=2026-12-10", "Authorization",
				root());
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode days = read.json().get("days");
		assertThat(days).hasSize(10);
		assertThat(days.get(0).get("day").asString()).isEqualTo("2026-12-01");
		assertThat(days.get(0).get("revenue").decimalValue()).isEqualByComparingTo("140000");
		assertThat(days.get(0).get("cancellationsByReason").get("CHANGE_OF_PLANS").asLong()).isEqualTo(1);
		JsonNode tenth = days.get(9);
		assertThat(tenth.get("day").asString()).isEqualTo("2026-12-10");
		assertThat(tenth.get("bookingsMade").asLong()).isZero();
		assertThat(tenth.get("revenue").decimalValue()).isEqualByComparingTo("0");
		assertThat(tenth.get("bookedNights").asLong()).isEqualTo(2);
		assertThat(tenth.get("availableNights").asLong()).isEqualTo(5);
		assertThat(tenth.get("occupancyPercent").decimalValue()).isEqualByComparingTo("40.0");

		DailyMetrics.Day again = this.metrics.list(DEC_1, DEC_1).getFirst();
		assertThat(again).usingRecursiveComparison()
			.ignoringFields("computedAt")
			.withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
			.isEqualTo(first);
		assertThat(again.computedAt()).isEqualTo(Instant.parse("2026-12-11T05:00:00Z"));
		assertThat(this.jdbc.sql("select count(*) from daily_metrics").query(Long.class).single()).isEqualTo(10);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'metrics.recompute' and actor_id = :root
				and subject_id = '2026-12-01..2026-12-10'
				""").param("root", this.f.superuser).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theOverviewLoadsTheChartAndItsFormRecomputes() {
		this.clock.set(Instant.parse("2026-12-02T05:00:00Z"));
		SiteSession site = new SiteSession(this.port).signIn("root@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page overview = site.get("/admin");
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.html().selectFirst("#daily-metrics").attr("data-hx-get")).isEqualTo("/admin/metrics/daily");
		SiteSession.Page empty = site.get("/admin/metrics/daily");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.html().selectFirst("#daily-metrics-empty")).isNotNull();

		SiteSession.Page done = site.post(empty, "/admin/metrics/daily/recompute",
				Map.of("from", "2026-12-01", "to", "2026-12-01"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(site.get("/admin").html().selectFirst("#flash").text()).contains("1");
		SiteSession.Page chart = site.get("/admin/metrics/daily");
		org.jsoup.nodes.Element row = chart.html().selectFirst("#daily-metrics-table tbody tr");
		assertThat(row.text()).startsWith("01.12.2026").contains("140 000,00", "11 000,00", "4.50", "50.0 %");
		assertThat(chart.html().selectFirst("#daily-metrics-data").data()).contains("\"revenue\":140000");

		SiteSession.Page refused = site.post(chart, "/admin/metrics/daily/recompute", Map.of("from", "2026-12-05"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(site.get("/admin").html().selectFirst("#flash-error")).isNotNull();
		assertThat(this.jdbc.sql("select count(*) from daily_metrics").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void messagesOfTheDayAreCountedByOutcome() {
		// the outbox's own states: one sent, one failed for good, one still waiting (in
		// neither)
		Timestamp at = Timestamp.from(Instant.parse("2026-12-02T06:00:00Z"));
		for (String[] row : new String[][] { { "m-sent", "SENT" }, { "m-dead", "DEAD" }, { "m-wait", "PENDING" } }) {
			this.jdbc.sql("""
					insert into notification_outbox (kind, channel, address, language, dedup_key, status, attempts,
					    next_attempt_at, created_at)
					values ('BOOKING_CONFIRMED_GUEST', 'EMAIL', 'x@test.kz', 'ru', :key, :status, 0, :at, :at)
					""").param("key", row[0]).param("status", row[1]).param("at", at).update();
		}
		this.clock.set(Instant.parse("2026-12-03T05:00:00Z"));
		DailyMetrics.Day day = this.metrics.compute(LocalDate.parse("2026-12-02"));
		assertThat(day.messagesSent()).isEqualTo(1);
		assertThat(day.messagesFailed()).isEqualTo(1);
		assertThat(day.bookingsMade()).isZero();
		assertThat(day.reviews()).isZero();
		assertThat(day.averageRating()).isEqualByComparingTo("0");
		assertThat(day.feedbackRatePercent()).isEqualByComparingTo("0");
	}

	@Test
	void twoJobsAtOnceWriteOneRowPerDay() throws Exception {
		this.clock.set(Instant.parse("2026-12-11T05:00:00Z"));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> job = () -> {
				start.await();
				return this.metrics.runForYesterday();
			};
			List<Future<Integer>> runs = new ArrayList<>();
			runs.add(pool.submit(job));
			runs.add(pool.submit(job));
			start.countDown();
			for (Future<Integer> run : runs) {
				assertThat(run.get()).as("the 31 days up to yesterday").isEqualTo(DailyMetrics.CATCH_UP_DAYS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*), count(distinct day), min(day), max(day) from daily_metrics")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.single()).containsExactly(31L, 31L, "2026-11-10", "2026-12-10");
		assertThat(this.jdbc.sql("select revenue from daily_metrics where day = '2026-12-01'")
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("140000");

		this.clock.set(Instant.parse("2026-12-12T05:00:00Z"));
		assertThat(this.metrics.runForYesterday()).as("only the day after the last row").isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from daily_metrics").query(Long.class).single()).isEqualTo(32);
	}

	@Test
	void badPeriodsAreProblems() {
		this.clock.set(Instant.parse("2026-12-11T05:00:00Z"));
		String[] bad = { "", "?from=2026-12-01", "?from=2026-12-10&to=2026-12-01", "?from=2025-01-01&to=2026-12-01",
				"?from=nope&to=2026-12-01" };
		for (String query : bad) {
			Api.Response response = this.api.get("/api/v1/admin/metrics/daily" + query, "Authorization", root());
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
		}
		Api.Response future = this.api.post("/api/v1/admin/metrics/daily/recompute?from=2026-12-12", Map.of(),
				"Authorization", root());
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("errors") != null || future.json().get("detail") != null).isTrue();
		Api.Response tooLong = this.api.post("/api/v1/admin/metrics/daily/recompute?from=2025-01-01&to=2026-12-01",
				Map.of(), "Authorization", root());
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from daily_metrics").query(Long.class).single()).isZero();
	}

}
