package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and edits listings: every field checked at once ({@link ListingValidation}),
 * edits with optimistic locking (a stale {@code version} is a 409), access codes stored
 * through identity, a substantial change sent back to moderation
 * ({@link ActivateListing#needsReview}).
 */
@Service
public class EditListing {

	/**
	 * Fields whose change sends a live listing back to moderation (when it is on): what a
	 * guest judges the listing by. Prices, times, phone and coordinates are not among
	 * them.
	 */
	static final Set<String> SUBSTANTIAL = Set.of("title", "city", "district", "housingClass", "type", "rooms",
			"street", "house", "block", "areaM2", "sleepingPlaces", "description", "amenities", "houseRules");

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final ListingValidation validation;

	private final ListingHistory history;

	private final RealtorListings listings;

	private final ActivateListing activation;

	private final AccessCodes accessCodes;

	private final UserDirectory users;

	private final AuditLog audit;

	private final Clock clock;

	private final Settings settings;

	EditListing(JdbcClient jdbc, StaffScopes scopes, ListingValidation validation, ListingHistory history,
			RealtorListings listings, ActivateListing activation, AccessCodes accessCodes, UserDirectory users,
			AuditLog audit, Clock clock, Settings settings) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.validation = validation;
		this.history = history;
		this.listings = listings;
		this.activation = activation;
		this.accessCodes = accessCodes;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
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
		Map<String, Object> after = this.listings.snapshot(id);
		Map<String, ListingChange.FieldChange> fields = new LinkedHashMap<>();
		after.forEach((field, value) -> fields.put(field, new ListingChange.FieldChange(null, value)));
		this.history.record(id, user.id(), "CREATED", fields);
		this.history.price(id, null, null, v.pricePerNight(), user.id());
		this.audit.record(user.id(), "listing.created", "listing", String.valueOf(id),
				Map.of("ownerId", ownerId, "status", moderated ? "PENDING" : "ACTIVE"));
		return this.listings.load(id);
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
		Map<String, Object> before = this.listings.snapshot(id);
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
		Map<String, Object> after = this.listings.snapshot(id);
		Map<String, ListingChange.FieldChange> fields = ListingHistory.diff(before, after);
		if (form.accessCodes() != null) {
			this.accessCodes.store(id, ownerId, form.accessCodes(), user);
			fields.put("accessCodes", new ListingChange.FieldChange("***", "***"));
		}
		this.history.record(id, user.id(), "UPDATED", fields);
		if (fields.keySet().stream().anyMatch(SUBSTANTIAL::contains)) {
			this.activation.needsReview(id, user);
		}
		BigDecimal oldPrice = (BigDecimal) before.get("pricePerNight");
		if (oldPrice.compareTo(v.pricePerNight()) != 0) {
			this.history.price(id, null, oldPrice, v.pricePerNight(), user.id());
		}
		this.audit.record(user.id(), "listing.updated", "listing", String.valueOf(id),
				Map.of("fields", List.copyOf(fields.keySet())));
		return this.listings.load(id);
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

}
