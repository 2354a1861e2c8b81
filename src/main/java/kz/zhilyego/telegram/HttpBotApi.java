package kz.zhilyego.telegram;

import java.io.Serializable;
import java.net.URI;
import java.util.List;

import kz.zhilyego.common.TelegramProperties;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API over HTTP with TelegramBots' OkHttp client at the configured address
 * ({@code zhilyego.telegram.api-base-url}).
 */
class HttpBotApi implements BotApi {

	private final OkHttpTelegramClient client;

	HttpBotApi(TelegramProperties properties, OkHttpClient http) {
		this.client = new OkHttpTelegramClient(BotJson.MAPPER, http, properties.botToken(), url(properties));
	}

	static TelegramUrl url(TelegramProperties properties) {
		URI uri = URI.create(properties.apiBaseUrl());
		int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
		return TelegramUrl.builder().schema(uri.getScheme()).host(uri.getHost()).port(port).testServer(false).build();
	}

	@Override
	public <T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException {
		return this.client.execute(method);
	}

	@Override
	public Message execute(SendPhoto photo) throws TelegramApiException {
		return this.client.execute(photo);
	}

	@Override
	public List<Message> execute(SendMediaGroup album) throws TelegramApiException {
		return this.client.execute(album);
	}

	@Override
	public Boolean execute(SetWebhook webhook) throws TelegramApiException {
		return this.client.execute(webhook);
	}

}
