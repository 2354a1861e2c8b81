package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.ExternalStays;
import kz.zhilyego.catalog.BookableListing;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.RequestIds;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.notification.Reminders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A connection's booking webhook, in this order: the body must be at most
 * {@code max-webhook-body} (413); the connection must exist and be live (404); the
 * signature over the raw body must match and the timestamp be within the tolerance (401,
 * nothing stored); the body must be a booking event (400); its listing must be one of the
 * connection's and still in its creator's scope (422). Then, in one transaction that
 * first locks the sender's booking ({@code channel_stays}, so events of one externalId
 * are applied one at a time), the delivery is stored once (a replay answers what the
 * first delivery did) and applied if it is newer than the last applied event of that
 * booking:
 * <ul>
 * <li>events are ordered by {@code occurredAt} (else the signed timestamp), and at the
 * same instant created &lt; updated &lt; cancelled; an older event is stored as stale and
 * changes nothing;</li>
 * <li>created and updated both carry the whole booking: the first that arrives creates
 * it, a later one moves it;</li>
 * <li>cancelled frees the nights, cancels every pending job of the booking and tells the
 * guest; it is final for that externalId (also when it arrives before the booking);</li>
 * <li>nights taken here: 409, nothing written, the realtor alerted.</li>
 * </ul>
 */
@Service
public class ReceiveBooking {

	private static final Logger log = LoggerFactory.getLogger(ReceiveBooking.class);

	private final Connections connections;

	private final ExternalStays stays;

	private final ExternalGuests guests;

	private final ConflictAlerts alerts;

	private final Reminders reminders;

	private final Notifications notifications;

	private final StayQuotes listings;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final TelegramProperties telegram;

	private final ChannelProperties properties;

	private final SyncMeters meters;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReceiveBooking(Connections connections, ExternalStays stays, ExternalGuests guests, ConflictAlerts alerts,
			Reminders reminders, Notifications notifications, StayQuotes listings, AccessScopes scopes,
			UserDirectory users, TelegramProperties telegram, ChannelProperties properties, SyncMeters meters,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.connections = connections;
		this.stays = stays;
		this.guests = guests;
		this.alerts = alerts;
		this.reminders = reminders;
		this.notifications = notifications;
		this.listings = listings;
		this.scopes = scopes;
		this.users = users;
		this.telegram = telegram;
		this.properties = properties;
		this.meters = meters;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @param outcome {@code applied}, {@code unchanged} or {@code stale}
	 * @param duplicate the delivery was received before; nothing changed now
	 */
	public record Receipt(long eventId, String outcome, boolean duplicate, @Nullable UUID bookingId) {
	}

	public Receipt receive(UUID connectionId, @Nullable String timestamp, @Nullable String signature, byte[] body) {
		if (body.length > this.properties.maxWebhookBody()) {
			// before the lookup and the HMAC: a sender's event is a few kilobytes
			this.meters.webhookFailed();
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "problem.payload-too-large");
		}
		Connections.Active connection = this.connections.active(connectionId)
			.orElseThrow(() -> ProblemException.notFound("channel.connection.notFound"));
		WebhookSignature.Verdict verdict = WebhookSignature.verify(connection.secret(), timestamp, signature, body,
				this.clock.instant(), this.properties.webhookTolerance());
		if (verdict != WebhookSignature.Verdict.VALID) {
			this.meters.webhookFailed();
			log.warn("Webhook of connection {} refused: {}", connectionId, verdict);
			throw new ProblemException(HttpStatus.UNAUTHORIZED,
					verdict == WebhookSignature.Verdict.STALE ? "stale-timestamp" : "invalid-signature",
					verdict == WebhookSignature.Verdict.STALE ? "channel.webhook.stale" : "channel.webhook.signature");
		}
		BookingEvent event = BookingEvent.parse(body);
		Long listingId = event.type() == BookingEvent.Type.CANCELLED ? null : listingOf(connection, event);
		Instant occurredAt = event.occurredAt() != null ? event.occurredAt()
				: Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
		String dedup = event.eventId() != null ? "id:" + event.eventId() : "sha256:" + sha256(body);
		Attempt attempt = this.transactions.execute(status -> {
			Attempt result = apply(connection, event, listingId, occurredAt, dedup);
			if (result instanceof Attempt.Conflicted) {
				status.setRollbackOnly();
			}
			return result;
		});
		return switch (attempt) {
			case Attempt.Done done -> done.receipt();
			case Attempt.Conflicted conflicted -> {
				this.meters.webhookFailed();
				alert(connection, event, listingId, conflicted.occupied());
				throw new ProblemException(HttpStatus.CONFLICT, "dates-unavailable", "booking.datesUnavailable");
			}
			case null -> throw new IllegalStateException("webhook transaction returned nothing");
		};
	}

