package kz.zhilyego.realtor;

/**
 * The superuser moderated a listing (published after commit): {@code outcome} is
 * {@code APPROVED}, {@code REJECTED} (with the reason; the realtor fixes and resubmits)
 * or {@code SUSPENDED} (taken off the site with the reason; only the superuser lifts it).
 * The notification module tells the listing's owner.
 */
public record ListingModerated(long listingId, long ownerId, String title, String outcome, String reason,
		java.time.Instant decidedAt) {
}
