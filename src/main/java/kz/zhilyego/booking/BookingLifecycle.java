package kz.zhilyego.booking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.ProblemException;

import static kz.zhilyego.booking.BookingStatus.CANCELLED;
import static kz.zhilyego.booking.BookingStatus.CHECKED_IN;
import static kz.zhilyego.booking.BookingStatus.COMPLETED;
import static kz.zhilyego.booking.BookingStatus.CONFIRMED;
import static kz.zhilyego.booking.BookingStatus.EXPIRED;
import static kz.zhilyego.booking.BookingStatus.HOLD;

/**
 * The one table of legal status changes. EXPIRED → CONFIRMED exists only for a payment
 * that arrives after its hold expired while the dates are still free.
 */
public final class BookingLifecycle {

	private static final Map<BookingStatus, Set<BookingStatus>> NEXT = Map.of(HOLD,
			EnumSet.of(CONFIRMED, CANCELLED, EXPIRED), CONFIRMED, EnumSet.of(CHECKED_IN, CANCELLED), CHECKED_IN,
			EnumSet.of(COMPLETED), EXPIRED, EnumSet.of(CONFIRMED), COMPLETED, EnumSet.noneOf(BookingStatus.class),
			CANCELLED, EnumSet.noneOf(BookingStatus.class));

	private BookingLifecycle() {
	}

	public static boolean allows(BookingStatus from, BookingStatus to) {
		return NEXT.get(from).contains(to);
	}

	/**
	 * @throws ProblemException 409 {@code illegal-transition} when the change is not
	 * allowed
	 */
	public static void check(BookingStatus from, BookingStatus to) {
		if (!allows(from, to)) {
			throw ProblemException.conflict("illegal-transition", "booking.illegalTransition", from.name(), to.name());
		}
	}

}
