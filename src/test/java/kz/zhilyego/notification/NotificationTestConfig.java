package kz.zhilyego.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test implementations of the notification ports, beside the real ones: the dispatcher
 * and the reminder job call every implementation, so these record calls and answer only
 * for their own references.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationTestConfig {

	@Bean
	TestSecretParams testSecretParams() {
		return new TestSecretParams();
	}

	@Bean
	RecordingReminderHandler recordingReminderHandler() {
		return new RecordingReminderHandler();
	}

	@Bean
	RecordingTelegramBlockedHandler recordingTelegramBlockedHandler() {
		return new RecordingTelegramBlockedHandler();
	}

	/**
	 * Codes granted per (secret ref, user); anyone else gets none. Records every call.
	 */
	public static class TestSecretParams implements SecretParams {

		private final Map<String, Map<String, String>> granted = new ConcurrentHashMap<>();

		public final List<String> calls = new CopyOnWriteArrayList<>();

		public void grant(String secretRef, long userId, Map<String, String> codes) {
			this.granted.put(secretRef + "|" + userId, Map.copyOf(codes));
		}

		public void reset() {
			this.granted.clear();
			this.calls.clear();
		}

		@Override
		public Map<String, String> resolve(String secretRef, long recipientUserId, Channel channel) {
			this.calls.add(secretRef + "|" + recipientUserId + "|" + channel);
			return this.granted.getOrDefault(secretRef + "|" + recipientUserId, Map.of());
		}

	}

	/** Records fired reminders; can be told to fail. */
	public static class RecordingReminderHandler implements ReminderHandler {

		public final List<String> fired = new CopyOnWriteArrayList<>();

		public volatile boolean failing;

		public void reset() {
			this.fired.clear();
			this.failing = false;
		}

		@Override
		public void fire(UUID bookingId, ReminderKind kind) {
			if (this.failing) {
				throw new IllegalStateException("handler down");
			}
			this.fired.add(bookingId + ":" + kind);
		}

	}

	/** Records blocked chats. */
	public static class RecordingTelegramBlockedHandler implements TelegramBlockedHandler {

		public final List<String> blocked = new CopyOnWriteArrayList<>();

		@Override
		public void telegramBlocked(@Nullable Long recipientUserId, String chatId) {
			this.blocked.add(recipientUserId + ":" + chatId);
		}

	}

}
