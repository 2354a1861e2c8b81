package kz.zhilyego.chat;

import java.time.format.DateTimeFormatter;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells the other participant of a new message through the outbox, in the posting
 * transaction: e-mail, Telegram (with a reply button that brings the answer back into the
 * chat) and in-app. The caller decides when (one notice per burst).
 */
@Component
class ChatNotices {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	/** Longest excerpt of the message in a notice. */
	static final int EXCERPT = 500;

	private final Notifications notifications;

	private final UserDirectory users;

	private final String baseUrl;

	ChatNotices(Notifications notifications, UserDirectory users, NotificationProperties properties) {
		this.notifications = notifications;
		this.users = users;
		String base = properties.publicBaseUrl();
		this.baseUrl = base == null ? "" : base.replaceAll("/+$", "");
	}

	void tell(BookingDetails booking, long recipientId, ChatParticipant author, String authorName,
			@Nullable String text, boolean photo, long messageId) {
		UserProfile recipient = this.users.find(recipientId).orElse(null);
		if (recipient == null) {
			return;
		}
		String excerpt = text == null ? "" : text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
		if (photo) {
			excerpt = excerpt.isEmpty() ? "📷" : "📷 " + excerpt;
		}
		OutgoingMessage.Builder message = OutgoingMessage
			.builder(NotificationKind.CHAT_MESSAGE, "chat-message:" + messageId + ":" + recipientId)
			.recipient(recipient.id(), recipient.language())
			.param("bookingId", booking.id())
			.param("listingTitle", booking.listingTitle())
			.param("checkIn", booking.checkIn().format(DATE))
			.param("checkOut", booking.checkOut().format(DATE))
			.param(author == ChatParticipant.GUEST ? "guestName" : "realtorName", authorName)
			.param("chatMessage", excerpt)
			.param("bookingUrl", this.baseUrl + "/bookings/" + booking.id() + "/chat")
			.booking(booking.id());
		if (recipient.email() != null) {
			this.notifications.enqueue(message.email(recipient.email()));
		}
		if (recipient.telegramChatId() != null && recipient.telegramEnabled()) {
			this.notifications.enqueue(message.telegram(String.valueOf(recipient.telegramChatId())));
		}
		this.notifications.enqueue(message.inApp());
	}

}
