package kz.zhilyego.booking;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which bookings of the listings in a staff member's scope to list: statuses (all when
 * empty), one listing, and stays overlapping {@code [from, to]} (both optional, inclusive
 * dates), one page.
 */
public record StaffBookingFilter(Set<BookingStatus> statuses, @Nullable Long listingId, @Nullable LocalDate from,
		@Nullable LocalDate to, int page, int size) {

	public StaffBookingFilter {
		statuses = Set.copyOf(statuses);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
