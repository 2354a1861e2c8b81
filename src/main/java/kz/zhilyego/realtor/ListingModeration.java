package kz.zhilyego.realtor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.catalog.ListingDrafts;
import kz.zhilyego.catalog.StaffListings;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The superuser's listing moderation: the queue of PENDING listings with what changed
 * since the last approval, approve, reject with a reason (the realtor is told), and
 * suspend any listing with a reason (off the site until the superuser reinstates it).
 * Platform scope only (anyone else: 403); every decision goes to the listing's history
 * and the audit log, in the same transaction. The listing's status is the catalog's
 * ({@link ListingDrafts}, the queue {@link StaffListings#pending}); this module keeps the
 * history and the decisions' rules.
 */
@Service
public class ListingModeration {

	private static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;

	private final ListingDrafts drafts;

	private final StaffListings listings;

	private final StaffScopes scopes;

	private final ListingHistory history;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ListingModeration(JdbcClient jdbc, ListingDrafts drafts, StaffListings listings, StaffScopes scopes,
			ListingHistory history, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.drafts = drafts;
		this.listings = listings;
		this.scopes = scopes;
		this.history = history;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A listing waiting for approval: new ({@code firstSubmission}, never approved) or
	 * changed since its last approval, with every field that changed since then (first
	 * old value, last new value).
	 */
	public record Pending(long id, long ownerId, String ownerName, String title, String city, String district,
			String type, String status, boolean firstSubmission, Instant submittedAt, @Nullable Instant approvedAt,
			Map<String, ListingChange.FieldChange> changes, int photos) {
	}

	/** One page of the queue, oldest submission first. */
	@Transactional(readOnly = true)
	public PageResult<Pending> pending(CurrentUser user, int page, int size) {
		platform(user);
		PageResult<StaffListings.Pending> rows = this.listings.pending(page, size);
		Map<Long, String> names = ownerNames(rows.items().stream().map(StaffListings.Pending::ownerId).toList());
		List<Pending> items = new ArrayList<>();
		for (StaffListings.Pending row : rows.items()) {
			Instant since = lastApproval(row.id());
			items.add(new Pending(row.id(), row.ownerId(), names.getOrDefault(row.ownerId(), ""), row.title(),
					row.city(), row.district(), row.type(), row.status(), since == null, row.updatedAt(), since,
					changesSince(row.id(), since), row.photos()));
		}
		return new PageResult<>(rows.total(), page, size, items);
	}

	/** The display names of the owners (identity's published view). */
	private Map<Long, String> ownerNames(List<Long> ownerIds) {
		Map<Long, String> names = new java.util.HashMap<>();
		if (ownerIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, name from user_names where id in (:ids)")
			.param("ids", ownerIds)
			.query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name")))
			.list();
		return names;
	}

	/** Publishes a PENDING listing. */
	@Transactional
	public void approve(long id, CurrentUser user) {
		platform(user);
		String status = lock(id);
		if (!status.equals("PENDING")) {
			throw ProblemException.conflict("listing-not-pending", "admin.moderation.notPending");
		}
		move(id, "ACTIVE", null, user, true);
		record(id, user, status, "ACTIVE", "APPROVED", null);
		this.events.publishEvent(event(id, "APPROVED", ""));
	}

	/** Refuses a PENDING listing with a reason; the realtor is told and may resubmit. */
	@Transactional
	public void reject(long id, @Nullable String reason, CurrentUser user) {
		platform(user);
		String text = reason(reason);
		String status = lock(id);
		if (!status.equals("PENDING")) {
			throw ProblemException.conflict("listing-not-pending", "admin.moderation.notPending");
		}
		move(id, "REJECTED", text, user, false);
		record(id, user, status, "REJECTED", "REJECTED", text);
		this.events.publishEvent(event(id, "REJECTED", text));
	}

	/**
	 * Takes any listing off the site with a reason (SUSPENDED): guests no longer find it
	 * nor book it; its bookings stay as they are. Only {@link #reinstate} lifts it.
	 */
	@Transactional
	public void suspend(long id, @Nullable String reason, CurrentUser user) {
		platform(user);
		String text = reason(reason);
		String status = lock(id);
		if (status.equals("SUSPENDED")) {
			throw ProblemException.conflict("listing-suspended", "realtor.listing.suspended");
		}
		move(id, "SUSPENDED", text, user, false);
		record(id, user, status, "SUSPENDED", "SUSPENDED", text);
		this.events.publishEvent(event(id, "SUSPENDED", text));
	}

	/** Lifts a suspension: the listing is live again (and counts as approved). */
	@Transactional
	public void reinstate(long id, CurrentUser user) {
		platform(user);
		String status = lock(id);
		if (!status.equals("SUSPENDED")) {
			throw ProblemException.conflict("listing-not-suspended", "admin.moderation.notSuspended");
		}
		move(id, "ACTIVE", null, user, true);
		record(id, user, status, "ACTIVE", "REINSTATED", null);
	}

	private void platform(CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		if (!scope.isPlatform()) {
			throw ProblemException.forbidden("problem.forbidden");
		}
	}

	private static String reason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw ProblemException.invalidField("reason", "admin.moderation.reasonRequired");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw ProblemException.invalidField("reason", "admin.moderation.reasonTooLong", MAX_REASON);
		}
		return reason.strip();
	}

	private String lock(long id) {
		return this.drafts.lockStatus(id).orElseThrow(() -> ProblemException.notFound("listing.notFound", id));
	}

	private void move(long id, String status, @Nullable String reason, CurrentUser user, boolean approve) {
		this.drafts.moderate(id, status, reason, user.id(), approve, this.clock.instant());
	}

	private void record(long id, CurrentUser user, String from, String to, String action, @Nullable String reason) {
		Map<String, ListingChange.FieldChange> fields = new LinkedHashMap<>();
		fields.put("status", new ListingChange.FieldChange(from, to));
		if (reason != null) {
			fields.put("reason", new ListingChange.FieldChange(null, reason));
		}
		this.history.record(id, user.id(), action, fields);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from", from);
		if (reason != null) {
			details.put("reason", reason);
		}
		this.audit.record(user.id(), "listing." + action.toLowerCase(java.util.Locale.ROOT), "listing",
				String.valueOf(id), details);
	}

	private ListingModerated event(long id, String outcome, String reason) {
		return this.jdbc.sql("select owner_id, title from listing_facts where id = :id")
			.param("id", id)
			.query((rs, n) -> new ListingModerated(id, rs.getLong("owner_id"), rs.getString("title"), outcome, reason,
					this.clock.instant()))
			.single();
	}

	private @Nullable Instant lastApproval(long id) {
		return this.jdbc.sql("""
				select max(changed_at) from listing_changes
				where listing_id = :id and action in ('APPROVED', 'REINSTATED')
				""").param("id", id).query((rs, n) -> {
			java.sql.Timestamp at = rs.getTimestamp(1);
			return at == null ? null : at.toInstant();
		}).optional().orElse(null);
	}

	/**
	 * Fields changed since the last approval (all of the creation's fields for a listing
	 * never approved): per field the first old and the last new value; status changes and
	 * unchanged round trips are left out.
	 */
	private Map<String, ListingChange.FieldChange> changesSince(long id, @Nullable Instant since) {
		List<ListingChange> all = new ArrayList<>(this.history.of(id));
		java.util.Collections.reverse(all);
		Map<String, ListingChange.FieldChange> changes = new LinkedHashMap<>();
		for (ListingChange change : all) {
			if (since != null && !change.changedAt().isAfter(since)) {
				continue;
			}
			change.fields().forEach((field, value) -> {
				if (field.equals("status") || field.equals("reason")) {
					return;
				}
				ListingChange.FieldChange first = changes.get(field);
				changes.put(field, new ListingChange.FieldChange(first == null ? value.oldValue() : first.oldValue(),
						value.newValue()));
			});
		}
		changes.values()
			.removeIf(c -> c.oldValue() != null && String.valueOf(c.oldValue()).equals(String.valueOf(c.newValue())));
		return changes;
	}

}
