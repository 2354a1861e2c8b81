package kz.zhilyego.chatbot;

import java.util.List;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one input: the new dialog state (saved by {@link Conversation#commit}
 * after the replies went out) and the replies.
 */
public record Turn(ChatKey key, @Nullable Long userId, Language language, DialogState state, List<Reply> replies) {

	public Turn {
		replies = List.copyOf(replies);
	}

}
