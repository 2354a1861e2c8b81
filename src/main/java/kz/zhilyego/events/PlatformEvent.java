package kz.zhilyego.events;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a module tells the platform record about one domain change.
 *
 * @param key the change's natural key, unique over all events (e.g.
 * {@code booking.confirmed:<booking id>}); recording the same key again adds nothing, so
 * a retried or redelivered change is stored once
 * @param type a dotted lower-case name, e.g. {@code booking.confirmed}
 * @param actorId the user who did it when the event knows; otherwise the signed-in user
 * of the request, or none (the system)
 * @param subjectType what it is about: {@code booking}, {@code payment}, {@code listing},
 * {@code review}, {@code user}, {@code message}
 * @param subjectId the subject's id as text
 * @param payload the facts of the change (small values: ids, codes, amounts as text)
 * @param perTransaction the key is completed with the id of the recording transaction:
 * for changes that may happen again to one subject (a review hidden, restored, hidden
 * again) and have no natural key of their own
 */
public record PlatformEvent(String key, String type, @Nullable Long actorId, String subjectType, String subjectId,
		Map<String, @Nullable Object> payload, boolean perTransaction) {

	public PlatformEvent {
		Objects.requireNonNull(key);
		Objects.requireNonNull(type);
		payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
	}

	/** An event whose key is its type and subject: it happens once per subject. */
	public static PlatformEvent once(String type, String subjectType, Object subjectId,
			Map<String, @Nullable Object> payload) {
		return new PlatformEvent(type + ":" + subjectId, type, null, subjectType, String.valueOf(subjectId), payload,
				false);
	}

	/**
	 * An event that may happen to one subject again: one row per recording transaction (a
	 * retried transaction that rolled back left none).
	 */
	public static PlatformEvent repeatable(String type, String subjectType, Object subjectId,
			Map<String, @Nullable Object> payload) {
		return new PlatformEvent(type + ":" + subjectId, type, null, subjectType, String.valueOf(subjectId), payload,
				true);
	}

	/** The same event with a key that tells repeated changes of one subject apart. */
	public PlatformEvent keyedBy(Object discriminator) {
		return new PlatformEvent(this.type + ":" + this.subjectId + ":" + discriminator, this.type, this.actorId,
				this.subjectType, this.subjectId, this.payload, false);
	}

	/** The same event done by {@code actor}. */
	public PlatformEvent by(@Nullable Long actor) {
		return new PlatformEvent(this.key, this.type, actor, this.subjectType, this.subjectId, this.payload,
				this.perTransaction);
	}

	/** Pairs of name and value; dates and instants as ISO text. */
	public static Map<String, @Nullable Object> facts(Object... pairs) {
		Map<String, @Nullable Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			map.put((String) pairs[i],
					value instanceof Number || value instanceof Boolean || value instanceof String || value == null
							? value : value.toString());
		}
		return map;
	}

}
