package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
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
	 * What occupies a listing's nights for a calendar feed: confirmed and checked-in
	 * bookings and active blocks ending after {@code from}, first night first (holds are
	 * left out: they last minutes, feeds are read every few hours).
	 *
	 * @param kind {@code BOOKING} or {@code BLOCK}
	 * @param key the booking's or block's id (stable as long as it exists)
	 */
	public record Occupation(String kind, String key, LocalDate from, LocalDate to, Instant since) {
	}

	@Transactional(readOnly = true)
	public List<Occupation> occupations(long listingId, LocalDate from) {
		return this.bookings.occupations(listingId, from);
	}

	/**
	 * The booking's status, read with a share lock held until the caller's transaction
	 * ends: work that must not outlive the booking (scheduling its reminders) waits for a
	 * cancellation in progress and sees it, and a cancellation waits for that work.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Optional<BookingStatus> statusLocked(UUID id) {
		return this.bookings.statusForShare(id);
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
