package kz.zhilyego.common;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one Telegram settings block ({@code zhilyego.telegram.*}), read by the bot, the
 * notification sender and Telegram sign-in alike (docs/telegram.md). Without a token the
 * bot is off and everything else works: messages are captured, the Login Widget is
 * hidden.
 *
 * @param botToken the bot's token ({@code ZHILYEGO_TELEGRAM_BOT_TOKEN})
 * @param botUsername the bot's username without {@code @}
 * ({@code ZHILYEGO_TELEGRAM_BOT_USERNAME}): Login Widget, deep links
 * @param apiBaseUrl the Bot API address (tests point it at a local fake)
 * @param mode how updates come in: {@code webhook}, {@code polling} or {@code off}
 * @param webhookSecret the {@code X-Telegram-Bot-Api-Secret-Token} the webhook demands
 * @param publicBaseUrl where this app is reachable from Telegram; when set (webhook mode)
 * {@code setWebhook} is called at start, and photos are sent as URLs under it
 * @param globalPerSecond outgoing calls per second from this node
 * @param perChatInterval the least time between two messages to one chat
 * @param dialogTtl a dialog nobody touched for this long starts afresh
 * @param timeout connect and read timeout of Bot API calls
 */
@ConfigurationProperties("zhilyego.telegram")
public record TelegramProperties(@Nullable String botToken, @Nullable String botUsername, @Nullable String apiBaseUrl,
		@Nullable Mode mode, @Nullable String webhookSecret, @Nullable String publicBaseUrl, double globalPerSecond,
		@Nullable Duration perChatInterval, @Nullable Duration dialogTtl, @Nullable Duration timeout) {

	/** How updates reach the bot. */
	public enum Mode {

		WEBHOOK, POLLING, OFF

	}

	public TelegramProperties {
		botToken = botToken == null ? "" : botToken.strip();
		botUsername = botUsername == null ? "" : strip(botUsername.strip());
		apiBaseUrl = trimSlash(apiBaseUrl, "https://api.telegram.org");
		mode = mode == null ? Mode.WEBHOOK : mode;
		webhookSecret = webhookSecret == null ? "" : webhookSecret.strip();
		publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "" : trimSlash(publicBaseUrl, "");
		globalPerSecond = globalPerSecond > 0 ? globalPerSecond : 25;
		perChatInterval = positive(perChatInterval, Duration.ofSeconds(1));
		dialogTtl = positive(dialogTtl, Duration.ofHours(24));
		timeout = positive(timeout, Duration.ofSeconds(10));
	}

	/** A token is set: messages can be sent and signed data verified. */
	public boolean configured() {
		return !this.botToken.isEmpty();
	}

	/** Updates are received (token set and mode not {@code off}). */
	public boolean receivesUpdates() {
		return configured() && this.mode != Mode.OFF;
	}

	/** The Login Widget's bot: the username when it and the token are set. */
	public @Nullable String widgetBot() {
		return configured() && !this.botUsername.isEmpty() ? this.botUsername : null;
	}

	/** {@code https://t.me/<bot>?start=<payload>}, or null without a username. */
	public @Nullable String deepLink(String payload) {
		return this.botUsername.isEmpty() ? null : "https://t.me/" + this.botUsername + "?start=" + payload;
	}

	public String modeName() {
		return this.mode.name().toLowerCase(Locale.ROOT);
	}

	private static String strip(String name) {
		return name.startsWith("@") ? name.substring(1) : name;
	}

	private static Duration positive(@Nullable Duration value, Duration fallback) {
		return (value == null || value.isNegative() || value.isZero()) ? fallback : value;
	}

	private static String trimSlash(@Nullable String url, String fallback) {
		String value = (url == null || url.isBlank()) ? fallback : url.strip();
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}
