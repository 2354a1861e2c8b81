package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.settings.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings as staff manage them: the scoped list, one listing with every field, create,
 * edit with optimistic locking (a stale {@code version} is a 409), activate, deactivate,
 * the change history, access codes. Every change is written to {@code listing_changes}
 * (field, old, new) and to the audit log in the same transaction.
 */
@Service
public class RealtorListings {

	/** The longest description or house rules (the listing form says the same). */
	public static final int MAX_TEXT = ListingValidation.MAX_TEXT;

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final ListingValidation validation;

	private final ListingHistory history;

	private final AccessCodes accessCodes;

	private final UserDirectory users;

	private final AuditLog audit;

	private final Clock clock;

	private final RealtorProperties properties;

	private final Settings settings;

	/**
	 * Fields whose change sends a live listing back to moderation (when it is on): what a
	 * guest judges the listing by. Prices, times, phone and coordinates are not among
	 * them.
	 */
	static final Set<String> SUBSTANTIAL = Set.of("title", "city", "district", "housingClass", "type", "rooms",
			"street", "house", "block", "areaM2", "sleepingPlaces", "description", "amenities", "houseRules");

	/** Statuses the list filter knows. */
	static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE", "PENDING", "REJECTED", "SUSPENDED");

	RealtorListings(JdbcClient jdbc, StaffScopes scopes, ListingValidation validation, ListingHistory history,
			AccessCodes accessCodes, UserDirectory users, AuditLog audit, Clock clock, RealtorProperties properties,
			Settings settings) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.validation = validation;
		this.history = history;
		this.accessCodes = accessCodes;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * List filters; every one optional. {@code sort}: added | price | occupancy;
	 * {@code realtorId}: one owner in scope (a super admin's team filter; an owner
	 * outside the scope is a 404); {@code q}: part of the title or the address (street,
	 * house, block), or the listing's number.
	 */
	public record Filter(@Nullable String status, @Nullable String type, @Nullable String district,
			@Nullable String sort, @Nullable Integer page, @Nullable Integer size, @Nullable Long realtorId,
			@Nullable String q) {

		public Filter(@Nullable String status, @Nullable String type, @Nullable String district, @Nullable String sort,
				@Nullable Integer page, @Nullable Integer size) {
			this(status, type, district, sort, page, size, null, null);
		}

	}

	/** The longest search text. */
	public static final int MAX_QUERY = 100;

