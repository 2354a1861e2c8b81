package kz.zhilyego.notification.internal;

import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.notification.TelegramBlockedHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A user who blocked the bot gets no more Telegram messages until they link it again. */
@Component
class DisableBlockedTelegram implements TelegramBlockedHandler {

	private final UserDirectory users;

	DisableBlockedTelegram(UserDirectory users) {
		this.users = users;
	}

	@Override
	public void telegramBlocked(@Nullable Long recipientUserId, String chatId) {
		if (recipientUserId != null) {
			this.users.disableTelegram(recipientUserId);
		}
	}

}
