package kz.zhilyego.identity;

import java.time.Instant;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/**
 * Someone asked to reset the password of an existing, active account: the notification
 * module sends the link by e-mail and, when the account has Telegram delivery on, by
 * Telegram. The event carries no token: the link is put into the message only while it is
 * sent ({@link PasswordResetLinks}), so the token never sits in the outbox or the event
 * log.
 *
 * @param resetId the reset request
 * @param userId the account
 * @param email the account's e-mail, if any
 * @param telegramChatId the account's chat with the bot when Telegram delivery is on
 * @param language the account's language
 * @param expiresAt when the link stops working
 */
public record PasswordResetRequested(long resetId, long userId, @Nullable String email, @Nullable Long telegramChatId,
		Language language, Instant expiresAt) {
}