	@Transactional(readOnly = true)
	public PageResult<RealtorListingSummary> list(CurrentUser user, Filter filter, Language language) {
		AccessScope scope = this.scopes.narrow(this.scopes.of(user), filter.realtorId());
		int size = filter.size() == null ? this.properties.defaultPageSize() : filter.size();
		int page = filter.page() == null ? 0 : filter.page();
		if (size < 1 || size > this.properties.maxPageSize()) {
			throw ProblemException.invalidField("size", "realtor.field.outOfRange");
		}
		if (page < 0) {
			throw ProblemException.invalidField("page", "realtor.field.outOfRange");
		}
		String status = filter.status() == null || filter.status().isBlank() ? null
				: filter.status().toUpperCase(java.util.Locale.ROOT);
		if (status != null && !STATUSES.contains(status)) {
			throw ProblemException.invalidField("status", "realtor.field.unknown");
		}
		String orderBy = switch (filter.sort() == null || filter.sort().isBlank() ? "added" : filter.sort()) {
			case "added" -> "l.created_at desc, l.id desc";
			case "price" -> "l.price_per_night, l.id";
			case "price_desc" -> "l.price_per_night desc, l.id";
			case "occupancy" -> "occupancy desc, l.id";
			case "title" -> "l.title, l.id";
			default -> throw ProblemException.invalidField("sort", "realtor.sort.unknown");
		};
		String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
		if (q != null && q.length() > MAX_QUERY) {
			throw ProblemException.invalidField("q", "realtor.search.tooLong", MAX_QUERY);
		}
		Map<String, Object> params = StaffScopes.params(scope);
		params.put("q", q);
		// "№ 123" names a listing; plain text is looked for in the title and the address
		params.put("pattern", q == null || onlyNumber(q) ? "" : "%" + likeEscaped(q) + "%");
		params.put("number", q == null ? null : number(q));
		params.put("status", status);
		params.put("type", blankToNull(filter.type()));
		params.put("district", blankToNull(filter.district()));
		params.put("lang", language.code());
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		params.put("today", today);
		params.put("horizon", today.plusDays(30));
		String where = """
				 where %s and (cast(:status as text) is null or l.status = :status)
				   and (cast(:type as text) is null or l.type_code = :type)
				   and (cast(:district as text) is null or d.slug = :district)
				   and (cast(:q as text) is null or (:pattern <> '' and (l.title ilike :pattern
				        or concat_ws(' ', l.street, l.house, l.block) ilike :pattern))
				        or l.id = cast(:number as bigint))
				""".formatted(StaffScopes.LISTING_IN_SCOPE);
		long total = this.jdbc.sql("select count(*) from listings l join districts d on d.id = l.district_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<RealtorListingSummary> items = this.jdbc.sql("""
				select l.id, l.owner_id, l.title, l.status, l.type_code, %s as type_name, d.slug as district,
				       %s as district_name, l.class_code, l.rooms, l.price_per_night, l.currency, l.created_at,
				       l.version,
				       (select p.storage_key from listing_photos p where p.listing_id = l.id
				        order by p.main desc, p.position, p.id limit 1) as photo,
				       round(100.0 * coalesce((select sum(upper(o.period * daterange(:today, :horizon))
				                                        - lower(o.period * daterange(:today, :horizon)))
				                               from occupied_periods o
				                               where o.listing_id = l.id and o.kind = 'BOOKING'
				                                 and o.period && daterange(:today, :horizon)), 0) / 30, 1) as occupancy
				from listings l
				join districts d on d.id = l.district_id
				join housing_types t on t.code = l.type_code
				""".formatted(localName("t"), localName("d")) + where + " order by " + orderBy
				+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new RealtorListingSummary(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
					rs.getString("status"), rs.getString("type_code"), rs.getString("type_name"),
					rs.getString("district"), rs.getString("district_name"), rs.getString("class_code"),
					rs.getInt("rooms"), rs.getBigDecimal("price_per_night"), rs.getString("currency"),
					rs.getBigDecimal("occupancy"),
					rs.getString("photo") == null ? null : "/media/" + rs.getString("photo"),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("version")))
			.list();
		return new PageResult<>(total, page, size, items);
	}

	/** The text with LIKE's wildcards and escape character escaped. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The listing number a search text means ("123", "#123" or "№ 123"), if any. */
	static @Nullable Long number(String q) {
		String digits = q.replaceFirst("^[#№]\\s*", "");
		return digits.matches("[0-9]{1,18}") ? Long.valueOf(digits) : null;
	}

	/** Whether the text names a listing by number only ("#123", "№ 123"). */
	static boolean onlyNumber(String q) {
		return q.matches("[#№]\\s*[0-9]{1,18}");
	}

	/**
	 * Up to {@code limit} listings in scope matching a text, for a search field's
	 * suggestions: the title and the listing's number, titles in order.
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> suggest(CurrentUser user, @Nullable String q, int limit) {
		if (q == null || q.isBlank() || q.strip().length() > MAX_QUERY) {
			return List.of();
		}
		return list(user, new Filter(null, null, null, "title", 0, limit, null, q), Language.RU).items()
			.stream()
			.map(l -> new Suggestion(l.id(), l.title()))
			.toList();
	}

	/** A listing a search field suggests. */
	public record Suggestion(long id, String title) {
	}

	@Transactional(readOnly = true)
	public RealtorListing get(long id, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		this.scopes.ownerInScope(id, scope);
		return load(id);
	}

	@Transactional
	public RealtorListing create(ListingForm form, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		long ownerId = form.ownerId() == null ? user.id() : form.ownerId();
		if (!scope.coversListingOwner(ownerId)) {
			throw ProblemException.invalidField("ownerId", "realtor.owner.outOfScope");
		}
		ListingValidation.Valid v = this.validation.check(form);
		String phone = v.realtorPhone() != null ? v.realtorPhone() : profilePhone(ownerId);
		var now = this.clock.instant().atOffset(ZoneOffset.UTC);
		// with moderation on, a new listing waits for the superuser (PENDING: invisible
		// to
		// guests); without it, it is live at once
		boolean moderated = this.settings.current().listingModeration();
		long id = this.jdbc.sql("""
				insert into listings (owner_id, city_id, district_id, class_code, type_code, title, rooms, street,
				    house, block, entrance, floor, floors_total, area_m2, sleeping_places, description, house_rules,
				    price_per_night, check_in_time, check_out_time, realtor_phone, latitude, longitude, status,
				    created_at, updated_at, approved_at)
				values (:owner, :city, :district, :class, :type, :title, :rooms, :street, :house, :block, :entrance,
				    :floor, :floorsTotal, :area, :sleeping, :description, :rules, :price, :checkIn, :checkOut, :phone,
				    :lat, :lon, :status, :now, :now, case when :moderated then null else cast(:now as timestamptz) end)
				returning id
				""")
			.params(columns(v))
			.param("owner", ownerId)
			.param("phone", phone)
			.param("now", now)
			.param("status", moderated ? "PENDING" : "ACTIVE")
			.param("moderated", moderated)
			.query(Long.class)
			.single();
		replaceAmenities(id, v.amenities());
		if (form.accessCodes() != null && !form.accessCodes().isEmpty()) {
			this.accessCodes.store(id, ownerId, form.accessCodes(), user);
		}
		Map<String, Object> after = snapshot(id);
		Map<String, ListingChange.FieldChange> fields = new LinkedHashMap<>();
		after.forEach((field, value) -> fields.put(field, new ListingChange.FieldChange(null, value)));
		this.history.record(id, user.id(), "CREATED", fields);
		this.history.price(id, null, null, v.pricePerNight(), user.id());
		this.audit.record(user.id(), "listing.created", "listing", String.valueOf(id),
				Map.of("ownerId", ownerId, "status", moderated ? "PENDING" : "ACTIVE"));
		return load(id);
	}

	/** Checks a form without saving: a 400 problem with every field error, if any. */
	@Transactional(readOnly = true)
	public void check(ListingForm form) {
		this.validation.check(form);
	}

	/**
	 * Saves every field. {@code expectedVersion} is the version the editor loaded; when
	 * someone saved in between, nothing is written and the answer is a 409.
	 */
	@Transactional
	public RealtorListing update(long id, int expectedVersion, ListingForm form, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		long ownerId = this.scopes.lockInScope(id, scope);
		ListingValidation.Valid v = this.validation.check(form);
		Map<String, Object> before = snapshot(id);
		String phone = v.realtorPhone() != null ? v.realtorPhone() : profilePhone(ownerId);
		int updated = this.jdbc.sql("""
				update listings set city_id = :city, district_id = :district, class_code = :class, type_code = :type,
				    title = :title, rooms = :rooms, street = :street, house = :house, block = :block,
				    entrance = :entrance, floor = :floor, floors_total = :floorsTotal, area_m2 = :area,
				    sleeping_places = :sleeping, description = :description, house_rules = :rules,
				    price_per_night = :price, check_in_time = :checkIn, check_out_time = :checkOut,
				    realtor_phone = :phone, latitude = :lat, longitude = :lon, version = version + 1,
				    updated_at = :now
				where id = :id and version = :version
				""")
			.params(columns(v))
			.param("phone", phone)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw ProblemException.conflict("listing-version-conflict", "realtor.listing.versionConflict");
		}
		replaceAmenities(id, v.amenities());
		Map<String, Object> after = snapshot(id);
		Map<String, ListingChange.FieldChange> fields = ListingHistory.diff(before, after);
		if (form.accessCodes() != null) {
			this.accessCodes.store(id, ownerId, form.accessCodes(), user);
			fields.put("accessCodes", new ListingChange.FieldChange("***", "***"));
		}
		this.history.record(id, user.id(), "UPDATED", fields);
		if (fields.keySet().stream().anyMatch(SUBSTANTIAL::contains)) {
			needsReview(id, user);
		}
		BigDecimal oldPrice = (BigDecimal) before.get("pricePerNight");
		if (oldPrice.compareTo(v.pricePerNight()) != 0) {
			this.history.price(id, null, oldPrice, v.pricePerNight(), user.id());
		}
		this.audit.record(user.id(), "listing.updated", "listing", String.valueOf(id),
				Map.of("fields", List.copyOf(fields.keySet())));
		return load(id);
	}

	/**
	 * Puts the listing on or off. On: ACTIVE when it was approved since its last
	 * substantial change (or moderation is off), else PENDING (submitted to the
	 * superuser). Off: INACTIVE. A listing the superuser suspended stays SUSPENDED (409).
	 */
	@Transactional
	public RealtorListing setActive(long id, boolean active, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		this.scopes.lockInScope(id, scope);
		record State(String status, boolean approved) {
		}
		State state = this.jdbc.sql("select status, approved_at is not null as approved from listings where id = :id")
			.param("id", id)
			.query((rs, n) -> new State(rs.getString("status"), rs.getBoolean("approved")))
			.single();
		if (state.status().equals("SUSPENDED")) {
			throw ProblemException.conflict("listing-suspended", "realtor.listing.suspended");
		}
		String status = !active ? "INACTIVE"
				: state.approved() || !this.settings.current().listingModeration() ? "ACTIVE" : "PENDING";
		int changed = this.jdbc.sql("""
				update listings set status = :status, version = version + 1, updated_at = :now,
				    approved_at = case when :status = 'ACTIVE' then coalesce(approved_at, :now) else approved_at end
				where id = :id and status <> :status
				""")
			.param("status", status)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
		if (changed == 1) {
			String action = switch (status) {
				case "ACTIVE" -> "ACTIVATED";
				case "PENDING" -> "SUBMITTED";
				default -> "DEACTIVATED";
			};
			this.history.record(id, user.id(), action,
					Map.of("status", new ListingChange.FieldChange(state.status(), status)));
			this.audit.record(user.id(), "listing." + action.toLowerCase(java.util.Locale.ROOT), "listing",
					String.valueOf(id), Map.of());
		}
		return load(id);
	}

	/**
	 * A substantial change (fields in {@link #SUBSTANTIAL}, new photos): with moderation
	 * on, the listing needs a new approval; a live or rejected one goes back to PENDING
	 * (invisible to guests) until the superuser approves it. Call under the listing's
	 * lock.
	 */
	void needsReview(long id, CurrentUser user) {
		if (!this.settings.current().listingModeration()) {
			return;
		}
		String before = this.jdbc.sql("select status from listings where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		int submitted = this.jdbc.sql("""
				update listings set approved_at = null,
				    status = case when status in ('ACTIVE', 'REJECTED') then 'PENDING' else status end,
				    updated_at = :now
				where id = :id
				""").param("now", this.clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
		if (submitted == 1 && (before.equals("ACTIVE") || before.equals("REJECTED"))) {
			this.history.record(id, user.id(), "SUBMITTED",
					Map.of("status", new ListingChange.FieldChange(before, "PENDING")));
			this.audit.record(user.id(), "listing.submitted", "listing", String.valueOf(id), Map.of());
		}
	}

	@Transactional(readOnly = true)
	public List<ListingChange> history(long id, CurrentUser user) {
		this.scopes.ownerInScope(id, this.scopes.of(user));
		return this.history.of(id);
	}

	/** Reveals the access codes to staff in scope; the reveal is logged by identity. */
	@Transactional
	public Optional<AccessCodeSet> revealCodes(long id, CurrentUser user, String channel) {
		long owner = this.scopes.ownerInScope(id, this.scopes.of(user));
		return this.accessCodes.revealToStaff(id, owner, user, channel);
	}

	private String profilePhone(long ownerId) {
		return this.users.find(ownerId)
			.map(kz.zhilyego.identity.UserProfile::phone)
			.orElseThrow(() -> ProblemException.invalidField("ownerId", "realtor.owner.outOfScope"));
	}

	private static Map<String, Object> columns(ListingValidation.Valid v) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("city", v.cityId());
		p.put("district", v.districtId());
		p.put("class", v.housingClass());
		p.put("type", v.type());
		p.put("title", v.title());
		p.put("rooms", v.rooms());
		p.put("street", v.street());
		p.put("house", v.house());
		p.put("block", v.block());
		p.put("entrance", v.entrance());
		p.put("floor", v.floor());
		p.put("floorsTotal", v.floorsTotal());
		p.put("area", v.areaM2());
		p.put("sleeping", v.sleepingPlaces());
		p.put("description", v.description());
		p.put("rules", v.houseRules());
		p.put("price", v.pricePerNight());
		p.put("checkIn", v.checkInTime());
		p.put("checkOut", v.checkOutTime());
		p.put("lat", v.latitude());
		p.put("lon", v.longitude());
		return p;
	}

	private void replaceAmenities(long id, List<String> amenities) {
		this.jdbc.sql("delete from listing_amenities where listing_id = :id").param("id", id).update();
		for (String code : amenities) {
			this.jdbc.sql("insert into listing_amenities (listing_id, amenity_code) values (:id, :code)")
				.param("id", id)
				.param("code", code)
				.update();
		}
	}

	/** The listing's editable fields by form name, as stored (for the change history). */
	Map<String, Object> snapshot(long id) {
		RealtorListing l = load(id);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", l.title());
		values.put("city", l.city());
		values.put("district", l.district());
		values.put("housingClass", l.housingClass());
		values.put("type", l.type());
		values.put("rooms", l.rooms());
		values.put("street", l.street());
		values.put("house", l.house());
		values.put("block", l.block());
		values.put("entrance", l.entrance());
		values.put("floor", l.floor());
		values.put("floorsTotal", l.floorsTotal());
		values.put("areaM2", l.areaM2());
		values.put("sleepingPlaces", l.sleepingPlaces());
		values.put("description", l.description());
		values.put("amenities", l.amenities());
		values.put("houseRules", l.houseRules());
		values.put("pricePerNight", l.pricePerNight());
		values.put("checkInTime", l.checkInTime().toString());
		values.put("checkOutTime", l.checkOutTime().toString());
		values.put("realtorPhone", l.realtorPhone());
		values.put("latitude", l.latitude());
		values.put("longitude", l.longitude());
		return values;
	}

	RealtorListing load(long id) {
		List<String> amenities = this.jdbc
			.sql("select amenity_code from listing_amenities where listing_id = :id order by amenity_code")
			.param("id", id)
			.query(String.class)
			.list();
		List<ListingPhoto> photos = this.jdbc
			.sql("select * from listing_photos where listing_id = :id order by position, id")
			.param("id", id)
			.query(RealtorListings::photo)
			.list();
		boolean codes = this.accessCodes.hasAny(id);
		return this.jdbc.sql("""
				select l.*, c.slug as city_slug, d.slug as district_slug
				from listings l join cities c on c.id = l.city_id join districts d on d.id = l.district_id
				where l.id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new RealtorListing(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("status"),
					rs.getInt("version"), rs.getString("title"), rs.getString("city_slug"),
					rs.getString("district_slug"), rs.getString("class_code"), rs.getString("type_code"),
					rs.getInt("rooms"), rs.getString("street"), rs.getString("house"), rs.getString("block"),
					rs.getString("entrance"), nullableInt(rs, "floor"), nullableInt(rs, "floors_total"),
					plain(rs.getBigDecimal("area_m2")), rs.getInt("sleeping_places"), rs.getString("description"),
					amenities, rs.getString("house_rules"), plain(rs.getBigDecimal("price_per_night")),
					rs.getString("currency"), rs.getObject("check_in_time", LocalTime.class),
					rs.getObject("check_out_time", LocalTime.class), rs.getString("realtor_phone"),
					strip(rs.getBigDecimal("latitude")), strip(rs.getBigDecimal("longitude")), codes, photos,
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
					rs.getString("moderation_reason")))
			.optional()
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", id));
	}

	static ListingPhoto photo(ResultSet rs, int n) throws SQLException {
		String card = rs.getString("storage_key");
		String thumb = Objects.requireNonNullElse(rs.getString("thumbnail_key"), card);
		String full = Objects.requireNonNullElse(rs.getString("full_key"), card);
		return new ListingPhoto(rs.getLong("id"), rs.getInt("position"), rs.getBoolean("main"), "/media/" + thumb,
				"/media/" + card, "/media/" + full, rs.getString("content_type"), nullableInt(rs, "width"),
				nullableInt(rs, "height"));
	}

	private static @Nullable BigDecimal strip(@Nullable BigDecimal value) {
		return value == null ? null : plain(value);
	}

	/** Without trailing zeros and never in exponent form (20000, 20000.5). */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static String localName(String alias) {
		return "(case :lang when 'kk' then " + alias + ".name_kk when 'en' then " + alias + ".name_en else " + alias
				+ ".name_ru end)";
	}

}
