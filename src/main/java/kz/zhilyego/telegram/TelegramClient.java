package kz.zhilyego.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The one way out to the Bot API. Calls for a chat go through that chat's lane: in order,
 * at most one message per {@code perChatInterval}, and a 429 pauses only that lane for
 * its {@code retry_after} (the call is then repeated, never lost) while other chats go
 * on. Every call also takes a token of the node's global bucket (≈ 25/s). A 403 marks the
 * chat unreachable and fails what is queued for it; "message is not modified" counts as
 * done; network errors and 5xx are retried a few times. A call with a deadline
 * (notifications, which have their own durable retries) gives up with {@code RETRY_LATER}
 * instead of waiting past it.
 */
class TelegramClient implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TelegramClient.class);

	/** Simulated chats (dev) have ids from 2^52 on; no real Telegram id is that big. */
	static final long SIMULATED_CHATS = 1L << 52;

	private static final int MAX_ATTEMPTS = 4;

	/** One Bot API operation. */
	@FunctionalInterface
	interface ApiCall<T> {

		@Nullable T run(BotApi api) throws TelegramApiException;

	}

	private final @Nullable BotApi live;

	private final @Nullable BotApi simulator;

	private final Bucket global;

	private final long perChatNanos;

	private final LongConsumer blocked;

	private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

	private final AtomicLong tooManyRequests = new AtomicLong();

	private final Runnable throttled;

	private volatile boolean closed;

	TelegramClient(@Nullable BotApi live, @Nullable BotApi simulator, double globalPerSecond, Duration perChatInterval,
			LongConsumer blocked) {
		this(live, simulator, globalPerSecond, perChatInterval, blocked, () -> {
		});
	}

	/**
	 * @param throttled called on every 429 answer (the
	 * {@code zhilyego.telegram.throttled} meter)
	 */
	TelegramClient(@Nullable BotApi live, @Nullable BotApi simulator, double globalPerSecond, Duration perChatInterval,
			LongConsumer blocked, Runnable throttled) {
		this.throttled = throttled;
		this.live = live;
		this.simulator = simulator;
		long capacity = Math.max(1, (long) Math.floor(globalPerSecond));
		this.global = Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(capacity)
				.refillGreedy(capacity, Duration.ofNanos((long) (capacity * 1_000_000_000L / globalPerSecond)))
				.initialTokens(capacity)
				.build())
			.build();
		this.perChatNanos = perChatInterval.toNanos();
		this.blocked = blocked;
	}

	/** Whether calls to this chat can go out at all. */
	boolean reaches(long chatId) {
		return apiFor(chatId) != null;
	}

	static boolean simulated(long chatId) {
		return chatId >= SIMULATED_CHATS;
	}

	private @Nullable BotApi apiFor(long chatId) {
		return simulated(chatId) ? this.simulator : this.live;
	}

	/** Chats with a lane now (for tests: idle lanes are dropped). */
	int lanes() {
		return this.lanes.size();
	}

	long tooManyRequestsCount() {
		return this.tooManyRequests.get();
	}

	/**
	 * Queues a message-like call (send, edit) in the chat's lane.
	 * @param maxWait null: wait as long as Telegram asks; else give up with
	 * {@code RETRY_LATER} when it cannot go out within this time
	 */
	<T> CompletableFuture<@Nullable T> submit(long chatId, ApiCall<T> call, @Nullable Duration maxWait) {
		CompletableFuture<@Nullable T> result = new CompletableFuture<>();
		BotApi api = apiFor(chatId);
		if (api == null || this.closed) {
			result.completeExceptionally(new TelegramCallException(TelegramCallException.Kind.NOT_CONFIGURED,
					"no Telegram bot token", null));
			return result;
		}
		long deadline = maxWait == null ? Long.MAX_VALUE : System.nanoTime() + maxWait.toNanos();
		Lane lane;
		boolean start;
		while (true) {
			lane = this.lanes.computeIfAbsent(chatId, Lane::new);
			synchronized (lane) {
				if (lane.retired) {
					continue;
				}
				lane.queue.add(new Queued<>(call, result, deadline, api));
				start = !lane.running;
				lane.running = true;
				break;
			}
		}
		if (start) {
			Lane started = lane;
			Thread.ofVirtual().name("telegram-chat-" + chatId).start(() -> drain(started));
		}
		return result;
	}

	/**
	 * A call outside any chat's order (answerCallbackQuery, setMyCommands): only the
	 * global bucket; retried on 429 and network errors.
	 */
	<T> CompletableFuture<@Nullable T> direct(long chatId, ApiCall<T> call) {
		CompletableFuture<@Nullable T> result = new CompletableFuture<>();
		BotApi api = apiFor(chatId);
		if (api == null) {
			result.completeExceptionally(new TelegramCallException(TelegramCallException.Kind.NOT_CONFIGURED,
					"no Telegram bot token", null));
			return result;
		}
		Thread.ofVirtual().name("telegram-call").start(() -> {
			Queued<T> queued = new Queued<>(call, result, Long.MAX_VALUE, api);
			long wait;
			while ((wait = attempt(queued, chatId)) > 0) {
				pause(wait);
			}
		});
		return result;
	}

	private void drain(Lane lane) {
		while (true) {
			Queued<?> head;
			synchronized (lane) {
				head = lane.queue.peek();
				// an idle lane is dropped once its spacing has passed (a chat that writes
				// again gets a fresh one), so the map holds only chats in conversation
				if (head == null && System.nanoTime() >= lane.nextAt) {
					lane.running = false;
					lane.retired = true;
					this.lanes.remove(lane.chatId, lane);
					return;
				}
			}
			if (head == null) {
				pause(lane.nextAt - System.nanoTime());
				continue;
			}
			long now = System.nanoTime();
			long wait = Math.max(0, lane.nextAt - now);
			if (head.deadline != Long.MAX_VALUE && now + wait > head.deadline) {
				head.fail(new TelegramCallException(TelegramCallException.Kind.RETRY_LATER,
						"no send slot for this chat in time", Duration.ofNanos(Math.max(wait, 1_000_000_000L))));
				poll(lane);
				continue;
			}
			pause(wait);
			long retry = attempt(head, lane.chatId);
			if (retry > 0) {
				lane.nextAt = System.nanoTime() + retry;
				continue;
			}
			if (retry < 0) {
				failAll(lane);
				continue;
			}
			lane.nextAt = System.nanoTime() + this.perChatNanos;
			poll(lane);
		}
	}

	/**
	 * One try of the head call: 0 = done (result completed), > 0 = try again after so
	 * many nanoseconds, < 0 = the chat blocked the bot (result failed).
	 */
	private <T> long attempt(Queued<T> queued, long chatId) {
		try {
			this.global.asBlocking().consume(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			queued.fail(new TelegramCallException(TelegramCallException.Kind.FAILED, "interrupted", null));
			return 0;
		}
		try {
			T value = queued.call.run(queued.api);
			queued.result.complete(value);
			return 0;
		}
		catch (TelegramApiRequestException ex) {
			String response = String.valueOf(ex.getApiResponse());
			int code = ex.getErrorCode() != null ? ex.getErrorCode() : codeOf(response);
			String description = "Telegram " + code + ": " + response;
			if (code == 429) {
				this.tooManyRequests.incrementAndGet();
				this.throttled.run();
				int seconds = ex.getParameters() != null && ex.getParameters().getRetryAfter() != null
						? ex.getParameters().getRetryAfter() : 1;
				long nanos = TimeUnit.SECONDS.toNanos(Math.max(1, seconds));
				if (queued.deadline != Long.MAX_VALUE && System.nanoTime() + nanos > queued.deadline) {
					queued.fail(new TelegramCallException(TelegramCallException.Kind.RETRY_LATER, description,
							Duration.ofSeconds(Math.max(1, seconds))));
					return 0;
				}
				return nanos;
			}
			if (code == 400 && description.toLowerCase().contains("message is not modified")) {
				queued.result.complete(null);
				return 0;
			}
			if (code == 403) {
				log.info("Telegram chat {} refused messages: {}", chatId, description);
				queued.fail(new TelegramCallException(TelegramCallException.Kind.BLOCKED, description, null));
				this.blocked.accept(chatId);
				return -1;
			}
			if (code >= 400 && code < 500) {
				queued.fail(new TelegramCallException(TelegramCallException.Kind.REJECTED, description, null));
				return 0;
			}
			return retryOrFail(queued, description);
		}
		catch (TelegramApiException | RuntimeException ex) {
			return retryOrFail(queued, "Telegram unreachable: " + ex.getClass().getSimpleName());
		}
	}

	/** The status an answer without {@code error_code} stands for, by its description. */
	static int codeOf(String description) {
		if (description.startsWith("Bad Request")) {
			return 400;
		}
		if (description.startsWith("Forbidden")) {
			return 403;
		}
		if (description.startsWith("Too Many Requests")) {
			return 429;
		}
		if (description.startsWith("Unauthorized")) {
			return 401;
		}
		return 500;
	}

	private long retryOrFail(Queued<?> queued, String description) {
		queued.attempts++;
		if (queued.attempts >= MAX_ATTEMPTS || queued.deadline != Long.MAX_VALUE) {
			queued.fail(new TelegramCallException(TelegramCallException.Kind.FAILED, description, null));
			return 0;
		}
		return TimeUnit.MILLISECONDS.toNanos(500L << queued.attempts);
	}

	private void failAll(Lane lane) {
		Queued<?> head;
		synchronized (lane) {
			lane.queue.poll();
		}
		// the head already failed as BLOCKED; what follows for the chat fails the same
		// way
		while (true) {
			synchronized (lane) {
				head = lane.queue.peek();
				if (head == null) {
					return;
				}
				lane.queue.poll();
			}
			head.fail(new TelegramCallException(TelegramCallException.Kind.BLOCKED, "the chat blocked the bot", null));
		}
	}

	private static void poll(Lane lane) {
		synchronized (lane) {
			lane.queue.poll();
		}
	}

	private static void pause(long nanos) {
		if (nanos <= 0) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.closed = true;
	}

	private static final class Lane {

		final long chatId;

		final ArrayDeque<Queued<?>> queue = new ArrayDeque<>();

		boolean running;

		boolean retired;

		volatile long nextAt = System.nanoTime();

		Lane(long chatId) {
			this.chatId = chatId;
		}

	}

	private static final class Queued<T> {

		final ApiCall<T> call;

		final CompletableFuture<@Nullable T> result;

		final long deadline;

		final BotApi api;

		int attempts;

		Queued(ApiCall<T> call, CompletableFuture<@Nullable T> result, long deadline, BotApi api) {
			this.call = call;
			this.result = result;
			this.deadline = deadline;
			this.api = api;
		}

		void fail(TelegramCallException ex) {
			this.result.completeExceptionally(ex);
		}

	}

}
