package kz.zhilyego.notification.internal;

import java.time.format.DateTimeFormatter;

import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.PasswordResetRequested;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A password reset request becomes a message to the account's e-mail and, when it has
 * Telegram delivery on, to its Telegram chat. The outbox keeps only a reference
 * ({@code password-reset:<id>}); the link with its token is put in while sending
 * ({@link PasswordResetSecretParams}) and is masked wherever a rendered copy is kept. The
 * dedup key (the request id) makes a replayed event send nothing twice.
 */
@Component
class PasswordResetMessages {

	private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(Zones.KAZAKHSTAN);

	private final Notifications notifications;

	PasswordResetMessages(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(PasswordResetRequested event) {
		OutgoingMessage.Builder message = OutgoingMessage
			.builder(NotificationKind.PASSWORD_RESET, "password-reset:" + event.resetId())
			.recipient(event.userId(), event.language())
			.param("expiresAt", EXPIRES.format(event.expiresAt()))
			.secretRef(PasswordResetSecretParams.reference(event.resetId()));
		if (event.email() != null) {
			this.notifications.enqueue(message.email(event.email()));
		}
		if (event.telegramChatId() != null) {
			this.notifications.enqueue(message.telegram(String.valueOf(event.telegramChatId())));
		}
	}

}
