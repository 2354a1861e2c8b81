package kz.zhilyego.realtor;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a listing's change history: who, when, what kind of change and which
 * fields went from which old value to which new one (access codes only as "changed").
 */
public record ListingChange(long id, long changedBy, String changedByName, Instant changedAt, String action,
		Map<String, FieldChange> fields) {

	public ListingChange {
		fields = Map.copyOf(fields);
	}

	public record FieldChange(@Nullable Object oldValue, @Nullable Object newValue) {
	}

}
