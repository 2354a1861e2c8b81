package kz.zhilyego.notification.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What a channel adapter made of one delivery attempt. */
public sealed interface SendResult {

	/** Delivered (handed to the provider). */
	record Sent(@Nullable String providerMessageId) implements SendResult {
	}

	/**
	 * Failed, may work later: counts as an attempt, retried with backoff, DEAD after N.
	 */
	record Failed(String reason) implements SendResult {
	}

	/**
	 * The provider asked us to wait (429 retry_after, local rate limit): not an attempt.
	 */
	record RetryAfter(Duration delay, String reason) implements SendResult {
	}

	/** Will never work as it is (bad address, rejected template): parked as DEAD now. */
	record Rejected(String reason) implements SendResult {
	}

	/**
	 * The recipient refused the channel (Telegram 403): SKIPPED, the channel is turned
	 * off.
	 */
	record Blocked(String reason) implements SendResult {
	}

	/**
	 * Not worth sending any more (a password reset whose link was used, replaced or
	 * expired meanwhile): SKIPPED, nothing else changes.
	 */
	record Skipped(String reason) implements SendResult {
	}

	static String shorten(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\s+", " ").trim();
		return flat.length() > 500 ? flat.substring(0, 500) + "…" : flat;
	}

}
