package kz.zhilyego.booking;

import java.util.Optional;

import kz.zhilyego.booking.BookingEvents.BookingCancelled;
import kz.zhilyego.booking.BookingEvents.BookingConfirmed;
import kz.zhilyego.booking.BookingEvents.BookingHeld;
import kz.zhilyego.booking.BookingEvents.BookingMoved;
import kz.zhilyego.booking.BookingEvents.GuestCheckedIn;
import kz.zhilyego.booking.BookingEvents.HoldExpired;
import kz.zhilyego.booking.BookingEvents.StayCompleted;
import kz.zhilyego.events.PlatformEvent;
import kz.zhilyego.events.PlatformEventMapping;
import org.springframework.stereotype.Component;

/**
 * The booking lifecycle on the platform record. Each status change happens once per
 * booking (compare-and-set transitions), so its key is the type and the booking; a move
 * is keyed by its dates.
 */
@Component
class BookingPlatformEvents implements PlatformEventMapping {

	@Override
	public Optional<PlatformEvent> map(Object event) {
		return Optional.ofNullable(switch (event) {
			case BookingHeld e -> PlatformEvent.once("booking.held", "booking", e.bookingId(),
					PlatformEvent.facts("listingId", e.listingId(), "guestId", e.guestId(), "checkIn", e.checkIn(),
							"checkOut", e.checkOut(), "holdExpiresAt", e.holdExpiresAt()));
			case BookingConfirmed e -> PlatformEvent.once("booking.confirmed", "booking", e.bookingId(),
					PlatformEvent.facts("listingId", e.listingId(), "guestId", e.guestId(), "ownerId", e.ownerId(),
							"checkIn", e.checkIn(), "checkOut", e.checkOut()));
			case HoldExpired e -> PlatformEvent.once("booking.expired", "booking", e.bookingId(),
					PlatformEvent.facts("listingId", e.listingId(), "guestId", e.guestId()));
			case BookingCancelled e -> PlatformEvent.once("booking.cancelled", "booking", e.bookingId(),
					PlatformEvent.facts("listingId", e.listingId(), "guestId", e.guestId(), "ownerId", e.ownerId(),
							"cancelledBy", e.cancelledBy(), "reason", e.reason(), "refundDue",
							e.refundDue().toPlainString(), "currency", e.currency()));
			case BookingMoved e -> PlatformEvent.once("booking.moved", "booking", e.bookingId(),
					PlatformEvent.facts("listingId", e.listingId(), "previousCheckIn", e.previousCheckIn(),
							"previousCheckOut", e.previousCheckOut(), "checkIn", e.checkIn(), "checkOut", e.checkOut()))
				.keyedBy(e.previousCheckIn() + "/" + e.previousCheckOut() + ">" + e.checkIn() + "/" + e.checkOut());
			case GuestCheckedIn e -> PlatformEvent.once("booking.checked_in", "booking", e.bookingId(),
					PlatformEvent.facts("listingId", e.listingId(), "guestId", e.guestId()));
			case StayCompleted e -> PlatformEvent.once("booking.completed", "booking", e.bookingId(),
					PlatformEvent.facts("listingId", e.listingId(), "guestId", e.guestId(), "ownerId", e.ownerId()));
			default -> null;
		});
	}

}
