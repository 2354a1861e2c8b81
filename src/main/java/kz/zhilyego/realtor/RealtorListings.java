package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import kz.zhilyego.catalog.ListingDrafts;
import kz.zhilyego.catalog.ListingGallery;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One listing as staff see it: every field, the change history, the access codes. The use
 * cases around it: {@link ListRealtorListings} (the scoped list), {@link EditListing}
 * (create, edit), {@link ActivateListing} (on, off, back to moderation). The listing
 * itself is the catalog's ({@link ListingDrafts}); every change is written to
 * {@code listing_changes} (field, old, new) and to the audit log in the same transaction.
 */
@Service
public class RealtorListings {

	/** The longest description or house rules (the listing form says the same). */
	public static final int MAX_TEXT = ListingValidation.MAX_TEXT;

	private final ListingDrafts drafts;

	private final StaffScopes scopes;

	private final ListingHistory history;

	private final AccessCodes accessCodes;

	RealtorListings(ListingDrafts drafts, StaffScopes scopes, ListingHistory history, AccessCodes accessCodes) {
		this.drafts = drafts;
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
		ListingDrafts.Draft d = this.drafts.find(id)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", id));
		boolean codes = this.accessCodes.hasAny(id);
		List<ListingPhoto> photos = d.photos().stream().map(RealtorListings::photo).toList();
		return new RealtorListing(d.id(), d.ownerId(), d.status(), d.version(), d.title(), d.city(), d.district(),
				d.housingClass(), d.type(), d.rooms(), d.street(), d.house(), d.block(), d.entrance(), d.floor(),
				d.floorsTotal(), plain(d.areaM2()), d.sleepingPlaces(), d.description(), d.amenities(), d.houseRules(),
				plain(d.pricePerNight()), d.currency(), d.checkInTime(), d.checkOutTime(), d.realtorPhone(),
				strip(d.latitude()), strip(d.longitude()), codes, photos, d.createdAt(), d.updatedAt(),
				d.moderationReason());
	}

	static ListingPhoto photo(ListingGallery.Photo photo) {
		String card = photo.storageKey();
		String thumb = Objects.requireNonNullElse(photo.thumbnailKey(), card);
		String full = Objects.requireNonNullElse(photo.fullKey(), card);
		return new ListingPhoto(photo.id(), photo.position(), photo.main(), "/media/" + thumb, "/media/" + card,
				"/media/" + full, photo.contentType(), photo.width(), photo.height());
	}

	private static @Nullable BigDecimal strip(@Nullable BigDecimal value) {
		return value == null ? null : plain(value);
	}

	/** Without trailing zeros and never in exponent form (20000, 20000.5). */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
