package kz.zhilyego.chatbot;

import org.jspecify.annotations.Nullable;

/**
 * An inline button: either an action the bot gets back on a tap (at most 64 bytes, see
 * {@link CallbackData}) or a link that opens outside the chat.
 */
public record Button(String label, @Nullable String action, @Nullable String url) {

	public static Button action(String label, String action) {
		return new Button(label, action, null);
	}

	public static Button link(String label, String url) {
		return new Button(label, null, url);
	}

}
