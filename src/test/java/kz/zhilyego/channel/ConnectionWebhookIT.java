package kz.zhilyego.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Booking webhooks of a connection end to end over HTTP: the signature and timestamp,
 * replays, events out of order and twice, a conflict (409, nothing written, the realtor
 * alerted), guests matched or given a lightweight account, a cancellation that frees the
 * nights and cancels every pending job of the booking.
 */
@IntegrationTest
class ConnectionWebhookIT {

	private static final String GUEST_PHONE = "+77017654321";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Api api;

	long realtor;

	long listing;

	long mapped;

	ChannelFixtures.Connection connection;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.realtor = identity.realtor("realtor@test.kz", null);
		this.jdbc
			.sql("update users set telegram_chat_id = 555001, telegram_user_id = 555001, telegram_enabled = true"
					+ " where id = :id")
			.param("id", this.realtor)
			.update();
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing().owner(this.realtor).title("Студия у Байтерека").create();
		this.mapped = catalog.listing().owner(this.realtor).create();
		this.connection = ChannelFixtures.connect(this.api, identity.bearer(this.realtor), "Bukza",
				List.of(this.listing), Map.of("bukza-7", this.mapped));
	}

	private Api.Response send(String body) {
		return ChannelFixtures.send(this.api, this.connection, body, this.clock.instant());
	}

	@Test
	void onlyAFreshSignatureOverTheRawBodyIsAcceptedAndAReplayChangesNothing() {
		String body = ChannelFixtures.booking("booking.created", "B-1", this.listing, "2026-12-10", "2026-12-13", null,
				GUEST_PHONE, "dana@example.kz");
		long now = this.clock.instant().getEpochSecond();

		Api.Response forged = this.api.post(this.connection.path(), body, "X-Zhilyego-Timestamp", String.valueOf(now),
				"X-Zhilyego-Signature", WebhookSignature.sign("whsec_guessed", now, body.getBytes()));
		Api.Response unsigned = this.api.post(this.connection.path(), body);
		Api.Response tampered = this.api.post(this.connection.path(), body.replace("2026-12-13", "2026-12-14"),
				"X-Zhilyego-Timestamp", String.valueOf(now), "X-Zhilyego-Signature",
				WebhookSignature.sign(this.connection.secret(), now, body.getBytes()));
		Api.Response old = ChannelFixtures.send(this.api, this.connection, body,
				this.clock.instant().minus(Duration.ofMinutes(6)));
		Api.Response early = ChannelFixtures.send(this.api, this.connection, body,
				this.clock.instant().plus(Duration.ofMinutes(6)));

		assertThat(List.of(forged, unsigned, tampered, old, early)).extracting(Api.Response::status).containsOnly(401);
		assertThat(forged.json().get("type").asString()).endsWith("/invalid-signature");
		assertThat(old.json().get("type").asString()).endsWith("/stale-timestamp");
		assertThat(count("channel_webhook_events")).isZero();
		assertThat(count("bookings")).isZero();

		Api.Response first = send(body);
		Api.Response replay = send(body);
		this.clock.advance(Duration.ofMinutes(4));
		Api.Response laterReplay = send(body);

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("outcome").asString()).isEqualTo("applied");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().get("duplicate").asBoolean()).isTrue();
		assertThat(laterReplay.json().get("duplicate").asBoolean()).isTrue();
		assertThat(replay.json().get("bookingId").asString()).isEqualTo(first.json().get("bookingId").asString());
		assertThat(count("bookings")).isEqualTo(1);
		assertThat(count("channel_webhook_events")).isEqualTo(1);
		assertThat(this.jdbc.sql("select status || ' ' || source from bookings").query(String.class).single())
			.isEqualTo("CONFIRMED connection:" + this.connection.id());
	}

	/**
	 * {@code zhilyego.channel.max-webhook-body} (64 KB) bounds what a sender may post:
	 * before, a signed 900 KB event was read, hashed and applied (only the site-wide 1 MB
	 * limit stood in the way).
	 */
	@Test
	void aSignedEventLargerThanTheWebhookLimitIsA413AndChangesNothing() {
		String body = ChannelFixtures.booking("booking.created", "B-big", this.listing, "2026-12-10", "2026-12-13",
				null, GUEST_PHONE, null);
		String padded = body.substring(0, body.length() - 1) + ",\"note\":\"" + "x".repeat(900 * 1024) + "\"}";

		Api.Response large = send(padded);

		assertThat(large.status()).as(large.body()).isEqualTo(413);
		assertThat(large.json().get("type").asString()).endsWith("/payload-too-large");
		assertThat(count("channel_webhook_events")).isZero();
		assertThat(count("bookings")).isZero();
		assertThat(send(body).status()).isEqualTo(200);
	}

	@Test
	void createdUpdatedAndCancelledOutOfOrderAndTwiceEndWhereTheLastEventSays() {
		String created = ChannelFixtures.booking("booking.created", "B-2", this.listing, "2026-12-10", "2026-12-13",
				"2026-12-01T04:00:00Z", GUEST_PHONE, null);
		String updated = ChannelFixtures.booking("booking.updated", "B-2", this.listing, "2026-12-11", "2026-12-15",
				"2026-12-01T04:10:00Z", GUEST_PHONE, null);
		String cancelled = ChannelFixtures.cancelled("B-2", "2026-12-01T04:20:00Z");

		// the update arrives first: it creates the booking with its dates
		assertThat(outcome(send(updated))).isEqualTo("applied");
		assertThat(occupied()).containsExactly("[2026-12-11,2026-12-15)");
		// the older created changes nothing, also when delivered twice
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(outcome(send(created))).isEqualTo("stale");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(outcome(send(created))).isEqualTo("stale");
		assertThat(occupied()).containsExactly("[2026-12-11,2026-12-15)");
		assertThat(send(updated).json().get("duplicate").asBoolean()).isTrue();
		// the cancellation frees the nights; a second one and a late update change
		// nothing
		assertThat(outcome(send(cancelled))).isEqualTo("applied");
		assertThat(send(cancelled).json().get("duplicate").asBoolean()).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(outcome(send(updated.replace("04:10", "04:11")))).isEqualTo("stale");
		assertThat(occupied()).isEmpty();
		assertThat(this.jdbc.sql("select status from bookings").query(String.class).list())
			.containsExactly("CANCELLED");

		// a cancellation that overtakes its creation: nothing is ever booked
		String lateCreated = ChannelFixtures.booking("booking.created", "B-3", this.listing, "2026-12-20", "2026-12-22",
				"2026-12-01T04:00:00Z", GUEST_PHONE, null);
		assertThat(outcome(send(ChannelFixtures.cancelled("B-3", "2026-12-01T04:05:00Z")))).isEqualTo("applied");
		assertThat(outcome(send(lateCreated))).isEqualTo("stale");
		assertThat(count("bookings")).isEqualTo(1);
		assertThat(occupied()).isEmpty();

		// in order, created then updated moves the booking's nights with it
		assertThat(outcome(send(ChannelFixtures.booking("booking.created", "B-4", this.listing, "2026-12-20",
				"2026-12-22", "2026-12-01T04:00:00Z", GUEST_PHONE, null))))
			.isEqualTo("applied");
		assertThat(outcome(send(ChannelFixtures.booking("booking.updated", "B-4", this.listing, "2026-12-21",
				"2026-12-24", "2026-12-01T04:01:00Z", GUEST_PHONE, null))))
			.isEqualTo("applied");
		assertThat(occupied()).containsExactly("[2026-12-21,2026-12-24)");
	}

	@Test
	void aBookingOnTakenNightsIs409WithNothingWrittenAndTheRealtorIsAlertedOnce() {
		new CatalogFixtures(this.jdbc).occupyByBooking(this.listing, java.time.LocalDate.of(2026, 12, 11),
				java.time.LocalDate.of(2026, 12, 14));
		long bookingsBefore = count("bookings");
		long usersBefore = count("users");
		String body = ChannelFixtures.booking("booking.created", "B-5", this.listing, "2026-12-10", "2026-12-13", null,
				"+77019998877", "new-guest@example.kz");

		Api.Response conflict = send(body);
		this.clock.advance(Duration.ofSeconds(40));
		Api.Response retried = send(body);

		assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
		assertThat(conflict.json().get("type").asString()).endsWith("/dates-unavailable");
		assertThat(retried.status()).isEqualTo(409);
		assertThat(count("bookings")).isEqualTo(bookingsBefore);
		assertThat(count("users")).isEqualTo(usersBefore);
		assertThat(count("channel_stays")).isZero();
		assertThat(count("channel_webhook_events")).isZero();
		assertThat(occupied()).containsExactly("[2026-12-11,2026-12-14)");
		assertThat(this.jdbc.sql("""
				select channel from notification_outbox
				where kind = 'CHANNEL_CONFLICT_REALTOR' and recipient_user_id = :realtor
				order by channel
				""").param("realtor", this.realtor).query(String.class).list()).containsExactly("EMAIL", "IN_APP",
				"TELEGRAM");
		assertThat(this.jdbc.sql("select params ->> 'source' from notification_outbox where channel = 'IN_APP'")
			.query(String.class)
			.single()).isEqualTo("Bukza");
	}

	@Test
	void aGuestIsMatchedByPhoneOrGetsALightweightAccountWithoutAnUnconfirmedEmail() {
		long known = new IdentityFixtures(this.jdbc).user("known@test.kz");
		String knownPhone = new IdentityFixtures(this.jdbc).phone(known);

		send(ChannelFixtures.booking("booking.created", "B-6", this.listing, "2026-12-10", "2026-12-12", null,
				knownPhone, "someone-else@example.kz"));
		send(ChannelFixtures.booking("booking.created", "B-7", this.listing, "2026-12-20", "2026-12-22", null,
				"8 701 222 33 44", "fresh@example.kz"));

		assertThat(this.jdbc.sql("select guest_id from bookings where external_ref = 'B-6'").query(Long.class).single())
			.isEqualTo(known);
		long fresh = this.jdbc.sql("select guest_id from bookings where external_ref = 'B-7'")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select phone || '|' || coalesce(email, '-') from users where id = :id")
			.param("id", fresh)
			.query(String.class)
			.single()).isEqualTo("+77012223344|-");
		assertThat(this.jdbc.sql("select guest_email from bookings where external_ref = 'B-7'")
			.query(String.class)
			.single()).isEqualTo("fresh@example.kz");
		assertThat(this.jdbc.sql("select created from channel_guests where user_id = :id")
			.param("id", fresh)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select created from channel_guests where user_id = :id")
			.param("id", known)
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void aCancellationFreesTheNightsCancelsEveryPendingJobAndTellsTheGuest() {
		Api.Response created = send(ChannelFixtures.booking("booking.created", "B-8", this.listing, "2026-12-10",
				"2026-12-13", null, GUEST_PHONE, "dana@example.kz"));
		UUID booking = UUID.fromString(created.json().get("bookingId").asString());
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(booking) == 3);

		this.clock.advance(Duration.ofMinutes(1));
		Api.Response cancelled = send(ChannelFixtures.cancelled("B-8", null));

		assertThat(cancelled.status()).isEqualTo(200);
		// in the webhook's own transaction: no job of the booking is left at the answer
		assertThat(pending(booking)).isZero();
		assertThat(occupied()).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("select count(*) from notification_outbox where kind = 'BOOKING_CANCELLED_GUEST'"
						+ " and booking_id = :id and channel = 'EMAIL' and address = 'dana@example.kz'")
				.param("id", booking)
				.query(Long.class)
				.single() == 1);
		assertThat(this.jdbc.sql("select cancelled_by from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single()).isEqualTo("CHANNEL");
	}

	@Test
	void theSendersListingIdsAreMappedAndAnyOtherListingIsRefused() {
		long foreign = new CatalogFixtures(this.jdbc).listing().create();

		Api.Response viaMap = send("{\"event\":\"booking.created\",\"externalId\":\"B-9\",\"externalListingId\":"
				+ "\"bukza-7\",\"checkIn\":\"2026-12-10\",\"checkOut\":\"2026-12-12\",\"guest\":{\"name\":\"Алия\","
				+ "\"phone\":\"" + GUEST_PHONE + "\"}}");
		Api.Response notConnected = send(ChannelFixtures.booking("booking.created", "B-10", foreign, "2026-12-10",
				"2026-12-12", null, GUEST_PHONE, null));
		Api.Response invalid = send("{\"event\":\"booking.moved\",\"externalId\":\"\"}");
		Api.Response unknown = ChannelFixtures.send(this.api,
				new ChannelFixtures.Connection(UUID.randomUUID().toString(), this.connection.secret(), ""), "{}",
				this.clock.instant());

		assertThat(viaMap.status()).as(viaMap.body()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("select listing_id from bookings where external_ref = 'B-9'").query(Long.class).single())
			.isEqualTo(this.mapped);
		assertThat(notConnected.status()).isEqualTo(422);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").has("event")).isTrue();
		assertThat(invalid.json().get("errors").has("externalId")).isTrue();
		assertThat(unknown.status()).isEqualTo(404);

		assertThat(this.api
			.delete("/api/v1/realtor/connections/" + this.connection.id(), "Authorization",
					new IdentityFixtures(this.context).bearer(this.realtor))
			.status()).isEqualTo(204);
		assertThat(send(ChannelFixtures.cancelled("B-9", null)).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select status from bookings where external_ref = 'B-9'").query(String.class).single())
			.isEqualTo("CONFIRMED");
	}

	@Test
	void aStayBeyondTheBookingHorizonIsAFieldErrorAndChangesNothing() {
		Api.Response far = send(ChannelFixtures.booking("booking.created", "B-FAR", this.listing, "9999-01-01",
				"9999-01-03", null, GUEST_PHONE, null));

		assertThat(far.status()).as(far.body()).isEqualTo(400);
		assertThat(far.json().get("errors").has("checkIn")).isTrue();
		assertThat(
				this.jdbc.sql("select count(*) from bookings where external_ref = 'B-FAR'").query(Long.class).single())
			.isZero();
		assertThat(occupied()).isEmpty();
	}

	private String outcome(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("outcome").asString();
	}

	private List<String> occupied() {
		return this.jdbc.sql("select period::text from occupancies where listing_id = :listing order by lower(period)")
			.param("listing", this.listing)
			.query(String.class)
			.list();
	}

	private long pending(UUID booking) {
		return this.jdbc
			.sql("select count(*) from notification_reminders where booking_id = :id and status = 'PENDING'")
			.param("id", booking)
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
