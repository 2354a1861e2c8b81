package kz.zhilyego.booking;

/**
 * Where a booking is in its life. HOLD, CONFIRMED and CHECKED_IN occupy the listing's
 * nights.
 */
public enum BookingStatus {

	HOLD, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, EXPIRED;

	public boolean occupiesNights() {
		return this == HOLD || this == CONFIRMED || this == CHECKED_IN;
	}

	public boolean isFinal() {
		return this == COMPLETED || this == CANCELLED || this == EXPIRED;
	}

}
