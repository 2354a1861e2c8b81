package kz.zhilyego.booking;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which bookings of the listings in a staff member's scope to list: statuses (all when
 * empty), one listing, stays overlapping {@code [from, to]} (both optional, inclusive
 * dates), a text ({@code text}: part of the listing's title or address, the guest's name
 * or phone, or the booking number), one page, in one of the {@link Sort} orders.
 */
public record StaffBookingFilter(Set<BookingStatus> statuses, @Nullable Long listingId, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable String text, Sort sort, int page, int size) {

	/**
	 * Orders of the staff booking list; every one ends with the booking id, so a page
	 * never depends on how the database breaks a tie.
	 */
	public enum Sort {

		/**
		 * Stays not over yet (check-out today or later) first, the nearest check-in
		 * first; then past stays, the latest first. The booking desk's default.
		 */
		UPCOMING,

		/** Check-in date, earliest first. */
		CHECK_IN,

		/** Check-in date, latest first. */
		CHECK_IN_DESC,

		/** When the booking was made, newest first. */
		CREATED_DESC

	}

	public StaffBookingFilter {
		statuses = Set.copyOf(statuses);
		text = text == null || text.isBlank() ? null : text.strip();
	}

	public StaffBookingFilter(Set<BookingStatus> statuses, @Nullable Long listingId, @Nullable LocalDate from,
			@Nullable LocalDate to, int page, int size) {
		this(statuses, listingId, from, to, null, Sort.UPCOMING, page, size);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
