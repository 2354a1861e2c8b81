package kz.zhilyego.notification.internal;

import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import kz.zhilyego.realtor.ListingModerated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The superuser's moderation decision reaches the listing's realtor by e-mail (when the
 * account has an address), Telegram (when linked) and in the app, with the reason and a
 * link to the listing form. Runs after the decision's commit; the dedup key (listing,
 * outcome, decision time) keeps a replay from sending twice.
 */
@Component
class ListingModerationMessages {

	private final Notifications notifications;

	private final UserDirectory users;

	private final String baseUrl;

	ListingModerationMessages(Notifications notifications, UserDirectory users, NotificationProperties properties) {
		this.notifications = notifications;
		this.users = users;
		this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	@ApplicationModuleListener
	void on(ListingModerated event) {
		UserProfile owner = this.users.find(event.ownerId()).orElse(null);
		if (owner == null) {
			return;
		}
		NotificationKind kind = switch (event.outcome()) {
			case "APPROVED" -> NotificationKind.LISTING_APPROVED_REALTOR;
			case "REJECTED" -> NotificationKind.LISTING_REJECTED_REALTOR;
			default -> NotificationKind.LISTING_SUSPENDED_REALTOR;
		};
		OutgoingMessage.Builder message = OutgoingMessage
			.builder(kind,
					"listing-moderated:" + event.listingId() + ":" + event.outcome() + ":"
							+ event.decidedAt().toEpochMilli())
			.recipient(owner.id(), owner.language())
			.param("listingTitle", event.title())
			.param("reason", event.reason().isEmpty() ? null : event.reason())
			.param("listingUrl", this.baseUrl + "/realtor/listings/" + event.listingId() + "/edit");
		if (owner.email() != null) {
			this.notifications.enqueue(message.email(owner.email()));
		}
		if (owner.telegramChatId() != null && owner.telegramEnabled()) {
			this.notifications.enqueue(message.telegram(String.valueOf(owner.telegramChatId())));
		}
		this.notifications.enqueue(message.inApp());
	}

}
