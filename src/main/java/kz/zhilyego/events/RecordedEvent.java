package kz.zhilyego.events;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored platform event, as the admin API, the timeline and the rule engine read it.
 */
public record RecordedEvent(long id, String type, @Nullable Long actorId, String subjectType, String subjectId,
		Map<String, @Nullable Object> payload, Instant occurredAt) {

	public RecordedEvent {
		payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
	}

}
