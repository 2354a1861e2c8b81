package kz.zhilyego.chat;

import java.util.Optional;

import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import org.springframework.stereotype.Component;

/**
 * The chat on the platform record: each message once, on its booking's timeline (the text
 * stays in the chat; the record holds only who and when).
 */
@Component
class ChatPlatformEvents implements PlatformEventMapping {

	@Override
	public Optional<PlatformEvent> map(Object event) {
		if (event instanceof ChatMessagePosted e) {
			return Optional.of(PlatformEvent
				.once("chat.message_posted", "booking", e.bookingId(), PlatformEvent.facts("messageId", e.messageId()))
				.keyedBy(e.messageId())
				.by(e.authorId()));
		}
		return Optional.empty();
	}

}
