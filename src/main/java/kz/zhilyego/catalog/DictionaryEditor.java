package kz.zhilyego.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the dictionaries (cities with their time zone, districts with validity dates,
 * housing classes and types, amenities; names in RU/KK/EN): create, edit, deactivate,
 * reorder, delete. Search, the forms and the bot read the tables on every request, so a
 * change is visible at once on every node (no cache to clear). An entry that listings use
 * is never deleted (a 409), only deactivated: it stays on those listings and is offered
 * nowhere. Callers audit the change (the admin module); this class writes only.
 */
@Service
public class DictionaryEditor {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");

	private static final Pattern CODE = Pattern.compile("[a-z](?:[a-z_]{0,38}[a-z])?");

	private static final int MAX_NAME = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	DictionaryEditor(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The five dictionaries, by their API name. */
	public enum Kind {

		CITIES("cities"), DISTRICTS("districts"), CLASSES("classes"), TYPES("types"), AMENITIES("amenities");

		private final String path;

		Kind(String path) {
			this.path = path;
		}

		public String path() {
			return this.path;
		}

		/** The kind of an API name; a 404 for anything else. */
		public static Kind of(String path) {
			for (Kind kind : values()) {
				if (kind.path.equals(path)) {
					return kind;
				}
			}
			throw ProblemException.notFound("dictionary.notFound");
		}

	}

	/**
	 * Every entry of a kind (active or not), in display order; {@code query} filters
	 * names and codes.
	 */
	@Transactional(readOnly = true)
	public List<DictionaryEntry> list(Kind kind, @Nullable String query) {
		String q = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase(Locale.ROOT) + "%";
		return this.jdbc.sql(select(kind) + """
				 where (cast(:q as text) is null or lower(x.code) like :q or lower(x.name_ru) like :q
				        or lower(x.name_kk) like :q or lower(x.name_en) like :q)
				""" + order(kind)).param("q", q).param("today", today()).query((rs, n) -> entry(kind, rs)).list();
	}

	@Transactional(readOnly = true)
	public DictionaryEntry get(Kind kind, String key) {
		return find(kind, key).orElseThrow(() -> ProblemException.notFound("dictionary.entryNotFound"));
	}

	private Optional<DictionaryEntry> find(Kind kind, String key) {
		Object id = keyParam(kind, key);
		if (id == null) {
			return Optional.empty();
		}
		// x.key is text for every kind (a district's id as text): compare as text
		return this.jdbc.sql(select(kind) + " where x.key = :key")
			.param("key", String.valueOf(id))
			.param("today", today())
			.query((rs, n) -> entry(kind, rs))
			.optional();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public DictionaryEntry create(Kind kind, DictionaryForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		String code = form.code() == null ? "" : form.code().strip();
		if (!(kind == Kind.CITIES || kind == Kind.DISTRICTS ? SLUG : CODE).matcher(code).matches()) {
			errors.put("code", "dictionary.error.code");
		}
		Long cityId = null;
		if (kind == Kind.DISTRICTS) {
			cityId = form.city() == null ? null
					: this.jdbc.sql("select id from cities where slug = :slug")
						.param("slug", form.city())
						.query(Long.class)
						.optional()
						.orElse(null);
			if (cityId == null) {
				errors.put("city", "dictionary.error.city");
			}
		}
		checkCommon(kind, form, errors, true);
		if (kind == Kind.AMENITIES) {
			// before the checks: two creations at once would both find the code free
			// and the same bit free
			this.jdbc.sql("lock table amenities in share row exclusive mode").update();
		}
		if (!errors.containsKey("code") && codeTaken(kind, code, cityId)) {
			errors.put("code", "dictionary.error.codeTaken");
		}
		if (kind == Kind.AMENITIES && amenitiesFull()) {
			errors.put("code", "dictionary.error.amenitiesFull");
		}
		fail(errors);
		int position = form.position() != null ? form.position() : nextPosition(kind, cityId);
		String key = switch (kind) {
			case CITIES -> {
				this.jdbc.sql("""
						insert into cities (slug, name_ru, name_kk, name_en, time_zone, position)
						values (:code, :ru, :kk, :en, :zone, :position)
						""")
					.params(names(form))
					.param("code", code)
					.param("zone", zone(form))
					.param("position", position)
					.update();
				yield code;
			}
			case DISTRICTS -> String.valueOf(this.jdbc.sql("""
					insert into districts (city_id, slug, name_ru, name_kk, name_en, valid_from, valid_to, position)
					values (:city, :code, :ru, :kk, :en, :from, :to, :position) returning id
					""")
				.params(names(form))
				.param("city", cityId)
				.param("code", code)
				.param("from", form.validFrom())
				.param("to", form.validTo())
				.param("position", position)
				.query(Long.class)
				.single());
			case CLASSES -> {
				this.jdbc.sql("""
						insert into housing_classes (code, name_ru, name_kk, name_en, position)
						values (:code, :ru, :kk, :en, :position)
						""").params(names(form)).param("code", code).param("position", position).update();
				yield code;
			}
			case TYPES -> {
				this.jdbc.sql("""
						insert into housing_types (code, slug, name_ru, name_kk, name_en, has_rooms, position)
						values (:code, :slug, :ru, :kk, :en, :rooms, :position)
						""")
					.params(names(form))
					.param("code", code)
					.param("slug", form.slug() == null ? "" : form.slug().strip())
					.param("rooms", form.hasRooms() == null || form.hasRooms())
					.param("position", position)
					.update();
				yield code;
			}
			case AMENITIES -> {
				this.jdbc.sql("""
						insert into amenities (code, name_ru, name_kk, name_en, position)
						values (:code, :ru, :kk, :en, :position)
						""").params(names(form)).param("code", code).param("position", position).update();
				yield code;
			}
		};
		return get(kind, key);
	}

	/**
	 * Whether every amenity bit is given (V103: searches test a listing's amenities as
	 * bits of one bigint, 63 of them).
	 */
	private boolean amenitiesFull() {
		return this.jdbc.sql("select count(*) >= 63 from amenities").query(Boolean.class).single();
	}

	/** Changes names and the kind's own fields; the code stays. */
	@Transactional(propagation = Propagation.MANDATORY)
	public DictionaryEntry update(Kind kind, String key, DictionaryForm form) {
		DictionaryEntry current = get(kind, key);
		Map<String, String> errors = new LinkedHashMap<>();
		checkCommon(kind, form, errors, false);
		fail(errors);
		int position = form.position() != null ? form.position() : current.position();
		Object id = keyParam(kind, key);
		switch (kind) {
			case CITIES -> this.jdbc
				.sql("""
						update cities set name_ru = :ru, name_kk = :kk, name_en = :en, time_zone = :zone, position = :position
						where slug = :key
						""")
				.params(names(form))
				.param("zone", zone(form))
				.param("position", position)
				.param("key", id)
				.update();
			case DISTRICTS -> this.jdbc
				.sql("""
						update districts set name_ru = :ru, name_kk = :kk, name_en = :en, valid_from = :from, valid_to = :to,
						    position = :position
						where id = :key
						""")
				.params(names(form))
				.param("from", form.validFrom())
				.param("to", form.validTo())
				.param("position", position)
				.param("key", id)
				.update();
			case CLASSES -> this.jdbc.sql("""
					update housing_classes set name_ru = :ru, name_kk = :kk, name_en = :en, position = :position
					where code = :key
					""").params(names(form)).param("position", position).param("key", id).update();
			case TYPES -> this.jdbc.sql("""
					update housing_types set slug = :slug, name_ru = :ru, name_kk = :kk, name_en = :en,
					    has_rooms = :rooms, position = :position
					where code = :key
					""")
				.params(names(form))
				.param("slug", form.slug() == null ? "" : form.slug().strip())
				.param("rooms", form.hasRooms() == null || form.hasRooms())
				.param("position", position)
				.param("key", id)
				.update();
			case AMENITIES -> this.jdbc.sql("""
					update amenities set name_ru = :ru, name_kk = :kk, name_en = :en, position = :position
					where code = :key
					""").params(names(form)).param("position", position).param("key", id).update();
		}
		return get(kind, key);
	}

	/**
	 * Deactivates (offered nowhere from now on) or reactivates an entry. A district is
	 * deactivated by ending its validity today, reactivated by opening it again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public DictionaryEntry setActive(Kind kind, String key, boolean active) {
		get(kind, key);
		Object id = keyParam(kind, key);
		if (kind == Kind.DISTRICTS) {
			LocalDate today = today();
			this.jdbc.sql(active ? "update districts set valid_to = null where id = :key" : """
					update districts set valid_to = greatest(:today, valid_from + 1)
					where id = :key and (valid_to is null or valid_to > :today)
					""").param("key", id).param("today", today).update();
		}
		else {
			this.jdbc.sql("update %s set active = :active where %s = :key".formatted(table(kind), keyColumn(kind)))
				.param("active", active)
				.param("key", id)
				.update();
		}
		return get(kind, key);
	}

	/**
	 * Puts the entries in this order (positions 1, 2, …). The keys must be exactly the
	 * kind's entries (for districts: all districts of one city).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<DictionaryEntry> reorder(Kind kind, List<String> keys) {
		if (keys.isEmpty() || new HashSet<>(keys).size() != keys.size()) {
			throw ProblemException.invalidField("keys", "dictionary.error.order");
		}
		List<DictionaryEntry> entries = new ArrayList<>();
		for (String key : keys) {
			entries.add(
					find(kind, key).orElseThrow(() -> ProblemException.invalidField("keys", "dictionary.error.order")));
		}
		List<DictionaryEntry> siblings = list(kind, null).stream()
			.filter(e -> kind != Kind.DISTRICTS || java.util.Objects.equals(e.city(), entries.get(0).city()))
			.toList();
		if (siblings.size() != keys.size()) {
			throw ProblemException.invalidField("keys", "dictionary.error.order");
		}
		for (int i = 0; i < keys.size(); i++) {
			this.jdbc.sql("update %s set position = :position where %s = :key".formatted(table(kind), keyColumn(kind)))
				.param("position", i + 1)
				.param("key", keyParam(kind, keys.get(i)))
				.update();
		}
		return list(kind, null).stream()
			.filter(e -> kind != Kind.DISTRICTS || java.util.Objects.equals(e.city(), entries.get(0).city()))
			.toList();
	}

	/**
	 * Deletes an entry nothing uses; an entry in use is a 409 (deactivate it instead).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public DictionaryEntry delete(Kind kind, String key) {
		DictionaryEntry entry = get(kind, key);
		if (entry.usedBy() > 0) {
			throw ProblemException.conflict("dictionary-entry-in-use", "dictionary.error.inUse", entry.usedBy());
		}
		this.jdbc.sql("delete from %s where %s = :key".formatted(table(kind), keyColumn(kind)))
			.param("key", keyParam(kind, key))
			.update();
		return entry;
	}

	private void checkCommon(Kind kind, DictionaryForm form, Map<String, String> errors, boolean creating) {
		name(form.nameRu(), "nameRu", errors);
		name(form.nameKk(), "nameKk", errors);
		name(form.nameEn(), "nameEn", errors);
		if (form.position() != null && (form.position() < 0 || form.position() > 9999)) {
			errors.put("position", "dictionary.error.position");
		}
		if (kind == Kind.CITIES && form.timeZone() != null && !form.timeZone().isBlank()) {
			try {
				ZoneId.of(form.timeZone().strip());
			}
			catch (DateTimeException ex) {
				errors.put("timeZone", "dictionary.error.timeZone");
			}
		}
		if (kind == Kind.DISTRICTS) {
			if (form.validFrom() == null) {
				errors.put("validFrom", "dictionary.error.validFrom");
			}
			else if (form.validTo() != null && !form.validTo().isAfter(form.validFrom())) {
				errors.put("validTo", "dictionary.error.validTo");
			}
		}
		if (kind == Kind.TYPES) {
			String slug = form.slug() == null ? "" : form.slug().strip();
			if (!SLUG.matcher(slug).matches()) {
				errors.put("slug", "dictionary.error.code");
			}
			else if (this.jdbc.sql("select count(*) from housing_types where slug = :slug and code <> :code")
				.param("slug", slug)
				.param("code", form.code() == null ? "" : form.code().strip())
				.query(Long.class)
				.single() > 0 && creating) {
				errors.put("slug", "dictionary.error.codeTaken");
			}
		}
	}

	private static void name(@Nullable String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank() || value.strip().length() > MAX_NAME) {
			errors.put(field, "dictionary.error.name");
		}
	}

	private static void fail(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors, MAX_NAME);
		}
	}

	private boolean codeTaken(Kind kind, String code, @Nullable Long cityId) {
		if (kind == Kind.DISTRICTS) {
			return this.jdbc.sql("select count(*) from districts where city_id = :city and slug = :code")
				.param("city", cityId)
				.param("code", code)
				.query(Long.class)
				.single() > 0;
		}
		return this.jdbc.sql("select count(*) from %s where %s = :code".formatted(table(kind), codeColumn(kind)))
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	private int nextPosition(Kind kind, @Nullable Long cityId) {
		return this.jdbc
			.sql("select coalesce(max(position), 0) + 1 from %s where (cast(:city as bigint) is null%s)"
				.formatted(table(kind), kind == Kind.DISTRICTS ? " or city_id = :city" : ""))
			.param("city", cityId)
			.query(Integer.class)
			.single();
	}

	private static Map<String, Object> names(DictionaryForm form) {
		return Map.of("ru", strip(form.nameRu()), "kk", strip(form.nameKk()), "en", strip(form.nameEn()));
	}

	private static String strip(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static String zone(DictionaryForm form) {
		return form.timeZone() == null || form.timeZone().isBlank() ? Zones.KAZAKHSTAN.getId()
				: form.timeZone().strip();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
	}

	private static @Nullable Object keyParam(Kind kind, String key) {
		if (kind == Kind.DISTRICTS) {
			try {
				return Long.parseLong(key);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return key;
	}

	private static String table(Kind kind) {
		return switch (kind) {
			case CITIES -> "cities";
			case DISTRICTS -> "districts";
			case CLASSES -> "housing_classes";
			case TYPES -> "housing_types";
			case AMENITIES -> "amenities";
		};
	}

	private static String keyColumn(Kind kind) {
		return switch (kind) {
			case CITIES -> "slug";
			case DISTRICTS -> "id";
			default -> "code";
		};
	}

	private static String codeColumn(Kind kind) {
		return kind == Kind.CITIES || kind == Kind.DISTRICTS ? "slug" : "code";
	}

	/**
	 * One row per entry with the columns {@link #entry} reads, as {@code x}; fixed SQL
	 * per kind.
	 */
	private static String select(Kind kind) {
		return switch (kind) {
			case CITIES -> """
					select * from (select c.slug as key, c.slug as code, null as slug, c.name_ru, c.name_kk, c.name_en,
					    c.position, c.active, c.time_zone, null as city, cast(null as date) as valid_from,
					    cast(null as date) as valid_to, cast(null as boolean) as has_rooms, c.id as sort_id,
					    (select count(*) from listings l where l.city_id = c.id)
					      + (select count(*) from districts d where d.city_id = c.id) as used_by
					  from cities c) x
					""";
			case DISTRICTS -> """
					select * from (select cast(d.id as text) as key, d.slug as code, null as slug, d.name_ru, d.name_kk,
					    d.name_en, d.position,
					    (d.valid_from <= :today and (d.valid_to is null or d.valid_to > :today)) as active,
					    null as time_zone, c.slug as city, d.valid_from, d.valid_to, cast(null as boolean) as has_rooms,
					    d.id as sort_id, c.position as city_position,
					    (select count(*) from listings l where l.district_id = d.id) as used_by
					  from districts d join cities c on c.id = d.city_id) x
					""";
			case CLASSES -> """
					select * from (select k.code as key, k.code, null as slug, k.name_ru, k.name_kk, k.name_en,
					    k.position, k.active, null as time_zone, null as city, cast(null as date) as valid_from,
					    cast(null as date) as valid_to, cast(null as boolean) as has_rooms, 0 as sort_id,
					    (select count(*) from listings l where l.class_code = k.code) as used_by
					  from housing_classes k) x
					""";
			case TYPES -> """
					select * from (select t.code as key, t.code, t.slug, t.name_ru, t.name_kk, t.name_en, t.position,
					    t.active, null as time_zone, null as city, cast(null as date) as valid_from,
					    cast(null as date) as valid_to, t.has_rooms, 0 as sort_id,
					    (select count(*) from listings l where l.type_code = t.code) as used_by
					  from housing_types t) x
					""";
			case AMENITIES -> """
					select * from (select a.code as key, a.code, null as slug, a.name_ru, a.name_kk, a.name_en,
					    a.position, a.active, null as time_zone, null as city, cast(null as date) as valid_from,
					    cast(null as date) as valid_to, cast(null as boolean) as has_rooms, 0 as sort_id,
					    (select count(*) from listing_amenities la where la.amenity_code = a.code) as used_by
					  from amenities a) x
					""";
		};
	}

	private static String order(Kind kind) {
		return kind == Kind.DISTRICTS ? " order by x.city_position, x.city, x.position, x.sort_id"
				: " order by x.position, x.code";
	}

	private static DictionaryEntry entry(Kind kind, ResultSet rs) throws SQLException {
		return new DictionaryEntry(kind.path(), rs.getString("key"), rs.getString("code"), rs.getString("slug"),
				rs.getString("name_ru"), rs.getString("name_kk"), rs.getString("name_en"), rs.getInt("position"),
				rs.getBoolean("active"), rs.getString("time_zone"), rs.getString("city"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getObject("has_rooms", Boolean.class), rs.getLong("used_by"));
	}

}
