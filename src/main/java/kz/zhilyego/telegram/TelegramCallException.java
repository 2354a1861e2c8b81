package kz.zhilyego.telegram;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** A Bot API call that did not succeed, by what the caller should do about it. */
class TelegramCallException extends RuntimeException {

	enum Kind {

		/** 403: the user blocked the bot, or the chat is gone. */
		BLOCKED,
		/** 400 and other 4xx: the call will never work as it is. */
		REJECTED,
		/** 429 beyond the caller's deadline, or no send slot in time: try later. */
		RETRY_LATER,
		/** Network trouble or 5xx after the retries. */
		FAILED,
		/** No bot token (and not a simulated chat). */
		NOT_CONFIGURED

	}

	private final Kind kind;

	private final @Nullable Duration retryAfter;

	TelegramCallException(Kind kind, String description, @Nullable Duration retryAfter) {
		super(description, null, false, false);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	Kind kind() {
		return this.kind;
	}

	Duration retryAfter() {
		return this.retryAfter == null ? Duration.ofSeconds(1) : this.retryAfter;
	}

}
