package kz.zhilyego.chatbot;

import org.jspecify.annotations.Nullable;

/**
 * Who wrote, as the messenger vouches for it.
 *
 * @param externalUserId the messenger's user id (Telegram: {@code from.id})
 * @param name the display name the messenger gives
 * @param languageCode the messenger's language of the user ({@code language_code})
 */
public record Sender(long externalUserId, String name, @Nullable String languageCode) {
}
