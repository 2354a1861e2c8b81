package kz.zhilyego.review;

import java.util.Optional;

import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import kz.zhilyego.review.ReviewEvents.ReviewHidden;
import kz.zhilyego.review.ReviewEvents.ReviewPublished;
import kz.zhilyego.review.ReviewEvents.ReviewReplied;
import org.springframework.stereotype.Component;

/**
 * Reviews on the platform record: posted (when it becomes visible; also restored), hidden
 * and replied may happen again to one review, so each is one row per changing
 * transaction; a realtor's review of a guest becomes visible once.
 */
@Component
class ReviewPlatformEvents implements PlatformEventMapping {

	@Override
	public Optional<PlatformEvent> map(Object event) {
		return Optional.ofNullable(switch (event) {
			case ReviewPublished e -> PlatformEvent.repeatable("review.posted", "review", e.reviewId(),
					PlatformEvent.facts("bookingId", e.bookingId(), "listingId", e.listingId(), "rating", e.rating()));
			case ReviewHidden e -> PlatformEvent.repeatable("review.hidden", "review", e.reviewId(),
					PlatformEvent.facts("bookingId", e.bookingId(), "listingId", e.listingId(), "reason", e.reason()));
			case ReviewReplied e -> PlatformEvent.repeatable("review.replied", "review", e.reviewId(),
					PlatformEvent.facts("bookingId", e.bookingId(), "listingId", e.listingId()));
			case ReviewEvents.GuestReviewPublished e ->
				PlatformEvent.once("review.guest_posted", "guest-review", e.guestReviewId(),
						PlatformEvent.facts("bookingId", e.bookingId(), "guestId", e.guestId(), "rating", e.rating()));
			default -> null;
		});
	}

}
