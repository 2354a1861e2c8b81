package kz.zhilyego.notification.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Composes booking messages for the people involved and writes them to the outbox: the
 * guest by e-mail, Telegram (when linked and enabled), WhatsApp and in-app; the realtor
 * by e-mail, Telegram and in-app. Texts are rendered later, at send time, in each
 * recipient's language; access codes are never stored — guest messages carry only a
 * {@code booking:<id>} reference that {@link BookingSecretParams} resolves while sending.
 */
@Component
class BookingMessages {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Notifications notifications;

	private final UserDirectory users;

	private final String baseUrl;

	BookingMessages(Notifications notifications, UserDirectory users, NotificationProperties properties) {
		this.notifications = notifications;
		this.users = users;
		this.baseUrl = properties.publicBaseUrl();
	}

	/** Who a message is for. */
	enum Party {

		GUEST, REALTOR

	}

	/**
	 * Enqueues one message family in the caller's transaction. {@code event} names the
	 * occasion (e.g. {@code booking-confirmed}) for the dedup key, so a replayed event
	 * sends nothing twice.
	 */
	void send(String event, NotificationKind kind, Party party, BookingDetails booking, boolean withCodes,
			@Nullable String reason, @Nullable BigDecimal refund) {
		send(event, kind, party, booking, withCodes, reason, refund, Map.of());
	}

	/** A message about a review of the booking's stay (no codes, no money). */
	void sendAboutReview(String event, NotificationKind kind, Party party, BookingDetails booking,
			Map<String, Object> extra) {
		send(event, kind, party, booking, false, null, null, extra);
	}

	private void send(String event, NotificationKind kind, Party party, BookingDetails booking, boolean withCodes,
			@Nullable String reason, @Nullable BigDecimal refund, Map<String, Object> extra) {
		long userId = party == Party.GUEST ? booking.guestId() : booking.ownerId();
		UserProfile user = this.users.find(userId).orElse(null);
		if (user == null) {
			return;
		}
		Language language = user.language();
		OutgoingMessage.Builder message = OutgoingMessage
			.builder(kind, event + ":" + booking.id() + ":" + party.name().toLowerCase())
			.recipient(userId, language)
			.param("bookingId", booking.id())
			.param("bookingNumber", booking.number())
			.param("listingTitle", booking.listingTitle())
			.param("address", booking.address())
			.param("checkIn", date(booking.checkIn()))
			.param("checkOut", date(booking.checkOut()))
			.param("nights", booking.nights())
			.param("total", money(booking.total(), language))
			.param("currency", booking.currency())
			.param("reason", reason)
			.param("refund", refund == null ? null : money(refund, language))
			.param(actionParam(kind), actionUrl(kind, party, booking))
			.secretRef(withCodes && party == Party.GUEST ? BookingSecretParams.reference(booking.id()) : null);
		extra.forEach(message::param);
		if (party == Party.GUEST) {
			message.param("realtorPhone", showsRealtorContacts(kind) ? booking.realtorPhone() : null);
		}
		else {
			message.param("guestName", booking.guestName()).param("guestPhone", booking.guestPhone());
			if (kind == NotificationKind.BOOKING_CONFIRMED_REALTOR) {
				// what the guest asked for (arrival time, a cot): the realtor reads it
				// first
				message.param("comment", booking.comment());
			}
		}
		String email = party == Party.GUEST && booking.guestEmail() != null ? booking.guestEmail() : user.email();
		if (email != null) {
			this.notifications.enqueue(message.email(email));
		}
		if (user.telegramChatId() != null && user.telegramEnabled()) {
			this.notifications.enqueue(message.telegram(String.valueOf(user.telegramChatId())));
		}
		if (party == Party.GUEST) {
			this.notifications.enqueue(message.whatsApp(booking.guestPhone()));
		}
		this.notifications.enqueue(message.inApp());
	}

	private static boolean showsRealtorContacts(NotificationKind kind) {
		return switch (kind) {
			case BOOKING_CONFIRMED_GUEST, REMINDER_BEFORE_CHECK_IN, REMINDER_CHECK_IN_DAY, REMINDER_BEFORE_CHECK_OUT ->
				true;
			default -> false;
		};
	}

	/** The message's link: its parameter name ({@code notification.action.<name>}). */
	private static String actionParam(NotificationKind kind) {
		return switch (kind) {
			case PAYMENT_FAILED_GUEST -> "retryUrl";
			case REVIEW_REQUEST -> "reviewUrl";
			case REVIEW_RECEIVED_REALTOR -> "reviewsUrl";
			case REVIEW_REPLY_GUEST -> "listingUrl";
			default -> "bookingUrl";
		};
	}

	/**
	 * Where the message's button leads. The realtor's booking messages open the booking
	 * desk (guest contacts, check-in, cancellation), never the guest's view.
	 */
	private String actionUrl(NotificationKind kind, Party party, BookingDetails booking) {
		return switch (kind) {
			case REVIEW_REQUEST -> this.baseUrl + "/account/bookings/" + booking.id() + "/review";
			case REVIEW_RECEIVED_REALTOR -> this.baseUrl + "/realtor/reviews";
			case REVIEW_REPLY_GUEST -> this.baseUrl + "/listings/" + booking.listingId();
			default ->
				this.baseUrl + (party == Party.REALTOR ? "/realtor/bookings/" : "/account/bookings/") + booking.id();
		};
	}

	static String date(LocalDate date) {
		return date.format(DATE);
	}

	static String money(BigDecimal amount, Language language) {
		NumberFormat format = NumberFormat.getIntegerInstance(language.locale());
		format.setGroupingUsed(true);
		return format.format(amount);
	}

}
