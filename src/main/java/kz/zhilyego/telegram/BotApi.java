package kz.zhilyego.telegram;

import java.io.Serializable;
import java.util.List;

import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API calls the bot makes, with TelegramBots' types: the real HTTP client, or the
 * dev simulator's in-memory chats.
 */
interface BotApi {

	<T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException;

	Message execute(SendPhoto photo) throws TelegramApiException;

	List<Message> execute(SendMediaGroup album) throws TelegramApiException;

	Boolean execute(SetWebhook webhook) throws TelegramApiException;

}
