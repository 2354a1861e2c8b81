package kz.zhilyego.booking;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a booking is in its life. HOLD, CONFIRMED and CHECKED_IN occupy the listing's
 * nights. The rules other modules ask about live here, once, for Java and for SQL
 * ({@link #sqlList}).
 */
public enum BookingStatus {

	HOLD, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, EXPIRED;

	/**
	 * A paid stay that is ahead or under way: its guest sees the realtor's contacts and
	 * the access codes (seed 001, scenario 2).
	 */
	public static final Set<BookingStatus> ACTIVE_STAYS = Collections
		.unmodifiableSet(EnumSet.of(CONFIRMED, CHECKED_IN));

	/** Stays that were paid for and not cancelled: counted as bookings and revenue. */
	public static final Set<BookingStatus> PAID_STAYS = Collections
		.unmodifiableSet(EnumSet.of(CONFIRMED, CHECKED_IN, COMPLETED));

	public boolean occupiesNights() {
		return this == HOLD || this == CONFIRMED || this == CHECKED_IN;
	}

	public boolean isFinal() {
		return this == COMPLETED || this == CANCELLED || this == EXPIRED;
	}

	/** CONFIRMED or CHECKED_IN: see {@link #ACTIVE_STAYS}. */
	public boolean isActiveStay() {
		return ACTIVE_STAYS.contains(this);
	}

	/**
	 * The statuses as an SQL list for {@code status in (…)}, e.g.
	 * {@code 'CONFIRMED', 'CHECKED_IN'}: enum names only, never input.
	 */
	public static String sqlList(Set<BookingStatus> statuses) {
		return statuses.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
	}

}