	private sealed interface Attempt {

		record Done(Receipt receipt) implements Attempt {
		}

		record Conflicted(List<ExternalStays.Occupied> occupied) implements Attempt {
		}

	}

	private record StayRow(String state, @Nullable UUID bookingId, String lastEvent, Instant lastEventAt) {
	}

	private Attempt apply(Connections.Active connection, BookingEvent event, @Nullable Long listingId,
			Instant occurredAt, String dedup) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into channel_stays (connection_id, external_id, state, last_event, last_event_at, updated_at)
				values (:connection, :external, 'ACTIVE', 'none', timestamptz '1970-01-01 00:00:00+00', :now)
				on conflict do nothing
				""")
			.param("connection", connection.id())
			.param("external", event.externalId())
			.param("now", Instants.utc(now))
			.update();
		StayRow stay = this.jdbc.sql("""
				select state, booking_id, last_event, last_event_at from channel_stays
				where connection_id = :connection and external_id = :external
				for update
				""")
			.param("connection", connection.id())
			.param("external", event.externalId())
			.query((rs, n) -> new StayRow(rs.getString("state"), rs.getObject("booking_id", UUID.class),
					rs.getString("last_event"), Instants.read(rs, "last_event_at")))
			.single();
		Long eventId = this.jdbc.sql("""
				insert into channel_webhook_events (connection_id, dedup_key, event, external_id, occurred_at,
				    received_at, outcome, request_id)
				values (:connection, :dedup, :event, :external, :occurred, :now, 'UNCHANGED', :requestId)
				on conflict (connection_id, dedup_key) do nothing
				returning id
				""")
			.param("connection", connection.id())
			.param("dedup", dedup)
			.param("event", event.type().wire)
			.param("external", event.externalId())
			.param("occurred", Instants.utc(occurredAt))
			.param("now", Instants.utc(now))
			.param("requestId", RequestIds.current())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (eventId == null) {
			return new Attempt.Done(this.jdbc.sql("""
					select id, outcome, booking_id from channel_webhook_events
					where connection_id = :connection and dedup_key = :dedup
					""")
				.param("connection", connection.id())
				.param("dedup", dedup)
				.query((rs, n) -> new Receipt(rs.getLong("id"), rs.getString("outcome").toLowerCase(), true,
						rs.getObject("booking_id", UUID.class)))
				.single());
		}
		String outcome;
		UUID bookingId = stay.bookingId();
		String state = stay.state();
		int order = compare(occurredAt, event.type().rank, stay.lastEventAt(), rank(stay.lastEvent()));
		if ("CANCELLED".equals(stay.state()) || order < 0) {
			outcome = "STALE";
		}
		else if (order == 0) {
			outcome = "UNCHANGED";
		}
		else if (event.type() == BookingEvent.Type.CANCELLED) {
			if (bookingId != null) {
				this.stays.cancel(bookingId, connection.name());
				// in the same transaction as the cancellation: no job of the booking
				// outlives it, whatever node or restart comes next
				this.reminders.cancelAll(bookingId);
			}
			state = "CANCELLED";
			outcome = "APPLIED";
		}
		else {
			Stay dates = new Stay(event.checkIn(), event.checkOut());
			ExternalStays.Guest guest;
			boolean created = false;
			UserDirectory.Guest matched = null;
			if (bookingId == null) {
				BookingEvent.Guest g = event.guest();
				matched = this.guests.match(g.name(), g.phone(), g.email(), g.language(), source(connection));
				guest = new ExternalStays.Guest(matched.user().id(), g.name(),
						kz.zhilyego.common.Phones.normalize(g.phone()).orElse(matched.user().phone()), g.email());
				created = true;
			}
			else {
				guest = new ExternalStays.Guest(0, "", "", null);
			}
			ExternalStays.Outcome result = this.stays.apply(new ExternalStays.Request(source(connection),
					event.externalId(), listingId, dates, event.guests(), guest));
			switch (result) {
				case ExternalStays.Outcome.Conflict conflict -> {
					return new Attempt.Conflicted(conflict.occupied());
				}
				case ExternalStays.Outcome.Cancelled cancelled ->
					throw ProblemException.conflict("booking-cancelled", "channel.webhook.cancelledHere");
				case ExternalStays.Outcome.Recorded recorded -> {
					bookingId = recorded.booking().id();
					if (created && matched.matchedBy().equals("created")) {
						inviteToTelegram(recorded.booking(), matched.user());
					}
				}
				case ExternalStays.Outcome.Moved moved -> bookingId = moved.booking().id();
				case ExternalStays.Outcome.Unchanged unchanged -> bookingId = unchanged.booking().id();
			}
			outcome = "APPLIED";
		}
		if (!outcome.equals("STALE")) {
			this.jdbc.sql("""
					update channel_stays
					set state = :state, booking_id = :booking, last_event = :event, last_event_at = :at,
					    updated_at = :now
					where connection_id = :connection and external_id = :external
					""")
				.param("state", state)
				.param("booking", bookingId)
				.param("event", event.type().wire)
				.param("at", Instants.utc(occurredAt))
				.param("now", Instants.utc(now))
				.param("connection", connection.id())
				.param("external", event.externalId())
				.update();
		}
		this.jdbc.sql("update channel_webhook_events set outcome = :outcome, booking_id = :booking where id = :id")
			.param("outcome", outcome)
			.param("booking", bookingId)
			.param("id", eventId)
			.update();
		log.info("Webhook {} {} of connection {}: {}", event.type().wire, event.externalId(), connection.id(),
				outcome.toLowerCase());
		return new Attempt.Done(new Receipt(eventId, outcome.toLowerCase(), false, bookingId));
	}

	/**
	 * A guest whose account we made gets the one-tap Telegram link over WhatsApp too
	 * (e-mails carry it in every message); resolved at send time, never stored.
	 */
	private void inviteToTelegram(BookingDetails booking, UserProfile guest) {
		if (this.telegram.botUsername().isEmpty()) {
			return;
		}
		this.notifications.enqueue(OutgoingMessage
			.builder(NotificationKind.TELEGRAM_INVITE_GUEST, "telegram-invite:" + booking.id() + ":guest")
			.recipient(guest.id(), guest.language())
			.param("listingTitle", booking.listingTitle())
			.param("checkIn", booking.checkIn().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
			.param("checkOut", booking.checkOut().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
			.booking(booking.id())
			.secretRef("guest:" + booking.id())
			.whatsApp(booking.guestPhone()));
	}

	private long listingOf(Connections.Active connection, BookingEvent event) {
		Long listingId = null;
		for (Connections.ConnectedListing listing : connection.listings()) {
			if (event.listingId() != null ? listing.listingId() == event.listingId()
					: event.externalListingId().equals(listing.externalId())) {
				listingId = listing.listingId();
			}
		}
		BookableListing listing = listingId == null ? null : this.listings.listing(listingId).orElse(null);
		UserProfile creator = this.users.find(connection.createdBy()).orElse(null);
		if (listing == null || creator == null || !this.scopes
			.of(new CurrentUser(creator.id(), creator.name(), creator.roles(), creator.agencyId(), creator.language()))
			.coversListingOwner(listing.ownerId())) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "listing-not-connected",
					"channel.webhook.listingNotConnected");
		}
		return listing.id();
	}

	private void alert(Connections.Active connection, BookingEvent event, @Nullable Long listingId,
			List<ExternalStays.Occupied> occupied) {
		if (listingId == null) {
			return;
		}
		BookableListing listing = this.listings.listing(listingId).orElse(null);
		if (listing == null) {
			return;
		}
		this.transactions.executeWithoutResult(status -> this.alerts.alert(listing.ownerId(), listing.id(),
				listing.title(), connection.name(), event.checkIn(), event.checkOut(), occupied,
				sha256((connection.id() + "|" + event.externalId() + "|" + event.checkIn() + "|" + event.checkOut())
					.getBytes(StandardCharsets.UTF_8))));
	}

	static String source(Connections.Active connection) {
		return "connection:" + connection.id();
	}

	private static int rank(String event) {
		for (BookingEvent.Type type : BookingEvent.Type.values()) {
			if (type.wire.equals(event)) {
				return type.rank;
			}
		}
		return -1;
	}

	private static int compare(Instant at, int rank, Instant lastAt, int lastRank) {
		int byTime = at.compareTo(lastAt);
		return byTime != 0 ? byTime : Integer.compare(rank, lastRank);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
