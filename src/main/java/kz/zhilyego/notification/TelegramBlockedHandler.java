package kz.zhilyego.notification;

import org.jspecify.annotations.Nullable;

/**
 * Port: the Telegram Bot API answered 403 (the user blocked the bot or the chat is gone).
 * The message is parked as SKIPPED; the implementation (outside this module) should turn
 * the user's Telegram channel off so nothing more is enqueued for it. Called after the
 * outbox row has been updated, outside any transaction; must be idempotent.
 */
public interface TelegramBlockedHandler {

	/**
	 * @param recipientUserId the user the message was for, or null if it had none
	 * @param chatId the chat that refused the message
	 */
	void telegramBlocked(@Nullable Long recipientUserId, String chatId);

}
