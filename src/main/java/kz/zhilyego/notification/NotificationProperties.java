package kz.zhilyego.notification;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings ({@code zhilyego.notification.*}); see docs/notifications.md.
 *
 * @param dispatchInterval how often the dispatcher job looks for due messages
 * @param batchSize messages claimed per round trip
 * @param maxBatchesPerRun rounds per dispatcher run before yielding to the next run
 * @param lease how long a claimed (SENDING) message is reserved; after that another node
 * sends it again (the crash-between-send-and-mark case)
 * @param maxAttempts failed attempts before a message is parked as DEAD
 * @param backoffBase delay after the first failed attempt; doubles with every further one
 * @param backoffMax upper bound of the delay
 * @param jitter fraction of the delay that is random (0..1): delay × (1 − jitter ×
 * random)
 * @param reminderInterval how often the reminder job looks for due reminders
 * @param publicBaseUrl the site's address, for links in messages
 * @param mail e-mail channel
 * @param telegram Telegram channel
 * @param whatsApp WhatsApp channel
 * @param statsTtl how long the outbox gauges reuse their last count (default 10 s; 0
 * counts on every scrape)
 */
@ConfigurationProperties("zhilyego.notification")
public record NotificationProperties(@Nullable Duration dispatchInterval, int batchSize, int maxBatchesPerRun,
		@Nullable Duration lease, int maxAttempts, @Nullable Duration backoffBase, @Nullable Duration backoffMax,
		double jitter, @Nullable Duration reminderInterval, @Nullable String publicBaseUrl, @Nullable Mail mail,
		@Nullable Telegram telegram, @Nullable WhatsApp whatsApp, @Nullable Duration statsTtl) {

	public NotificationProperties {
		dispatchInterval = positive(dispatchInterval, Duration.ofSeconds(10));
		batchSize = batchSize > 0 ? batchSize : 20;
		maxBatchesPerRun = maxBatchesPerRun > 0 ? maxBatchesPerRun : 50;
		lease = positive(lease, Duration.ofMinutes(2));
		maxAttempts = maxAttempts > 0 ? maxAttempts : 8;
		backoffBase = positive(backoffBase, Duration.ofSeconds(30));
		backoffMax = positive(backoffMax, Duration.ofHours(6));
		jitter = (jitter >= 0 && jitter <= 1) ? jitter : 0.5;
		reminderInterval = positive(reminderInterval, Duration.ofMinutes(1));
		publicBaseUrl = (publicBaseUrl == null || publicBaseUrl.isBlank()) ? "http://localhost:8080" : publicBaseUrl;
		mail = mail != null ? mail : new Mail(null, null);
		telegram = telegram != null ? telegram : new Telegram(null);
		whatsApp = whatsApp != null ? whatsApp : new WhatsApp(null, null, null, null, null, null);
		statsTtl = (statsTtl == null || statsTtl.isNegative()) ? Duration.ofSeconds(10) : statsTtl;
	}

	/**
	 * @param from sender address ({@code From}); the SMTP server itself is
	 * {@code spring.mail.*} — without {@code spring.mail.host} e-mails are captured
	 * @param fromName display name of the sender
	 */
	public record Mail(@Nullable String from, @Nullable String fromName) {

		public Mail {
			from = (from == null || from.isBlank()) ? "no-reply@zhilyego.kz" : from;
			fromName = (fromName == null || fromName.isBlank()) ? "ЖильеGO" : fromName;
		}

	}

	/**
	 * The Telegram channel. The bot token, Bot API address and rate limits are the
	 * Telegram module's ({@code zhilyego.telegram.*}).
	 *
	 * @param maxRateWait longest a message waits for a send slot of the Telegram client
	 * before it is rescheduled
	 */
	public record Telegram(@Nullable Duration maxRateWait) {

		public Telegram {
			maxRateWait = positive(maxRateWait, Duration.ofSeconds(5));
		}

	}

	/**
	 * @param baseUrl Graph API address including the version
	 * @param phoneNumberId the sending WhatsApp Business phone number id
	 * @param accessToken bearer token; empty = messages are captured, not sent
	 * @param timeout HTTP connect and request timeout
	 * @param templates template name per kind (default:
	 * {@code zhilyego_<kind in lower case>})
	 * @param languageCodes WhatsApp language code per language (default: ru, kk, en)
	 */
	public record WhatsApp(@Nullable String baseUrl, @Nullable String phoneNumberId, @Nullable String accessToken,
			@Nullable Duration timeout, @Nullable Map<NotificationKind, String> templates,
			@Nullable Map<String, String> languageCodes) {

		public WhatsApp {
			baseUrl = trimSlash(baseUrl, "https://graph.facebook.com/v23.0");
			phoneNumberId = phoneNumberId == null ? "" : phoneNumberId.trim();
			accessToken = accessToken == null ? "" : accessToken.trim();
			timeout = positive(timeout, Duration.ofSeconds(10));
			templates = templates == null ? Map.of() : Map.copyOf(templates);
			languageCodes = languageCodes == null ? Map.of() : Map.copyOf(languageCodes);
		}

		public boolean configured() {
			return !this.accessToken.isEmpty() && !this.phoneNumberId.isEmpty();
		}

		public String templateName(NotificationKind kind) {
			String name = this.templates.get(kind);
			return name != null ? name : "zhilyego_" + kind.name().toLowerCase(java.util.Locale.ROOT);
		}

		public String languageCode(String language) {
			return this.languageCodes.getOrDefault(language, language);
		}

	}

	private static Duration positive(@Nullable Duration value, Duration fallback) {
		return (value == null || value.isNegative() || value.isZero()) ? fallback : value;
	}

	private static String trimSlash(@Nullable String url, String fallback) {
		String value = (url == null || url.isBlank()) ? fallback : url.trim();
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}
