package kz.zhilyego.chatbot;

import org.jspecify.annotations.Nullable;

/** What the user did, in messenger-neutral terms. */
public sealed interface ChatInput {

	/** Typed text; commands start with {@code /} ({@code /start listing-42}). */
	record Text(String text) implements ChatInput {
	}

	/**
	 * A button tap: the button's action data and the message that carried it.
	 */
	record Tap(String data, @Nullable Integer messageId) implements ChatInput {
	}

	/**
	 * A shared phone contact; {@code own} only when the messenger says it is the sender's
	 * own (Telegram: {@code contact.user_id == from.id}).
	 */
	record SharedContact(String phone, boolean own) implements ChatInput {
	}

}
