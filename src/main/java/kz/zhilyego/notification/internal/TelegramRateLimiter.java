package kz.zhilyego.notification.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Telegram's limits on this node: about one message per second per chat and about 30 per
 * second overall (token buckets, Bucket4j). A sender waits up to {@code maxWait} for a
 * token; the per-chat buckets of the least recently used chats are forgotten.
 */
class TelegramRateLimiter {

	private static final int MAX_CHATS = 10_000;

	private final Bucket global;

	private final double perChatPerSecond;

	private final Duration maxWait;

	private final Map<String, Bucket> chats = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CHATS;
		}

	};

	TelegramRateLimiter(double perChatPerSecond, double globalPerSecond, Duration maxWait) {
		this.global = bucket(globalPerSecond);
		this.perChatPerSecond = perChatPerSecond;
		this.maxWait = maxWait;
	}

	private static Bucket bucket(double perSecond) {
		long capacity = Math.max(1, (long) Math.floor(perSecond));
		long periodNanos = (long) (capacity * 1_000_000_000L / perSecond);
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(capacity)
				.refillGreedy(capacity, Duration.ofNanos(periodNanos))
				.build())
			.build();
	}

	/**
	 * Waits for a token of the chat and of the node; false if that would take too long.
	 */
	boolean acquire(String chatId) throws InterruptedException {
		Bucket chat;
		synchronized (this.chats) {
			chat = this.chats.computeIfAbsent(chatId, id -> bucket(this.perChatPerSecond));
		}
		return take(chat) && take(this.global);
	}

	private boolean take(Bucket bucket) throws InterruptedException {
		if (this.maxWait.isZero() || this.maxWait.isNegative()) {
			return bucket.tryConsume(1);
		}
		return bucket.asBlocking().tryConsume(1, this.maxWait);
	}

}
