package kz.zhilyego.chatbot;

import kz.zhilyego.channel.ExternalGuests;
import kz.zhilyego.feedback.Feedback;
import kz.zhilyego.feedback.ReviewLinks;
import org.springframework.stereotype.Component;

/**
 * Guests someone else booked, and feedback after the stay, in chat: the one-tap link
 * {@code /start g-<token>} links the guest's Telegram; a tap on a rating button
 * ({@code fb:<request>:<1-5>}) records the rating and answers with thanks and the review
 * sites, or with "what could we do better?" — the next message is the answer, passed to
 * the realtor.
 */
@Component
class FeedbackDialog {

	private final ExternalGuests guests;

	private final Feedback feedback;

	FeedbackDialog(ExternalGuests guests, Feedback feedback) {
		this.guests = guests;
		this.feedback = feedback;
	}

	static boolean isGuestLink(String payload) {
		return payload.startsWith(ExternalGuests.START_PREFIX);
	}

	/** {@code /start g-<token>}: links this Telegram to the guest's account. */
	void link(Chat chat, String payload) {
		switch (this.guests.link(payload, chat.sender.externalUserId(), chat.key.chatId())) {
			case ExternalGuests.Linked.Done done -> {
				chat.user = done.user();
				chat.send(Text.plain(chat.t("bot.guestLink.done", done.user().name())), Keyboard.NONE);
				chat.replies.add(new Reply.Commands(chat.language, chat.isStaff()));
			}
			case ExternalGuests.Linked.Refused refused -> chat.send(chat.t("bot.guestLink.refused"));
			case ExternalGuests.Linked.Invalid invalid -> chat.send(chat.t("bot.guestLink.invalid"));
		}
	}

	/** {@code fb:<request>:<rating>} */
	void tap(Chat chat, String action) {
		String[] parts = action.split(":");
		if (parts.length != 3 || !parts[1].matches("\\d{1,18}") || !parts[2].matches("[1-5]")) {
			chat.toast(chat.t("bot.expired"));
			return;
		}
		long requestId = Long.parseLong(parts[1]);
		Feedback.Answer answer = this.feedback.rateInChat(requestId, Integer.parseInt(parts[2]), chat.user().id());
		chat.toast(chat.t("bot.feedback.recorded"));
		reply(chat, answer);
	}

	/** A message while the bot waits for "what could we do better?". */
	void comment(Chat chat, String text) {
		Long requestId = chat.state.awaitingFeedback;
		chat.state.awaitingFeedback = null;
		if (requestId == null) {
			return;
		}
		this.feedback.commentInChat(requestId, text, chat.user().id());
		chat.send(chat.t("bot.feedback.commented"));
	}

	private void reply(Chat chat, Feedback.Answer answer) {
		Text.Builder text = Text.builder().bold(chat.t("bot.feedback.thanks", answer.rating())).line();
		Keyboard.Builder keyboard = Keyboard.builder();
		if (!answer.sites().isEmpty()) {
			text.text(chat.t("bot.feedback.sites"));
			for (ReviewLinks.Site site : answer.sites()) {
				keyboard.row(Button.link(chat.t("feedback.site." + site.code()), site.url()));
			}
		}
		if (answer.askComment()) {
			text.line().text(chat.t("bot.feedback.question"));
			chat.state.awaitingFeedback = answer.requestId();
		}
		chat.send(text.build(), keyboard.build());
	}

}
