package kz.zhilyego.telegram;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.TelegramProperties;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * At start: the command menus per language (guests; staff get theirs per chat), then
 * either {@code setWebhook} (webhook mode with a public base URL, with the secret token
 * and only the update types the bot handles) or long polling (polling mode: the webhook
 * is removed and TelegramBots' long-polling application hands each batch to the
 * processor). Failures are logged; the rest of the app runs on.
 */
@Component
class TelegramStartup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramStartup.class);

	static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

	private final TelegramProperties properties;

	private final TelegramClient client;

	private final BotCommands commands;

	private final UpdateProcessor processor;

	private final OkHttpClient http;

	private final TelegramConfig.TelegramSettings settings;

	private volatile TelegramBotsLongPollingApplication polling;

	private volatile boolean running;

	TelegramStartup(TelegramProperties properties, TelegramClient client, BotCommands commands,
			UpdateProcessor processor, OkHttpClient http, TelegramConfig.TelegramSettings settings) {
		this.settings = settings;
		this.properties = properties;
		this.client = client;
		this.commands = commands;
		this.processor = processor;
		this.http = http;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		if (!this.properties.configured() || !this.settings.setUpAtStart()) {
			return;
		}
		Thread.ofVirtual().name("telegram-set-up").start(this::setUp);
	}

	private void setUp() {
		for (Language language : Language.values()) {
			SetMyCommands menu = SetMyCommands.builder()
				.commands(this.commands.of(language, false))
				.languageCode(language.code())
				.build();
			call("setMyCommands " + language.code(), api -> api.execute(menu));
		}
		if (this.properties.mode() == TelegramProperties.Mode.WEBHOOK && !this.properties.publicBaseUrl().isEmpty()) {
			SetWebhook webhook = SetWebhook.builder()
				.url(this.properties.publicBaseUrl() + TelegramConfig.WEBHOOK_PATH)
				.secretToken(this.properties.webhookSecret().isEmpty() ? null : this.properties.webhookSecret())
				.allowedUpdates(ALLOWED_UPDATES)
				.build();
			call("setWebhook", api -> api.execute(webhook));
		}
	}

	private void call(String what, TelegramClient.ApiCall<?> call) {
		try {
			this.client.direct(0, call).get(this.properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
			log.info("Telegram {}: done", what);
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("Telegram {} failed: {}", what,
					ex.getCause() == null ? ex.toString() : ex.getCause().getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Long polling runs only in polling mode with a token: one poller per bot. */
	@Override
	public void start() {
		this.running = true;
		if (!this.properties.configured() || this.properties.mode() != TelegramProperties.Mode.POLLING) {
			return;
		}
		call("deleteWebhook", api -> api.execute(DeleteWebhook.builder().dropPendingUpdates(false).build()));
		try {
			TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication(
					() -> BotJson.MAPPER, () -> this.http);
			application.registerBot(this.properties.botToken(), () -> HttpBotApi.url(this.properties),
					new DefaultGetUpdatesGenerator(ALLOWED_UPDATES),
					updates -> updates.forEach(this.processor::receive));
			this.polling = application;
			log.info("Telegram long polling started at {}", this.properties.apiBaseUrl());
		}
		catch (TelegramApiException ex) {
			log.warn("Telegram long polling could not start: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		TelegramBotsLongPollingApplication application = this.polling;
		if (application != null) {
			try {
				application.close();
			}
			catch (Exception ex) {
				log.warn("Telegram long polling did not stop cleanly: {}", ex.toString());
			}
			this.polling = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
