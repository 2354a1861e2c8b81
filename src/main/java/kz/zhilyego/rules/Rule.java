package kz.zhilyego.rules;

import java.time.Instant;

/** A stored rule; {@code definition} is its JSON as saved (see {@link RuleSchema}). */
public record Rule(long id, String name, String trigger, boolean enabled, String definition, int version,
		long createdBy, Instant updatedAt) {
}
