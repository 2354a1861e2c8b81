package kz.zhilyego.booking;

/** Why a booking was cancelled; {@link #OTHER} needs a note. */
public enum CancellationReason {

	CHANGE_OF_PLANS, FOUND_ANOTHER_PLACE, BOOKED_BY_MISTAKE, LISTING_UNAVAILABLE, MAINTENANCE, GUEST_REQUEST, OTHER

}
