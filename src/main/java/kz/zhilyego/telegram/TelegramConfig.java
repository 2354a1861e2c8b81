package kz.zhilyego.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.identity.UserDirectory;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wires the Telegram channel: the Bot API over HTTP when a token is set, the dev
 * simulator when present, the one rate-limited client, the sweeper of pending updates,
 * and the webhook's own stateless security chain (the secret header is its
 * authentication, checked by the controller).
 */
@Configuration(proxyBeanMethods = false)
class TelegramConfig {

	private static final Logger log = LoggerFactory.getLogger(TelegramConfig.class);

	static final String WEBHOOK_PATH = "/telegram/webhook";

	@Bean
	OkHttpClient telegramHttp(TelegramProperties properties) {
		long timeout = properties.timeout().toMillis();
		// long polling holds a request open for up to 50 s: reads wait longer than that
		return new OkHttpClient.Builder().connectTimeout(timeout, TimeUnit.MILLISECONDS)
			.readTimeout(Math.max(timeout, 75_000), TimeUnit.MILLISECONDS)
			.writeTimeout(timeout, TimeUnit.MILLISECONDS)
			.build();
	}

	@Bean(destroyMethod = "close")
	TelegramClient telegramClient(TelegramProperties properties, OkHttpClient http,
			ObjectProvider<SimulatedChats> simulator, TelegramUpdates updates, UserDirectory users,
			MeterRegistry meters) {
		BotApi live = properties.configured() ? new HttpBotApi(properties, http) : null;
		if (properties.receivesUpdates() && properties.mode() == TelegramProperties.Mode.WEBHOOK
				&& properties.webhookSecret().isEmpty()) {
			log.warn("Telegram webhook mode without zhilyego.telegram.webhook-secret: every update is refused (403)");
		}
		log.info("Telegram: {} (mode {}, {} messages/s, {} between messages to one chat){}",
				live == null ? "no bot token, bot off" : "Bot API at " + properties.apiBaseUrl(), properties.modeName(),
				properties.globalPerSecond(), properties.perChatInterval(),
				simulator.getIfAvailable() == null ? "" : "; chat simulator at /dev/telegram");
		return new TelegramClient(live, simulator.getIfAvailable(), properties.globalPerSecond(),
				properties.perChatInterval(), chatId -> {
					updates.markBlocked(chatId);
					if (!TelegramClient.simulated(chatId)) {
						users.findByTelegramUserId(chatId).ifPresent(user -> users.disableTelegram(user.id()));
					}
				},
				Counter.builder("zhilyego.telegram.throttled")
					.description("Telegram Bot API answers 429 Too Many Requests")
					.tag("source", "bot-api")
					.register(meters)::increment);
	}

	@Bean
	RecurringTask<Void> telegramPendingUpdatesTask(UpdateProcessor processor, TelegramSettings settings) {
		return Tasks.recurring("telegram-pending-updates", FixedDelay.of(settings.sweepInterval()))
			.execute((instance, context) -> processor.sweep());
	}

	@Bean
	@Order(0)
	SecurityFilterChain telegramWebhookSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(WEBHOOK_PATH)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		return http.build();
	}

	/** Module-internal tuning that has no place in the public settings table. */
	@Bean
	TelegramSettings telegramSettings(org.springframework.core.env.Environment environment) {
		return new TelegramSettings(
				environment.getProperty("zhilyego.telegram.sweep-interval", Duration.class, Duration.ofSeconds(15)),
				environment.getProperty("zhilyego.telegram.set-up-at-start", Boolean.class, true));
	}

	/**
	 * @param sweepInterval how often pending updates nobody works on are picked up
	 * @param setUpAtStart whether the command menus (and the webhook) are registered at
	 * start (tests turn it off: their fake Bot API starts later)
	 */
	record TelegramSettings(Duration sweepInterval, boolean setUpAtStart) {
	}

}
