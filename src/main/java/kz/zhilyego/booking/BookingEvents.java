package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Past-tense events the booking module publishes after commit (Spring Modulith, persisted
 * in the event publication registry). Listeners load anything else they need through
 * {@link BookingQueries}; events carry ids and the facts of the change only.
 */
public final class BookingEvents {

	private BookingEvents() {
	}

	/** A hold was placed: the dates are held until {@code holdExpiresAt}. */
	public record BookingHeld(UUID bookingId, long listingId, long guestId, LocalDate checkIn, LocalDate checkOut,
			Instant holdExpiresAt) {
	}

	/** The booking was paid: its dates are final. */
	public record BookingConfirmed(UUID bookingId, long listingId, long guestId, long ownerId, LocalDate checkIn,
			LocalDate checkOut) {
	}

	/** Nobody paid in time: the dates were released. */
	public record HoldExpired(UUID bookingId, long listingId, long guestId) {
	}

	/**
	 * The booking was cancelled; {@code refundDue} is what the guest gets back (KZT),
	 * executed by the payment module.
	 */
	public record BookingCancelled(UUID bookingId, long listingId, long guestId, long ownerId, LocalDate checkIn,
			LocalDate checkOut, String cancelledBy, String reason, BigDecimal refundDue, String currency) {
	}

	/**
	 * An external booking's dates changed (its connection moved it); the nights of
	 * {@code checkIn}–{@code checkOut} are occupied now instead of the previous ones.
	 */
	public record BookingMoved(UUID bookingId, long listingId, long guestId, long ownerId, LocalDate previousCheckIn,
			LocalDate previousCheckOut, LocalDate checkIn, LocalDate checkOut) {
	}

	public record GuestCheckedIn(UUID bookingId, long listingId, long guestId) {
	}

	public record StayCompleted(UUID bookingId, long listingId, long guestId, long ownerId) {
	}

}
