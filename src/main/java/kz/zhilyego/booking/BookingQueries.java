package kz.zhilyego.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads bookings: for their guest and staff in scope, and unscoped for other modules. */
@Service
public class BookingQueries {

	private final Bookings bookings;

	private final Clock clock;

	BookingQueries(Bookings bookings, Clock clock) {
		this.bookings = bookings;
		this.clock = clock;
	}

	/** The booking if the scope may see it, else a 404. */
	@Transactional(readOnly = true)
	public BookingDetails get(UUID id, AccessScope scope) {
		BookingDetails booking = find(id).orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		BookingAccess.of(booking.guestId(), booking.ownerId(), scope);
		return booking;
	}

	@Transactional(readOnly = true)
	public List<Transition> timeline(UUID id, AccessScope scope) {
		get(id, scope);
		return this.bookings.timeline(id);
	}

	/**
	 * The guest's own bookings with one of the statuses (all when empty), newest stay
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<BookingDetails> ofGuest(long guestId, Set<BookingStatus> statuses) {
		return this.bookings.ofGuest(guestId,
				statuses.isEmpty() ? EnumSet.allOf(BookingStatus.class) : EnumSet.copyOf(statuses));
	}

	/**
	 * Bookings of the listings in a staff scope (realtor: own; super admin: the agency's;
	 * superuser: all) in the filter's order; a user's scope sees none.
	 */
	@Transactional(readOnly = true)
	public PageResult<BookingDetails> ofListingsInScope(AccessScope scope, StaffBookingFilter filter) {
		if (!scope.isStaff()) {
			return new PageResult<>(0, filter.page(), filter.size(), List.of());
		}
		Set<BookingStatus> statuses = filter.statuses().isEmpty() ? EnumSet.allOf(BookingStatus.class)
				: EnumSet.copyOf(filter.statuses());
		return this.bookings.inScope(scope, statuses, filter, LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)));
	}

	/**
	 * Unscoped read for other modules (notifications, payments). Never expose it to a
	 * caller.
	 */
	@Transactional(readOnly = true)
	public Optional<BookingDetails> find(UUID id) {
		return this.bookings.details(id);
	}

}
