package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.catalog.ListingDrafts;
import kz.zhilyego.catalog.ListingFields;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.settings.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and edits listings: every field checked at once ({@link ListingValidation}),
 * written through the catalog ({@link ListingDrafts}), edits with optimistic locking (a
 * stale {@code version} is a 409), access codes stored through identity, a substantial
 * change sent back to moderation ({@link ActivateListing#needsReview}).
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

	private final ListingDrafts drafts;

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

	EditListing(ListingDrafts drafts, StaffScopes scopes, ListingValidation validation, ListingHistory history,
			RealtorListings listings, ActivateListing activation, AccessCodes accessCodes, UserDirectory users,
			AuditLog audit, Clock clock, Settings settings) {
		this.drafts = drafts;
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
		// with moderation on, a new listing waits for the superuser (PENDING: invisible
		// to guests); without it, it is live at once
		boolean moderated = this.settings.current().listingModeration();
		long id = this.drafts.create(ownerId, fields(v, phone), !moderated, this.clock.instant());
		this.drafts.setAmenities(id, v.amenities());
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
		if (!this.drafts.update(id, expectedVersion, fields(v, phone), this.clock.instant())) {
			throw ProblemException.conflict("listing-version-conflict", "realtor.listing.versionConflict");
		}
		this.drafts.setAmenities(id, v.amenities());
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

	private static ListingFields fields(ListingValidation.Valid v, String phone) {
		return new ListingFields(v.cityId(), v.districtId(), v.housingClass(), v.type(), v.title(), v.rooms(),
				v.street(), v.house(), v.block(), v.entrance(), v.floor(), v.floorsTotal(), v.areaM2(),
				v.sleepingPlaces(), v.description(), v.houseRules(), v.pricePerNight(), v.checkInTime(),
				v.checkOutTime(), phone, v.latitude(), v.longitude());
	}

}
