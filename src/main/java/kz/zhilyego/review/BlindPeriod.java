package kz.zhilyego.review;

import java.time.Duration;
import java.time.Instant;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.common.Zones;

/**
 * The double-blind rule of two-way reviews: a review of a stay and the review of its
 * guest are hidden from the other side, the listing page and the rating averages until
 * both are written or {@link #LENGTH} has passed since check-out. Stored as
 * {@code visible_from} (null: visible at once) and checked at query time with the
 * injected clock, so nothing waits on a job to be right; the reveal job only brings the
 * stored rating, the caches and the "published" events up to date.
 */
final class BlindPeriod {

	/** How long after check-out a lone review stays hidden. */
	static final Duration LENGTH = Duration.ofDays(14);

	/**
	 * The SQL condition "visible now" for a review aliased {@code r}; binds {@code :now}.
	 */
	static final String VISIBLE = "(r.visible_from is null or r.visible_from <= :now)";

	private BlindPeriod() {
	}

	/** When a lone review of this stay becomes visible: check-out time plus 14 days. */
	static Instant end(BookingDetails booking) {
		return booking.checkOut().atTime(booking.checkOutTime()).atZone(Zones.KAZAKHSTAN).toInstant().plus(LENGTH);
	}

}
