package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The change history of listings and their prices ({@code listing_changes}, V11). */
@Repository
class ListingHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ListingHistory(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** Fields whose value differs, with the old and the new value. */
	static Map<String, ListingChange.FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
		Map<String, ListingChange.FieldChange> changes = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			Object old = before.get(field);
			if (!same(old, value)) {
				changes.put(field, new ListingChange.FieldChange(old, value));
			}
		});
		return changes;
	}

	private static boolean same(@Nullable Object a, @Nullable Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		return Objects.equals(a, b);
	}

	void record(long listingId, long actorId, String action, Map<String, ListingChange.FieldChange> fields) {
		Map<String, Map<String, @Nullable Object>> json = new LinkedHashMap<>();
		fields.forEach((field, change) -> {
			Map<String, @Nullable Object> pair = new LinkedHashMap<>();
			pair.put("old", change.oldValue());
			pair.put("new", change.newValue());
			json.put(field, pair);
		});
		long changeId = this.jdbc.sql("""
				insert into listing_changes (listing_id, changed_by, changed_at, action, fields)
				values (:listing, :by, :at, :action, cast(:fields as jsonb))
				returning id
				""")
			.param("listing", listingId)
			.param("by", actorId)
			.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("action", action)
			.param("fields", this.json.writeValueAsString(json))
			.query(Long.class)
			.single();
		this.events
			.publishEvent(new ListingChanged(listingId, changeId, actorId, action, List.copyOf(fields.keySet())));
	}

	void price(long listingId, @Nullable LocalDate night, @Nullable BigDecimal oldPrice, @Nullable BigDecimal newPrice,
			long actorId) {
		this.jdbc.sql("""
				insert into listing_price_history (listing_id, night, old_price, new_price, changed_by, changed_at)
				values (:listing, :night, :old, :new, :by, :at)
				""")
			.param("listing", listingId)
			.param("night", night)
			.param("old", oldPrice)
			.param("new", newPrice)
			.param("by", actorId)
			.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	java.util.List<ListingChange> of(long listingId) {
		return this.jdbc.sql("""
				select c.*, u.name from listing_changes c join user_names u on u.id = c.changed_by
				where c.listing_id = :listing order by c.changed_at desc, c.id desc limit 500
				""").param("listing", listingId).query((rs, n) -> {
			Map<String, Map<String, Object>> raw = this.json.readValue(rs.getString("fields"),
					new TypeReference<Map<String, Map<String, Object>>>() {
					});
			Map<String, ListingChange.FieldChange> fields = new LinkedHashMap<>();
			raw.forEach((field, pair) -> fields.put(field,
					new ListingChange.FieldChange(pair.get("old"), pair.get("new"))));
			return new ListingChange(rs.getLong("id"), rs.getLong("changed_by"), rs.getString("name"),
					rs.getTimestamp("changed_at").toInstant(), rs.getString("action"), fields);
		}).list();
	}

}
