package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.booking.BookingEvents.GuestCheckedIn;
import kz.zhilyego.booking.BookingEvents.StayCompleted;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff marks: the guest checked in (CONFIRMED → CHECKED_IN, from the check-in day on)
 * and checked out (CHECKED_IN → COMPLETED). Only staff whose scope covers the listing.
 */
@Service
public class MarkStay {

	private final Bookings bookings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MarkStay(Bookings bookings, Clock clock, ApplicationEventPublisher events) {
		this.bookings = bookings;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public BookingDetails checkIn(UUID bookingId, AccessScope scope) {
		Bookings.Locked booking = lockInScope(bookingId, scope);
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		if (booking.status() == BookingStatus.CONFIRMED && today.isBefore(booking.stay().checkIn())) {
			throw ProblemException.conflict("too-early", "booking.checkIn.tooEarly", booking.stay().checkIn());
		}
		move(booking, BookingStatus.CHECKED_IN, scope);
		this.events.publishEvent(new GuestCheckedIn(bookingId, booking.listingId(), booking.guestId()));
		return this.bookings.details(bookingId).orElseThrow();
	}

	@Transactional
	public BookingDetails checkOut(UUID bookingId, AccessScope scope) {
		Bookings.Locked booking = lockInScope(bookingId, scope);
		move(booking, BookingStatus.COMPLETED, scope);
		this.events
			.publishEvent(new StayCompleted(bookingId, booking.listingId(), booking.guestId(), booking.ownerId()));
		return this.bookings.details(bookingId).orElseThrow();
	}

	private Bookings.Locked lockInScope(UUID bookingId, AccessScope scope) {
		Bookings.Locked booking = this.bookings.lock(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		BookingAccess.requireStaff(booking.guestId(), booking.ownerId(), scope);
		return booking;
	}

	private void move(Bookings.Locked booking, BookingStatus to, AccessScope scope) {
		Instant now = this.clock.instant();
		if (!this.bookings.move(booking.id(), booking.status(), to, now)) {
			throw new IllegalStateException("Booking changed under its row lock: " + booking.id());
		}
		this.bookings.recordTransition(booking.id(), now, Actor.staff(scope), booking.status(), to, null, null);
	}

}
