package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listing editor's writes and reads of one listing (the catalog owns {@code listings}
 * and {@code listing_amenities}, ADR 0003): create, save every field with optimistic
 * locking, set the amenities, change the status (on, off, back to moderation, the
 * superuser's decisions), and the whole listing for the form. The caller checks scope and
 * the editor's rules, writes the change history and holds the listing's lock
 * ({@link ListingLocks}) for a change of an existing listing. The search cache sees every
 * change through the tables' triggers ({@link CatalogCache}), and the status history (the
 * realtor's {@code listing_status_history}) through the status trigger.
 */
@Service
public class ListingDrafts {

	private final JdbcClient jdbc;

	private final ListingGallery gallery;

	ListingDrafts(JdbcClient jdbc, ListingGallery gallery) {
		this.jdbc = jdbc;
		this.gallery = gallery;
	}

	/**
	 * A listing with every stored field: the city and district by slug, amenity codes in
	 * code order, photos in order, and the superuser's last reason.
	 */
	public record Draft(long id, long ownerId, String status, int version, String title, String city, String district,
			String housingClass, String type, int rooms, String street, String house, @Nullable String block,
			@Nullable String entrance, @Nullable Integer floor, @Nullable Integer floorsTotal, BigDecimal areaM2,
			int sleepingPlaces, String description, List<String> amenities, String houseRules, BigDecimal pricePerNight,
			String currency, LocalTime checkInTime, LocalTime checkOutTime, String realtorPhone,
			@Nullable BigDecimal latitude, @Nullable BigDecimal longitude, List<ListingGallery.Photo> photos,
			Instant createdAt, Instant updatedAt, @Nullable String moderationReason) {

		public Draft {
			amenities = List.copyOf(amenities);
			photos = List.copyOf(photos);
		}

	}

	/**
	 * A listing's status and whether it was approved since its last substantial change.
	 */
	public record Approval(String status, boolean approved) {
	}

	/** The listing with every field; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<Draft> find(long id) {
		List<String> amenities = this.jdbc
			.sql("select amenity_code from listing_amenities where listing_id = :id order by amenity_code")
			.param("id", id)
			.query(String.class)
			.list();
		List<ListingGallery.Photo> photos = this.gallery.photos(id);
		return this.jdbc.sql("""
				select l.*, c.slug as city_slug, d.slug as district_slug
				from listings l join cities c on c.id = l.city_id join districts d on d.id = l.district_id
				where l.id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Draft(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("status"),
					rs.getInt("version"), rs.getString("title"), rs.getString("city_slug"),
					rs.getString("district_slug"), rs.getString("class_code"), rs.getString("type_code"),
					rs.getInt("rooms"), rs.getString("street"), rs.getString("house"), rs.getString("block"),
					rs.getString("entrance"), nullableInt(rs, "floor"), nullableInt(rs, "floors_total"),
					rs.getBigDecimal("area_m2"), rs.getInt("sleeping_places"), rs.getString("description"), amenities,
					rs.getString("house_rules"), rs.getBigDecimal("price_per_night"), rs.getString("currency"),
					rs.getObject("check_in_time", LocalTime.class), rs.getObject("check_out_time", LocalTime.class),
					rs.getString("realtor_phone"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), photos,
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
					rs.getString("moderation_reason")))
			.optional();
	}

	/**
	 * Creates a listing of {@code ownerId}: live at once (ACTIVE and approved) or waiting
	 * for the superuser (PENDING, invisible to guests). Returns its id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long create(long ownerId, ListingFields fields, boolean live, Instant now) {
		return this.jdbc.sql("""
				insert into listings (owner_id, city_id, district_id, class_code, type_code, title, rooms, street,
				    house, block, entrance, floor, floors_total, area_m2, sleeping_places, description, house_rules,
				    price_per_night, check_in_time, check_out_time, realtor_phone, latitude, longitude, status,
				    created_at, updated_at, approved_at)
				values (:owner, :city, :district, :class, :type, :title, :rooms, :street, :house, :block, :entrance,
				    :floor, :floorsTotal, :area, :sleeping, :description, :rules, :price, :checkIn, :checkOut, :phone,
				    :lat, :lon, :status, :now, :now, case when :live then cast(:now as timestamptz) else null end)
				returning id
				""")
			.params(columns(fields))
			.param("owner", ownerId)
			.param("now", utc(now))
			.param("status", live ? "ACTIVE" : "PENDING")
			.param("live", live)
			.query(Long.class)
			.single();
	}

	/**
	 * Saves every field when the listing is still at {@code expectedVersion} (and moves
	 * the version on); false when someone saved in between (nothing written).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean update(long id, int expectedVersion, ListingFields fields, Instant now) {
		return this.jdbc.sql("""
				update listings set city_id = :city, district_id = :district, class_code = :class, type_code = :type,
				    title = :title, rooms = :rooms, street = :street, house = :house, block = :block,
				    entrance = :entrance, floor = :floor, floors_total = :floorsTotal, area_m2 = :area,
				    sleeping_places = :sleeping, description = :description, house_rules = :rules,
				    price_per_night = :price, check_in_time = :checkIn, check_out_time = :checkOut,
				    realtor_phone = :phone, latitude = :lat, longitude = :lon, version = version + 1,
				    updated_at = :now
				where id = :id and version = :version
				""")
			.params(columns(fields))
			.param("now", utc(now))
			.param("id", id)
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** Replaces the listing's amenities (known codes, each once). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void setAmenities(long id, List<String> codes) {
		this.jdbc.sql("delete from listing_amenities where listing_id = :id").param("id", id).update();
		for (String code : codes) {
			this.jdbc.sql("insert into listing_amenities (listing_id, amenity_code) values (:id, :code)")
				.param("id", id)
				.param("code", code)
				.update();
		}
	}

	/** The listing's status and approval; the listing must exist. */
	@Transactional(readOnly = true)
	public Approval approval(long id) {
		return this.jdbc.sql("select status, approved_at is not null as approved from listings where id = :id")
			.param("id", id)
			.query((rs, n) -> new Approval(rs.getString("status"), rs.getBoolean("approved")))
			.single();
	}

	/**
	 * Moves the listing to {@code status} (the realtor's on and off: ACTIVE, PENDING or
	 * INACTIVE; ACTIVE counts as approved); false when it already has that status.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean setStatus(long id, String status, Instant now) {
		return this.jdbc.sql("""
				update listings set status = :status, version = version + 1, updated_at = :now,
				    approved_at = case when :status = 'ACTIVE' then coalesce(approved_at, :now) else approved_at end
				where id = :id and status <> :status
				""").param("status", status).param("now", utc(now)).param("id", id).update() == 1;
	}

	/**
	 * Takes the approval back after a substantial change: a live or rejected listing
	 * waits for the superuser again (PENDING). Returns the status before; the listing
	 * must exist.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String withdrawApproval(long id, Instant now) {
		String before = this.jdbc.sql("select status from listings where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		this.jdbc.sql("""
				update listings set approved_at = null,
				    status = case when status in ('ACTIVE', 'REJECTED') then 'PENDING' else status end,
				    updated_at = :now
				where id = :id
				""").param("now", utc(now)).param("id", id).update();
		return before;
	}

	/** Locks the listing's row and returns its status; empty when there is none. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<String> lockStatus(long id) {
		return this.jdbc.sql("select status from listings where id = :id for update")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/**
	 * The superuser's decision: the listing moves to {@code status} with the reason (null
	 * clears it), who decided and when; {@code approve} marks it approved now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void moderate(long id, String status, @Nullable String reason, long moderatorId, boolean approve,
			Instant now) {
		this.jdbc.sql("""
				update listings set status = :status, moderation_reason = :reason, moderated_at = :now,
				    moderated_by = :by, version = version + 1, updated_at = :now,
				    approved_at = case when :approve then cast(:now as timestamptz) else approved_at end
				where id = :id
				""")
			.param("status", status)
			.param("reason", reason)
			.param("now", utc(now))
			.param("by", moderatorId)
			.param("approve", approve)
			.param("id", id)
			.update();
	}

	private static OffsetDateTime utc(Instant now) {
		return now.atOffset(ZoneOffset.UTC);
	}

	private static Map<String, Object> columns(ListingFields f) {
		Map<String, Object> p = new HashMap<>();
		p.put("city", f.cityId());
		p.put("district", f.districtId());
		p.put("class", f.housingClass());
		p.put("type", f.type());
		p.put("title", f.title());
		p.put("rooms", f.rooms());
		p.put("street", f.street());
		p.put("house", f.house());
		p.put("block", f.block());
		p.put("entrance", f.entrance());
		p.put("floor", f.floor());
		p.put("floorsTotal", f.floorsTotal());
		p.put("area", f.areaM2());
		p.put("sleeping", f.sleepingPlaces());
		p.put("description", f.description());
		p.put("rules", f.houseRules());
		p.put("price", f.pricePerNight());
		p.put("checkIn", f.checkInTime());
		p.put("checkOut", f.checkOutTime());
		p.put("phone", f.realtorPhone());
		p.put("lat", f.latitude());
		p.put("lon", f.longitude());
		return p;
	}

	private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
