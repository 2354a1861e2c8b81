package kz.zhilyego.notification;

import java.time.Duration;
import java.util.Map;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/**
 * Port: delivers a rendered notification to a Telegram chat through the Telegram module's
 * one rate-limited client, which adds inline buttons into the bot's flows where they help
 * (e.g. "Check-in instructions" on a confirmation). Without an implementation, or for a
 * chat it cannot reach (no bot token), the message is captured instead (see
 * {@code /dev/mail}). Implementations never throw for Bot API errors.
 */
public interface TelegramDelivery {

	/** Whether a message to this chat can be delivered now (a token is set, ...). */
	boolean reaches(String chatId);

	/**
	 * Sends the message, waiting at most {@code maxWait} for the rate limits.
	 * @param message what to send
	 * @param maxWait longest wait for a send slot; beyond it the answer is
	 * {@link Result.RetryAfter}
	 */
	Result deliver(Message message, Duration maxWait);

	/**
	 * @param html the text for {@code parse_mode=HTML}, already escaped
	 * @param params the stored message parameters (never secrets), e.g. {@code bookingId}
	 */
	record Message(String chatId, @Nullable Long recipientUserId, NotificationKind kind, Language language, String html,
			Map<String, String> params) {

		public Message {
			params = Map.copyOf(params);
		}

	}

	/** What became of a delivery. */
	sealed interface Result {

		record Sent(@Nullable String messageId) implements Result {
		}

		/** Rate limited (429 retry_after, or no send slot in time): try again later. */
		record RetryAfter(Duration delay, String reason) implements Result {
		}

		/** 403: the user blocked the bot; the chat is marked unreachable. */
		record Blocked(String reason) implements Result {
		}

		/** Never works as it is (400). */
		record Rejected(String reason) implements Result {
		}

		/** Network or server trouble: retry with backoff. */
		record Failed(String reason) implements Result {
		}

	}

}
