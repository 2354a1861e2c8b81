package kz.zhilyego.channel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import kz.zhilyego.booking.ExternalStays;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the listing's realtor — in the app, by e-mail and in Telegram — that a booking
 * from another system or an imported calendar event hit nights taken here. One alert per
 * conflict ({@code dedup}: the same sender retrying, or the same feed event on every
 * sync, alerts once).
 */
@Component
class ConflictAlerts {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Notifications notifications;

	private final UserDirectory users;

	private final MessageSource messages;

	private final String baseUrl;

	ConflictAlerts(Notifications notifications, UserDirectory users, MessageSource messages,
			NotificationProperties properties) {
		this.notifications = notifications;
		this.users = users;
		this.messages = messages;
		this.baseUrl = properties.publicBaseUrl();
	}

	/**
	 * @param source the connection's or feed's name as the realtor knows it
	 * @param dedup identifies this conflict (sender, booking or event, dates)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void alert(long ownerId, long listingId, String listingTitle, String source, LocalDate checkIn, LocalDate checkOut,
			List<ExternalStays.Occupied> occupied, String dedup) {
		UserProfile owner = this.users.find(ownerId).orElse(null);
		if (owner == null) {
			return;
		}
		Locale locale = owner.language().locale();
		String conflict = occupied.stream()
			.map(o -> this.messages.getMessage("channel.conflict." + o.kind(), null, o.kind(), locale) + " "
					+ o.from().format(DATE) + "–" + o.to().format(DATE)
					+ (o.source() != null && o.source().startsWith("ical:") ? " (" + o.source().substring(5) + ")"
							: ""))
			.collect(Collectors.joining("; "));
		OutgoingMessage.Builder message = OutgoingMessage
			.builder(NotificationKind.CHANNEL_CONFLICT_REALTOR, "channel-conflict:" + dedup)
			.recipient(ownerId, owner.language())
			.param("listingTitle", listingTitle)
			.param("checkIn", checkIn.format(DATE))
			.param("checkOut", checkOut.format(DATE))
			.param("source", source)
			.param("conflict", conflict)
			.param("calendarUrl", this.baseUrl + "/realtor/listings/" + listingId + "/calendar");
		if (owner.email() != null) {
			this.notifications.enqueue(message.email(owner.email()));
		}
		if (owner.telegramChatId() != null && owner.telegramEnabled()) {
			this.notifications.enqueue(message.telegram(String.valueOf(owner.telegramChatId())));
		}
		this.notifications.enqueue(message.inApp());
	}

}
