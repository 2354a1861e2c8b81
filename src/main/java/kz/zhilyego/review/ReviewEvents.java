package kz.zhilyego.review;

import java.util.UUID;

/**
 * What the review module tells others, published in the changing transaction (listeners
 * run after its commit).
 */
public final class ReviewEvents {

	private ReviewEvents() {
	}

	/**
	 * A review became visible: written and passed the automatic check, or restored by the
	 * superuser.
	 */
	public record ReviewPublished(long reviewId, UUID bookingId, long listingId, int rating) {
	}

	/**
	 * The realtor answered a review (also an edited answer: listeners dedup by review).
	 */
	public record ReviewReplied(long reviewId, UUID bookingId, long listingId) {
	}

	/**
	 * A realtor's review of a guest became visible (both sides wrote, or the blind period
	 * ended): the guest's risk score changes.
	 */
	public record GuestReviewPublished(long guestReviewId, UUID bookingId, long guestId, int rating) {
	}

	/** The superuser hid a review (with the reason). */
	public record ReviewHidden(long reviewId, UUID bookingId, long listingId, String reason) {
	}

}
