package kz.zhilyego.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Idempotency-Key mechanism for requests that create something (a hold, a
 * payment): every request with the same key and the same body gets the same answer, and
 * the same key with another body is a 422 problem ({@code idempotency-key-reused}).
 * <p>
 * The key is recorded <em>before</em> the work, in the caller's transaction, under the
 * primary key of {@code idempotency_keys} (operation, caller, key). A parallel
 * duplicate's insert waits on that row until the first transaction ends: if it committed,
 * the duplicate replays what the first created; if it rolled back (dates taken, bad
 * input), the duplicate does the work itself. So N parallel identical requests create one
 * thing and all N get it — never "your own dates are taken".
 * <p>
 * The request's fingerprint is the SHA-256 of its canonical JSON (properties sorted), so
 * a retry matches whatever its field order or formatting.
 */
@Component
public class Idempotency {

	/** Longest key accepted (the {@code Idempotency-Key} header or a form token). */
	public static final int MAX_KEY = 255;

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final JdbcClient jdbc;

	private final Clock clock;

	Idempotency(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One keyed request.
	 *
	 * @param operation what the key is for, e.g. {@code booking.hold}; keys of different
	 * operations never meet
	 * @param callerId whose key it is (keys are per caller)
	 * @param key the client's key
	 * @param request what the caller asked for; its canonical JSON is the fingerprint
	 */
	public record Request(String operation, long callerId, String key, Object request) {

		public Request {
			if (key.isBlank()) {
				throw ProblemException.invalidField("Idempotency-Key", "idempotency.key.blank");
			}
			if (key.length() > MAX_KEY) {
				throw ProblemException.invalidField("Idempotency-Key", "idempotency.key.tooLong", MAX_KEY);
			}
		}

	}

	/** The answer and whether it is a replay of an earlier request with the key. */
	public record Result<T>(T value, boolean replayed) {
	}

	/**
	 * Runs {@code work} once per key, inside the caller's transaction: a first request
	 * records the key, does the work and records {@code resourceId} of its result; a
	 * repeat with the same body gets {@code replay(resourceId)} of the first result
	 * instead, waiting for the first if it is still running.
	 * @throws ProblemException 422 {@code idempotency-key-reused} when the key came with
	 * another body
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <T> Result<T> run(Request request, Supplier<T> work, Function<T, String> resourceId,
			Function<String, T> replay) {
		String fingerprint = fingerprint(request.request());
		int claimed = this.jdbc.sql("""
				insert into idempotency_keys (operation, caller_id, idempotency_key, fingerprint, created_at)
				values (:operation, :caller, :key, :fingerprint, :now)
				on conflict do nothing
				""")
			.param("operation", request.operation())
			.param("caller", request.callerId())
			.param("key", request.key())
			.param("fingerprint", fingerprint)
			.param("now", Instants.utc(this.clock.instant()))
			.update();
		if (claimed == 1) {
			T value = work.get();
			this.jdbc.sql("""
					update idempotency_keys set resource_id = :resource
					where operation = :operation and caller_id = :caller and idempotency_key = :key
					""")
				.param("resource", resourceId.apply(value))
				.param("operation", request.operation())
				.param("caller", request.callerId())
				.param("key", request.key())
				.update();
			return new Result<>(value, false);
		}
		// the key was committed by an earlier (or a parallel, now finished) request
		Earlier earlier = this.jdbc.sql("""
				select fingerprint, resource_id from idempotency_keys
				where operation = :operation and caller_id = :caller and idempotency_key = :key
				""")
			.param("operation", request.operation())
			.param("caller", request.callerId())
			.param("key", request.key())
			.query((rs, n) -> new Earlier(rs.getString("fingerprint"), rs.getString("resource_id")))
			.single();
		if (!earlier.fingerprint().equals(fingerprint)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"idempotency.key.reused");
		}
		String resource = earlier.resourceId();
		if (resource == null) {
			// run() records the resource in the transaction that claimed the key
			throw new IllegalStateException("Idempotency key committed without its resource");
		}
		return new Result<>(replay.apply(resource), true);
	}

	/**
	 * Forgets a key whose work was undone later (e.g. the payment provider refused to
	 * open the payment), so the client may retry with the same key.
	 */
	public void forget(String operation, long callerId, String key) {
		this.jdbc.sql(
				"delete from idempotency_keys where operation = :operation and caller_id = :caller and idempotency_key = :key")
			.param("operation", operation)
			.param("caller", callerId)
			.param("key", key)
			.update();
	}

	/** SHA-256 (hex) of the request's canonical JSON. */
	static String fingerprint(Object request) {
		try {
			byte[] json = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Earlier(String fingerprint, @Nullable String resourceId) {
	}

}
