package kz.zhilyego.review;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A review as the listing's staff and the superuser see it: with its status, why it is
 * hidden, and how many complaints it got. The author is still shown by first name only.
 */
public record StaffReview(long id, long listingId, String listingTitle, UUID bookingId, int rating,
		@Nullable String comment, String author, ReviewStatus status, @Nullable String hiddenReason, Instant createdAt,
		@Nullable String reply, @Nullable Instant repliedAt, int complaints) {
}
