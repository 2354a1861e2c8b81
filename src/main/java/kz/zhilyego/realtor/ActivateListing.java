package kz.zhilyego.realtor;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a listing on or off, and sends it back to moderation after a substantial change.
 */
@Service
public class ActivateListing {

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final ListingHistory history;

	private final RealtorListings listings;

	private final AuditLog audit;

	private final Clock clock;

	private final Settings settings;

	ActivateListing(JdbcClient jdbc, StaffScopes scopes, ListingHistory history, RealtorListings listings,
			AuditLog audit, Clock clock, Settings settings) {
		this.jdbc = jdbc;
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

}
