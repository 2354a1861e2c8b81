package kz.zhilyego.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A realtor's review of a guest after a completed stay.
 *
 * @param visible whether the guest (and other realtors, through the risk score) may see
 * it yet (double-blind: both reviews written, or 14 days after check-out)
 * @param visibleFrom when it becomes visible, null when it already is
 */
public record GuestReview(long id, UUID bookingId, long listingId, String listingTitle, long guestId, int rating,
		List<GuestFlag> flags, @Nullable String comment, Instant createdAt, boolean visible,
		@Nullable Instant visibleFrom) {

	public GuestReview {
		flags = List.copyOf(flags);
	}

}
