package kz.zhilyego.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.Reminders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cancellation webhooks on two app nodes: the shared test context and a second
 * application on the same database. Stays booked from outside, half of them cancelled by
 * events delivered to both nodes at once; then the second node restarts, and both fire
 * the due reminders at the same time. No job of a cancelled booking runs, every job of
 * the others runs exactly once.
 */
@IntegrationTest
class ChannelNodesIT {

	private static final int STAYS = 6;

	static ConfigurableApplicationContext second;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	Reminders reminders;

	@Autowired
	HikariDataSource dataSource;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		if (second == null) {
			second = startSecondNode();
		}
		second.getBean(MutableClock.class).reset();
	}

	private ConfigurableApplicationContext startSecondNode() {
		return TestApps.start(
				Map.of("spring.profiles.active", "test", "server.port", 0, "spring.datasource.url",
						this.dataSource.getJdbcUrl(), "spring.datasource.username", "postgres",
						"spring.datasource.hikari.maximum-pool-size", 10, "spring.flyway.enabled", false),
				TestClockConfig.class);
	}

	@AfterAll
	static void stopSecondNode() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void cancelledOnEitherNodeNoJobRunsAndEveryOtherJobRunsOnceAcrossARestart() throws Exception {
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long realtor = identity.realtor("realtor@test.kz", null);
		long listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).create();
		Api a = new Api(this.port);
		ChannelFixtures.Connection connection = ChannelFixtures.connect(a, identity.bearer(realtor), "Bukza",
				List.of(listing), Map.of());
		List<UUID> bookings = new ArrayList<>();
		for (int i = 0; i < STAYS; i++) {
			Api node = i % 2 == 0 ? a : new Api(TestApps.port(second));
			String checkIn = "2026-12-" + (10 + 3 * i);
			String checkOut = "2026-12-" + (12 + 3 * i);
			Api.Response created = ChannelFixtures.send(node, connection, ChannelFixtures.booking("booking.created",
					"N-" + i, listing, checkIn, checkOut, null, "+7701000003" + i, "node" + i + "@example.kz"),
					this.clock.instant());
			assertThat(created.status()).as(created.body()).isEqualTo(200);
			bookings.add(UUID.fromString(created.json().get("bookingId").asString()));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> pending(bookings) == 3L * STAYS);
		List<UUID> cancelled = bookings.subList(0, STAYS / 2);
		List<UUID> kept = bookings.subList(STAYS / 2, STAYS);

		// each cancellation reaches both nodes at the same moment (a sender's retry)
		this.clock.advance(Duration.ofMinutes(1));
		second.getBean(MutableClock.class).advance(Duration.ofMinutes(1));
		List<Api> nodes = List.of(a, new Api(TestApps.port(second)));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(STAYS)) {
			for (int i = 0; i < cancelled.size(); i++) {
				String event = ChannelFixtures.cancelled("N-" + i, null);
				for (Api node : nodes) {
					answers.add(pool.submit(() -> {
						start.await();
						return ChannelFixtures.send(node, connection, event, this.clock.instant());
					}));
				}
			}
			start.countDown();
		}
		for (Future<Api.Response> answer : answers) {
			assertThat(answer.get(1, TimeUnit.MINUTES).status()).isEqualTo(200);
		}
		assertThat(pending(cancelled)).as("no job of a cancelled booking is left").isZero();
		await().atMost(Duration.ofSeconds(20)).until(() -> count("""
				select count(*) from notification_outbox
				where booking_id in (:ids) and kind = 'BOOKING_CANCELLED_GUEST' and channel = 'EMAIL'
				""", cancelled) == cancelled.size());

		// the second node restarts; then both run the reminder job at once, late enough
		// for every reminder of every stay to be due
		second.close();
		second = startSecondNode();
		Instant late = Instant.parse("2026-12-29T12:00:00Z");
		this.clock.set(late);
		second.getBean(MutableClock.class).set(late);
		List<Reminders> jobs = List.of(this.reminders, second.getBean(Reminders.class));
		CountDownLatch go = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> runs = new ArrayList<>();
			for (Reminders job : jobs) {
				runs.add(pool.submit(() -> {
					go.await();
					int fired = 0;
					for (int round = 0; round < 20 && pendingDue(late) > 0; round++) {
						fired += job.fireDue();
					}
					return fired;
				}));
			}
			go.countDown();
			int fired = 0;
			for (Future<Integer> run : runs) {
				fired += run.get(2, TimeUnit.MINUTES);
			}
			assertThat(fired).as("fired by both nodes together: each job once").isEqualTo(3 * kept.size());
		}
		assertThat(count("""
				select count(*) from notification_reminders
				where booking_id in (:ids) and status <> 'CANCELLED'
				""", cancelled)).isZero();
		assertThat(count("""
				select count(*) from notification_outbox
				where booking_id in (:ids) and kind like 'REMINDER%'
				""", cancelled)).as("a cancelled guest hears no reminder").isZero();
		assertThat(count("""
				select count(*) from notification_reminders
				where booking_id in (:ids) and status = 'FIRED'
				""", kept)).isEqualTo(3L * kept.size());
		assertThat(count("""
				select count(*) from notification_outbox
				where booking_id in (:ids) and kind like 'REMINDER%' and channel = 'EMAIL'
				""", kept)).as("each reminder of each kept stay once").isEqualTo(3L * kept.size());
		assertThat(count("""
				select count(*) from notification_outbox
				where booking_id in (:ids) and kind = 'BOOKING_CANCELLED_GUEST' and channel = 'EMAIL'
				""", cancelled)).as("told once, though cancelled twice").isEqualTo(cancelled.size());
		assertThat(count("select count(*) from bookings where id in (:ids) and status = 'CANCELLED'", cancelled))
			.isEqualTo(cancelled.size());
	}

	private long pending(List<UUID> bookings) {
		return count("select count(*) from notification_reminders where booking_id in (:ids) and status = 'PENDING'",
				bookings);
	}

	private long pendingDue(Instant now) {
		return this.jdbc.sql("select count(*) from notification_reminders where status = 'PENDING' and due_at <= :now")
			.param("now", java.sql.Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	private long count(String sql, List<UUID> bookings) {
		return this.jdbc.sql(sql).param("ids", bookings).query(Long.class).single();
	}

}
