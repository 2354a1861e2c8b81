package kz.zhilyego.common;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request id (correlation id) that every log line carries, in the logging context
 * (MDC) under {@value #KEY}. An HTTP request gets one at the door (taken from a trusted
 * proxy's {@code X-Request-Id} or generated); work the request causes elsewhere keeps it:
 * module listeners (the async executor copies the context), outbox messages (stored with
 * the message, restored when it is sent), payment polling (stored with the payment), and
 * every job execution gets a fresh one. Code that starts work of its own — a job, a
 * Telegram update, a queue consumer — wraps it:
 *
 * <pre>{@code
 * RequestIds.run(storedIdOrNull, () -> handle(update));
 * }</pre>
 */
public final class RequestIds {

	/** MDC key of the request id. */
	public static final String KEY = "requestId";

	/** MDC key of the signed-in user's id, when there is one. */
	public static final String USER_KEY = "userId";

	/** MDC key of the scheduled job a log line comes from. */
	public static final String JOB_KEY = "job";

	/** HTTP header that carries the id in and out. */
	public static final String HEADER = "X-Request-Id";

	/** What an id from outside may look like: no spaces, no line breaks, short. */
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

	private RequestIds() {
	}

	/** The id of the work in progress on this thread, or null outside any. */
	public static @Nullable String current() {
		return MDC.get(KEY);
	}

	/** A new random id. */
	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/** Whether an id received from outside may be used as it is. */
	public static boolean isValid(@Nullable String id) {
		return id != null && VALID.matcher(id).matches();
	}

	/**
	 * Makes {@code id} (a new one when null or invalid) the current id until the scope is
	 * closed; closing restores what was there before.
	 */
	public static Scope open(@Nullable String id) {
		return Scope.put(KEY, isValid(id) ? id : newId());
	}

	/** Runs {@code work} under {@code id} (a new one when null). */
	public static void run(@Nullable String id, Runnable work) {
		try (Scope scope = open(id)) {
			work.run();
		}
	}

	/** Calls {@code work} under {@code id} (a new one when null). */
	public static <T> T call(@Nullable String id, Supplier<T> work) {
		try (Scope scope = open(id)) {
			return work.get();
		}
	}

	/**
	 * Wraps {@code work} to run on another thread with this thread's logging context
	 * (request id, user id) as it is now.
	 */
	public static Runnable propagate(Runnable work) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			if (context == null) {
				MDC.clear();
			}
			else {
				MDC.setContextMap(context);
			}
			try {
				work.run();
			}
			finally {
				if (previous == null) {
					MDC.clear();
				}
				else {
					MDC.setContextMap(previous);
				}
			}
		};
	}

	/** An MDC entry that closing puts back as it was. */
	public static final class Scope implements AutoCloseable {

		private final String key;

		private final @Nullable String previous;

		private Scope(String key, @Nullable String previous) {
			this.key = key;
			this.previous = previous;
		}

		/** Sets {@code key} to {@code value} until closed. */
		public static Scope put(String key, String value) {
			Scope scope = new Scope(key, MDC.get(key));
			MDC.put(key, value);
			return scope;
		}

		@Override
		public void close() {
			if (this.previous == null) {
				MDC.remove(this.key);
			}
			else {
				MDC.put(this.key, this.previous);
			}
		}

	}

}
