package kz.zhilyego.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingEvents.StayCompleted;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.notification.ReminderHandler;
import kz.zhilyego.notification.ReminderKind;
import kz.zhilyego.notification.Reminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks every completed stay's guest for feedback: a completed stay schedules the request
 * ({@link ReminderKind#FEEDBACK_REQUEST}) {@code delay} after its check-out time, moved
 * into the quiet-hours window; when it fires (the reminder job, cluster-safe) the request
 * is sent by e-mail (five one-click rating links), Telegram (five buttons), WhatsApp and
 * in the app, and its one reminder is scheduled. A request or reminder that comes due
 * outside the window (a late run) waits for the window to open; a cancelled or unfinished
 * stay is not asked.
 */
@Component
class FeedbackRequests implements ReminderHandler {

	private static final Logger log = LoggerFactory.getLogger(FeedbackRequests.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final BookingQueries bookings;

	private final Reminders reminders;

	private final Notifications notifications;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final FeedbackProperties properties;

	private final QuietHours quiet;

	private final Clock clock;

	private final String baseUrl;

	FeedbackRequests(BookingQueries bookings, Reminders reminders, Notifications notifications, UserDirectory users,
			JdbcClient jdbc, FeedbackProperties properties, Clock clock,
			NotificationProperties notificationProperties) {
		this.bookings = bookings;
		this.reminders = reminders;
		this.notifications = notifications;
		this.users = users;
		this.jdbc = jdbc;
		this.properties = properties;
		this.quiet = properties.quietHours();
		this.clock = clock;
		this.baseUrl = notificationProperties.publicBaseUrl();
	}

	@ApplicationModuleListener
	void on(StayCompleted event) {
		BookingDetails booking = this.bookings.find(event.bookingId()).orElse(null);
		if (booking == null || this.bookings.statusLocked(booking.id()).orElse(null) != BookingStatus.COMPLETED) {
			return;
		}
		this.reminders.schedule(booking.id(), ReminderKind.FEEDBACK_REQUEST, dueAfter(booking));
	}

	/** {@code delay} after the later of check-out and now, in the window. */
	Instant dueAfter(BookingDetails booking) {
		Instant checkOut = checkOut(booking);
		Instant now = this.clock.instant();
		return this.quiet.next((checkOut.isAfter(now) ? checkOut : now).plus(this.properties.delay()));
	}

	@Override
	public void fire(UUID bookingId, ReminderKind kind) {
		if (kind != ReminderKind.FEEDBACK_REQUEST && kind != ReminderKind.FEEDBACK_REMINDER) {
			return;
		}
		BookingDetails booking = this.bookings.find(bookingId).orElse(null);
		if (booking == null || booking.status() != BookingStatus.COMPLETED) {
			return;
		}
		Instant now = this.clock.instant();
		if (!this.quiet.allows(now)) {
			// a late run: the guest hears from us when the window opens
			this.reminders.schedule(bookingId, kind, this.quiet.next(now));
			return;
		}
		if (kind == ReminderKind.FEEDBACK_REQUEST) {
			if (now.isAfter(checkOut(booking).plus(this.properties.giveUpAfter()))) {
				return;
			}
			Long id = this.jdbc.sql("""
					insert into feedback_requests (booking_id, listing_id, guest_id, owner_id, sent_at)
					values (:booking, :listing, :guest, :owner, :now)
					on conflict (booking_id) do nothing
					returning id
					""")
				.param("booking", bookingId)
				.param("listing", booking.listingId())
				.param("guest", booking.guestId())
				.param("owner", booking.ownerId())
				.param("now", Instants.utc(now))
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id == null) {
				return;
			}
			send(id, booking, NotificationKind.FEEDBACK_REQUEST, "feedback-request:");
			this.reminders.schedule(bookingId, ReminderKind.FEEDBACK_REMINDER,
					this.quiet.next(now.plus(this.properties.reminderAfter())));
			log.info("Feedback request {} sent for booking {}", id, bookingId);
		}
		else {
			Long id = this.jdbc.sql("""
					update feedback_requests set reminded_at = :now
					where booking_id = :booking and rating is null and reminded_at is null
					returning id
					""")
				.param("now", Instants.utc(now))
				.param("booking", bookingId)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id != null) {
				send(id, booking, NotificationKind.FEEDBACK_REMINDER, "feedback-reminder:");
			}
		}
	}

	private void send(long requestId, BookingDetails booking, NotificationKind kind, String dedup) {
		UserProfile guest = this.users.find(booking.guestId()).orElse(null);
		if (guest == null) {
			return;
		}
		String token = newToken();
		this.jdbc.sql("insert into feedback_links (token_hash, request_id, created_at) values (:hash, :id, :now)")
			.param("hash", hash(token))
			.param("id", requestId)
			.param("now", Instants.utc(this.clock.instant()))
			.update();
		String page = this.baseUrl + "/feedback/" + token;
		OutgoingMessage.Builder message = OutgoingMessage.builder(kind, dedup + booking.id() + ":guest")
			.recipient(guest.id(), guest.language())
			.param("bookingId", booking.id())
			.param("feedbackId", requestId)
			.param("listingTitle", booking.listingTitle())
			.param("checkIn", booking.checkIn().format(DATE))
			.param("checkOut", booking.checkOut().format(DATE))
			.param("feedbackUrl", page)
			.booking(booking.id())
			.secretRef("guest:" + booking.id());
		for (int rating = 1; rating <= 5; rating++) {
			message.param("rate" + rating + "Url", page + "?rating=" + rating);
		}
		String email = booking.guestEmail() != null ? booking.guestEmail() : guest.email();
		if (email != null) {
			this.notifications.enqueue(message.email(email));
		}
		if (guest.telegramChatId() != null && guest.telegramEnabled()) {
			this.notifications.enqueue(message.telegram(String.valueOf(guest.telegramChatId())));
		}
		this.notifications.enqueue(message.whatsApp(booking.guestPhone()));
		this.notifications.enqueue(message.inApp());
	}

	private static Instant checkOut(BookingDetails booking) {
		return booking.checkOut().atTime(booking.checkOutTime()).atZone(Zones.KAZAKHSTAN).toInstant();
	}

	private static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
