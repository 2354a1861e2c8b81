package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One listing as staff see it: every field, the change history, the access codes. The use
 * cases around it: {@link ListRealtorListings} (the scoped list), {@link EditListing}
 * (create, edit), {@link ActivateListing} (on, off, back to moderation). Every change is
 * written to {@code listing_changes} (field, old, new) and to the audit log in the same
 * transaction.
 */
@Service
public class RealtorListings {

	/** The longest description or house rules (the listing form says the same). */
	public static final int MAX_TEXT = ListingValidation.MAX_TEXT;

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final ListingHistory history;

	private final AccessCodes accessCodes;

	RealtorListings(JdbcClient jdbc, StaffScopes scopes, ListingHistory history, AccessCodes accessCodes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.history = history;
		this.accessCodes = accessCodes;
	}

	@Transactional(readOnly = true)
	public RealtorListing get(long id, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		this.scopes.ownerInScope(id, scope);
		return load(id);
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
