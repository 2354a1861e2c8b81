package kz.zhilyego.realtor;

import java.time.Clock;
import java.util.Map;

import kz.zhilyego.catalog.ListingDrafts;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.settings.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a listing on or off, and sends it back to moderation after a substantial change
 * (the status is the catalog's: {@link ListingDrafts}).
 */
@Service
public class ActivateListing {

	private final ListingDrafts drafts;

	private final StaffScopes scopes;

	private final ListingHistory history;

	private final RealtorListings listings;

	private final AuditLog audit;

	private final Clock clock;

	private final Settings settings;

	ActivateListing(ListingDrafts drafts, StaffScopes scopes, ListingHistory history, RealtorListings listings,
			AuditLog audit, Clock clock, Settings settings) {
		this.drafts = drafts;
		this.scopes = scopes;
		this.history = history;
		this.listings = listings;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
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
		ListingDrafts.Approval state = this.drafts.approval(id);
		if (state.status().equals("SUSPENDED")) {
			throw ProblemException.conflict("listing-suspended", "realtor.listing.suspended");
		}
		String status = !active ? "INACTIVE"
				: state.approved() || !this.settings.current().listingModeration() ? "ACTIVE" : "PENDING";
		if (this.drafts.setStatus(id, status, this.clock.instant())) {
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
		return this.listings.load(id);
	}

	/**
	 * A substantial change (fields in {@link EditListing#SUBSTANTIAL}, new photos): with
	 * moderation on, the listing needs a new approval; a live or rejected one goes back
	 * to PENDING (invisible to guests) until the superuser approves it. Call under the
	 * listing's lock.
	 */
	void needsReview(long id, CurrentUser user) {
		if (!this.settings.current().listingModeration()) {
			return;
		}
		String before = this.drafts.withdrawApproval(id, this.clock.instant());
		if (before.equals("ACTIVE") || before.equals("REJECTED")) {
			this.history.record(id, user.id(), "SUBMITTED",
					Map.of("status", new ListingChange.FieldChange(before, "PENDING")));
			this.audit.record(user.id(), "listing.submitted", "listing", String.valueOf(id), Map.of());
		}
	}

}
