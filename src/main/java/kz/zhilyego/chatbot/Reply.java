package kz.zhilyego.chatbot;

import java.util.List;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/** What the bot does in answer, in messenger-neutral terms; adapters deliver it. */
public sealed interface Reply {

	/**
	 * A new message (with a photo when {@code photoUrl} is set); {@code slot} names it so
	 * a later turn or event can edit it (e.g. {@code hold:<booking id>}).
	 */
	record Send(Text text, Keyboard keyboard, @Nullable String photoUrl, @Nullable String slot) implements Reply {

		public Send(Text text, Keyboard keyboard) {
			this(text, keyboard, null, null);
		}

	}

	/**
	 * Replaces the text and buttons of a message: the one with {@code messageId}, else
	 * the one remembered under {@code slot}; if neither is known, a new message is sent.
	 */
	record Edit(@Nullable Integer messageId, @Nullable String slot, Text text, Keyboard keyboard) implements Reply {
	}

	/** Photos as one album (adapters send at most 6; one photo alone as a photo). */
	record Album(List<String> photoUrls) implements Reply {

		public Album {
			photoUrls = List.copyOf(photoUrls);
		}

	}

	/** Asks for the user's own phone with a one-button reply keyboard. */
	record AskContact(Text text, String buttonLabel) implements Reply {
	}

	/**
	 * A short notice for the tap being answered (Telegram: the answerCallbackQuery text);
	 * without a tap, a plain message.
	 */
	record Toast(String text) implements Reply {
	}

	/** The command menu of this chat for the user's role and language. */
	record Commands(Language language, boolean staff) implements Reply {
	}

}
