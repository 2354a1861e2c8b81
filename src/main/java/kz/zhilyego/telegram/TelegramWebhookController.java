package kz.zhilyego.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import kz.zhilyego.common.TelegramProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram's updates in webhook mode. The
 * {@code X-Telegram-Bot-Api-Secret-Token} header must equal the configured secret
 * (compared in constant time; no secret configured = nothing is accepted): otherwise 403
 * and nothing else happens. The update is stored before the 200, so Telegram's retry of
 * an update we already have is a no-op; a body that is not an update is a 400 (Telegram
 * would retry anything but a 2xx forever, so only our own validation says no).
 */
@RestController
class TelegramWebhookController {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private static final int MAX_BODY = 256 * 1024;

	private final TelegramProperties properties;

	private final UpdateProcessor processor;

	TelegramWebhookController(TelegramProperties properties, UpdateProcessor processor) {
		this.properties = properties;
		this.processor = processor;
	}

	@PostMapping(TelegramConfig.WEBHOOK_PATH)
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
			@RequestBody(required = false) @Nullable String body) {
		if (!this.properties.receivesUpdates() || this.properties.mode() != TelegramProperties.Mode.WEBHOOK) {
			return ResponseEntity.notFound().build();
		}
		if (!secretMatches(secret)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		if (body == null || body.isBlank() || body.length() > MAX_BODY) {
			return ResponseEntity.badRequest().build();
		}
		Update update;
		try {
			update = BotJson.MAPPER.readValue(body, Update.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			return ResponseEntity.badRequest().build();
		}
		if (update.getUpdateId() == null) {
			return ResponseEntity.badRequest().build();
		}
		this.processor.receive(update);
		return ResponseEntity.ok().build();
	}

	private boolean secretMatches(@Nullable String presented) {
		String expected = this.properties.webhookSecret();
		if (expected.isEmpty() || presented == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				presented.getBytes(StandardCharsets.UTF_8));
	}

}
