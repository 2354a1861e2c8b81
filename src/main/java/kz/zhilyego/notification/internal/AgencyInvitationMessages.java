package kz.zhilyego.notification.internal;

import java.time.format.DateTimeFormatter;

import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AgencyInvitationSent;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationProperties;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An agency invitation becomes one e-mail to the invited address with the link
 * {@code <public-base-url>/invitations/<token>}. It runs after the invitation's commit,
 * in its own transaction, retried from the event publication registry; the dedup key (the
 * invitation id) makes a replay send nothing twice. The link is in the outbox row until
 * sent, like every e-mail's content; it is single-use, expires, and only works for the
 * invited account signed in as itself.
 */
@Component
class AgencyInvitationMessages {

	private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(Zones.KAZAKHSTAN);

	private final Notifications notifications;

	private final String baseUrl;

	AgencyInvitationMessages(Notifications notifications, NotificationProperties properties) {
		this.notifications = notifications;
		this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	@ApplicationModuleListener
	void on(AgencyInvitationSent event) {
		this.notifications.enqueue(
				OutgoingMessage.builder(NotificationKind.AGENCY_INVITATION, "agency-invitation:" + event.invitationId())
					.recipient(event.recipientUserId(), event.language())
					.param("agencyName", event.agencyName())
					.param("inviterName", event.inviterName())
					.param("expiresAt", EXPIRES.format(event.expiresAt()))
					.param("invitationUrl", this.baseUrl + "/invitations/" + event.token())
					.email(event.email()));
	}

}
