package kz.zhilyego.notification.internal;

import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationSettings;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes messages to the outbox in the caller's transaction. */
@Service
class OutboxNotifications implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

	/**
	 * Kinds a user cannot turn off: without them an account could lock itself out
	 * (password reset).
	 */
	static final java.util.Set<NotificationKind> ALWAYS_SENT = java.util.EnumSet.of(NotificationKind.PASSWORD_RESET);

	private final Outbox outbox;

	private final NotificationSettings settings;

	OutboxNotifications(Outbox outbox, NotificationSettings settings) {
		this.outbox = outbox;
		this.settings = settings;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(OutgoingMessage message) {
		Long userId = message.recipientUserId();
		boolean enabled = userId == null || ALWAYS_SENT.contains(message.kind())
				|| this.settings.isEnabled(userId, message.kind(), message.channel());
		boolean inserted = this.outbox.insert(message, !enabled);
		if (!inserted) {
			log.debug("Notification {} already enqueued; ignored", message.dedupKey());
		}
		return inserted && enabled;
	}

}
