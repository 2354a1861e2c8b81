package kz.zhilyego.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telegram Bot API {@code sendMessage} with {@code parse_mode=HTML}. 429 → wait
 * {@code parameters.retry_after} (not a failed attempt); 403 → blocked; other 4xx →
 * rejected; 5xx and network errors → retry with backoff. The token never appears in
 * results or logs.
 */
class TelegramBotSender implements ChannelSender {

	private final NotificationProperties.Telegram settings;

	private final TelegramRateLimiter limiter;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Runnable throttled;

	TelegramBotSender(NotificationProperties.Telegram settings, TelegramRateLimiter limiter) {
		this(settings, limiter, () -> {
		});
	}

	/**
	 * @param throttled called for every 429 answer (the meter
	 * {@code zhilyego.telegram.throttled})
	 */
	TelegramBotSender(NotificationProperties.Telegram settings, TelegramRateLimiter limiter, Runnable throttled) {
		this.settings = settings;
		this.limiter = limiter;
		this.throttled = throttled;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
	}

	@Override
	public Channel channel() {
		return Channel.TELEGRAM;
	}

	@Override
	public SendResult send(OutboxMessage message, RenderedMessage rendered) {
		String chatId = message.address();
		if (chatId == null) {
			return new SendResult.Rejected("no Telegram chat id");
		}
		try {
			if (!this.limiter.acquire(chatId)) {
				return new SendResult.RetryAfter(Duration.ofSeconds(1), "Telegram rate limit on this node");
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("chat_id", chatId);
			body.put("text", rendered.telegramHtml());
			body.put("parse_mode", "HTML");
			body.put("link_preview_options", Map.of("is_disabled", true));
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(this.settings.baseUrl() + "/bot" + this.settings.botToken() + "/sendMessage"))
				.timeout(this.settings.timeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8))
				.build();
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return result(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new SendResult.Failed("Telegram unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SendResult.Failed("interrupted");
		}
	}

	SendResult result(int status, String body) {
		JsonNode answer = parse(body);
		String description = "Telegram " + status + ": " + SendResult.shorten(answer.path("description").asString(""));
		if (status == 200 && answer.path("ok").asBoolean(false)) {
			return new SendResult.Sent(answer.path("result").path("message_id").asString(null));
		}
		if (status == 429) {
			this.throttled.run();
			long seconds = answer.path("parameters").path("retry_after").asLong(5);
			return new SendResult.RetryAfter(Duration.ofSeconds(Math.max(1, seconds)), description);
		}
		if (status == 403) {
			return new SendResult.Blocked(description);
		}
		if (status >= 400 && status < 500) {
			return new SendResult.Rejected(description);
		}
		return new SendResult.Failed(description);
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

}
