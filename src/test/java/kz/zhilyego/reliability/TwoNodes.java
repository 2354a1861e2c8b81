package kz.zhilyego.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.TestApps;
import kz.zhilyego.booking.ExpireHolds;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.internal.Tokens;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.notification.internal.Dispatcher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app nodes on one database: guests race for the same listings and dates through both
 * nodes' HTTP APIs, then both nodes expire the holds at once, then both dispatch one
 * outbox at once. Used by {@code TwoNodesIT} (small) and the benchmark (large); the
 * caller checks the {@link Report}.
 */
public final class TwoNodes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext a;

	private final ConfigurableApplicationContext b;

	private final JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public TwoNodes(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
		this.a = a;
		this.b = b;
		this.jdbc = a.getBean(JdbcClient.class);
	}

	/**
	 * What happened: hold answers by status, overlapping occupancies, holds expired once
	 * / more than once / never, outbox messages enqueued, delivered, attempted.
	 */
	public record Report(Map<Integer, Long> holdAnswers, List<UUID> held, long overlaps, long expiredOnce,
			long expiredMoreThanOnce, long notExpired, int enqueued, long delivered, long attempts, long sentMessages) {

	}

	/**
	 * @param listings listings to fight over (each gets {@code guests.size()} racing
	 * requests, alternating nodes, all containing the night {@code firstNight + 2})
	 * @param makeHoldsDue moves time (test clocks) or due dates so the holds are overdue
	 * @param messages in-app messages to enqueue and dispatch from both nodes
	 */
	public Report run(List<Long> listings, List<Long> guests, LocalDate firstNight, Runnable makeHoldsDue, int messages)
			throws Exception {
		Tokens tokens = this.a.getBean(Tokens.class);
		List<String> bearers = guests.stream().map(g -> "Bearer " + tokens.accessToken(g)).toList();
		int[] ports = { TestApps.port(this.a), TestApps.port(this.b) };
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, listings.size() * guests.size()))) {
			int n = 0;
			for (long listing : listings) {
				for (int g = 0; g < guests.size(); g++) {
					int port = ports[n++ % 2];
					LocalDate checkIn = firstNight.plusDays(g % 3);
					String body = """
							{"listingId":%d,"checkIn":"%s","checkOut":"%s","guests":1,"guestName":"Гость","guestPhone":"+77011234567","rulesAccepted":true}
							"""
						.formatted(listing, checkIn, checkIn.plusDays(3));
					String bearer = bearers.get(g);
					answers.add(pool.submit(() -> {
						start.await();
						return this.http
							.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bookings"))
								.timeout(Duration.ofSeconds(60))
								.header("Content-Type", "application/json")
								.header("Authorization", bearer)
								.POST(HttpRequest.BodyPublishers.ofString(body))
								.build(), HttpResponse.BodyHandlers.ofString());
					}));
				}
			}
			start.countDown();
		}
		Map<Integer, Long> byStatus = new LinkedHashMap<>();
		List<UUID> held = new ArrayList<>();
		for (Future<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
			byStatus.merge(response.statusCode(), 1L, Long::sum);
			if (response.statusCode() == 201) {
				held.add(UUID.fromString(JSON.readTree(response.body()).get("id").asString()));
			}
		}
		long overlaps = overlaps();

		makeHoldsDue.run();
		// Like the scheduled job on each node: keep running until none of the holds is
		// left.
		// (One expireDue() call stops early when the other node wins a whole batch.)
		runOnBothNodes(context -> {
			ExpireHolds expireHolds = context.getBean(ExpireHolds.class);
			int runs = 0;
			while (runs++ < 200 && stillHeld(held) > 0) {
				expireHolds.expireDue();
			}
			return runs;
		});
		Map<String, Long> expiries = new LinkedHashMap<>();
		for (UUID id : held) {
			long count = this.jdbc
				.sql("select count(*) from booking_transitions where booking_id = :id and to_status = 'EXPIRED'")
				.param("id", id)
				.query(Long.class)
				.single();
			expiries.merge(count == 1 ? "once" : count == 0 ? "never" : "more", 1L, Long::sum);
		}

		String prefix = "two-nodes-" + UUID.randomUUID() + ":";
		TransactionTemplate transactions = this.a.getBean(TransactionTemplate.class);
		Notifications notifications = this.a.getBean(Notifications.class);
		for (int i = 0; i < messages; i++) {
			OutgoingMessage message = OutgoingMessage.builder(NotificationKind.BOOKING_CONFIRMED_GUEST, prefix + i)
				.recipient(guests.get(i % guests.size()), Language.RU)
				.param("bookingId", "ZH-" + i)
				.param("listingTitle", "Студия у Байтерека")
				.param("address", "Астана, Есиль, ул. Сыганак 10")
				.param("checkIn", "12.12.2026")
				.param("checkOut", "15.12.2026")
				.param("nights", 3)
				.param("total", "54 000")
				.param("currency", "KZT")
				.param("realtorName", "Айгерим")
				.param("realtorPhone", "+77011234567")
				.param("bookingUrl", "http://localhost:8080/bookings/ZH-" + i)
				.inApp();
			transactions.executeWithoutResult(status -> notifications.enqueue(message));
		}
		runOnBothNodes(context -> {
			Dispatcher dispatcher = context.getBean(Dispatcher.class);
			for (int round = 0; round < 100 && waiting(prefix) > 0; round++) {
				dispatcher.dispatchDue();
			}
			return 0;
		});
		long delivered = this.jdbc.sql("""
				select count(*) from in_app_notifications i join notification_outbox o on o.id = i.outbox_id
				where o.dedup_key like :prefix || '%'
				""").param("prefix", prefix).query(Long.class).single();
		long attempts = this.jdbc
			.sql("select coalesce(sum(attempts), 0) from notification_outbox where dedup_key like :prefix || '%'")
			.param("prefix", prefix)
			.query(Long.class)
			.single();
		long sent = this.jdbc
			.sql("select count(*) from notification_outbox where dedup_key like :prefix || '%' and status = 'SENT'")
			.param("prefix", prefix)
			.query(Long.class)
			.single();
		return new Report(byStatus, held, overlaps, expiries.getOrDefault("once", 0L),
				expiries.getOrDefault("more", 0L), expiries.getOrDefault("never", 0L), messages, delivered, attempts,
				sent);
	}

	private long stillHeld(List<UUID> held) {
		if (held.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select count(*) from bookings where id in (:ids) and status = 'HOLD'")
			.param("ids", held)
			.query(Long.class)
			.single();
	}

	private long waiting(String prefix) {
		return this.jdbc.sql("""
				select count(*) from notification_outbox
				where dedup_key like :prefix || '%' and status in ('PENDING', 'SENDING')
				""").param("prefix", prefix).query(Long.class).single();
	}

	/** Two threads per node, all started together; waits for all (bounded). */
	private void runOnBothNodes(NodeTask task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (ConfigurableApplicationContext node : List.of(this.a, this.b, this.a, this.b)) {
				results.add(pool.submit(() -> {
					start.await();
					return task.run(node);
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				result.get(2, TimeUnit.MINUTES);
			}
		}
	}

	/** Occupancies overlapping another of the same listing (must be 0). */
	public long overlaps() {
		return this.jdbc.sql("""
				select count(*) from (
				  select period && lag(period) over (partition by listing_id order by lower(period), id) as clash
				  from occupancies
				) x where clash
				""").query(Long.class).single();
	}

	@FunctionalInterface
	interface NodeTask {

		int run(ConfigurableApplicationContext node) throws Exception;

	}

}
