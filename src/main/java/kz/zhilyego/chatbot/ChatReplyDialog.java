package kz.zhilyego.chatbot;

import java.util.UUID;

import kz.zhilyego.chat.BookingChat;
import org.springframework.stereotype.Component;

/**
 * Answers in the booking chat from the messenger: the notice of a new chat message has a
 * "Reply" button ({@code cr:<booking>}); a tap asks for the answer, and the next message
 * is posted into the booking's chat by the same service as the web page (flag, access,
 * open window and masking included).
 */
@Component
class ChatReplyDialog {

	private final BookingChat chats;

	ChatReplyDialog(BookingChat chats) {
		this.chats = chats;
	}

	/** {@code cr:<booking>} */
	void tap(Chat chat, String action) {
		UUID booking;
		try {
			booking = UUID.fromString(action.substring("cr:".length()));
		}
		catch (IllegalArgumentException ex) {
			chat.toast(chat.t("bot.expired"));
			return;
		}
		if (!this.chats.canPostFromMessenger(booking, chat.user().id())) {
			chat.toast(chat.t("bot.chat.unavailable"));
			return;
		}
		chat.state.awaitingChatReply = booking.toString();
		chat.toast("");
		chat.send(chat.t("bot.chat.askReply"));
	}

	/** The message after the tap: it goes into the chat. */
	void reply(Chat chat, String text) {
		String booking = chat.state.awaitingChatReply;
		chat.state.awaitingChatReply = null;
		if (booking == null) {
			return;
		}
		this.chats.postFromMessenger(UUID.fromString(booking), chat.user().id(), text);
		chat.send(chat.t("bot.chat.sent"));
	}

}
