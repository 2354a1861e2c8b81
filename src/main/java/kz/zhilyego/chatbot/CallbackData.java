package kz.zhilyego.chatbot;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Keeps button actions within the 64 bytes Telegram allows for {@code callback_data}
 * (UTF-8 bytes, not characters: one Cyrillic letter takes two). A longer action is kept
 * in the dialog state and the button carries {@code ~<token>} instead.
 */
public final class CallbackData {

	/** Telegram's limit in bytes. */
	public static final int MAX_BYTES = 64;

	private static final String TOKEN = "~";

	private CallbackData() {
	}

	public static int bytes(String data) {
		return data.getBytes(StandardCharsets.UTF_8).length;
	}

	/** The action as a button can carry it. */
	public static String fit(String action, DialogState state) {
		if (bytes(action) <= MAX_BYTES && !action.startsWith(TOKEN)) {
			return action;
		}
		for (var entry : state.tokens.entrySet()) {
			if (entry.getValue().equals(action)) {
				return TOKEN + entry.getKey();
			}
		}
		if (state.tokens.size() >= 200) {
			state.tokens.remove(state.tokens.keySet().iterator().next());
		}
		String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		state.tokens.put(token, action);
		return TOKEN + token;
	}

	/** The action a button carried; null for a token the dialog no longer knows. */
	public static @Nullable String resolve(String data, DialogState state) {
		if (!data.startsWith(TOKEN)) {
			return data;
		}
		return state.tokens.get(data.substring(TOKEN.length()));
	}

}
