package kz.zhilyego.notification.internal;

import java.util.Optional;

import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import kz.zhilyego.notification.MessageDelivered;
import org.springframework.stereotype.Component;

/** Messages on the platform record: sent or failed, once per outbox message. */
@Component
class NotificationPlatformEvents implements PlatformEventMapping {

	@Override
	public Optional<PlatformEvent> map(Object event) {
		if (event instanceof MessageDelivered e) {
			String error = e.error();
			return Optional
				.of(PlatformEvent.once(e.sent() ? "message.sent" : "message.failed", "message", e.messageId(),
						PlatformEvent.facts("kind", e.kind(), "channel", e.channel(), "recipientUserId",
								e.recipientUserId(), "error",
								error == null ? null : error.substring(0, Math.min(200, error.length())))));
		}
		return Optional.empty();
	}

}
