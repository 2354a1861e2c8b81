package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import kz.zhilyego.booking.BookingEvents.BookingCancelled;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels a booking by its guest (refund by the {@link CancellationPolicy} the booking
 * was made under) or by staff in scope (full refund), frees its dates and records the
 * refund due; the payment module executes the refund on {@link BookingCancelled}.
 */
@Service
public class CancelBooking {

	private static final int MAX_NOTE = 1000;

	private final Bookings bookings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final StayQuotes quotes;

	CancelBooking(Bookings bookings, Clock clock, ApplicationEventPublisher events, StayQuotes quotes) {
		this.quotes = quotes;
		this.bookings = bookings;
		this.clock = clock;
		this.events = events;
	}

	/** What cancelling now would refund. */
	public record RefundQuote(UUID bookingId, boolean cancellable, BigDecimal refundPercent, BigDecimal refund,
			BigDecimal paid, String currency, @Nullable String reason) {
	}

	@Transactional(readOnly = true)
	public RefundQuote quote(UUID bookingId, AccessScope scope) {
		BookingDetails booking = this.bookings.details(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		BookingAccess access = BookingAccess.of(booking.guestId(), booking.ownerId(), scope);
		Money paid = paid(booking.status(), new Money(booking.total(), booking.currency()));
		Instant checkInAt = booking.checkIn().atTime(booking.checkInTime()).atZone(Zones.KAZAKHSTAN).toInstant();
		CancellationPolicy policy = this.bookings.policyOf(bookingId).orElseThrow();
		return switch (policy.decide(booking.status(), access == BookingAccess.STAFF, paid, this.clock.instant(),
				checkInAt)) {
			case CancellationPolicy.Decision.Allowed allowed -> new RefundQuote(bookingId, true,
					allowed.refundPercent(), allowed.refund().amount(), paid.amount(), paid.currency(), null);
			case CancellationPolicy.Decision.Rejected rejected -> new RefundQuote(bookingId, false, BigDecimal.ZERO,
					BigDecimal.ZERO, paid.amount(), paid.currency(), rejected.messageKey());
		};
	}

	@Transactional
	public BookingDetails cancel(UUID bookingId, CancellationReason reason, @Nullable String note, AccessScope scope) {
		if (reason == CancellationReason.OTHER && (note == null || note.isBlank())) {
			throw ProblemException.invalidField("note", "booking.cancel.noteRequired");
		}
		if (note != null && note.length() > MAX_NOTE) {
			throw ProblemException.invalidField("note", "booking.cancel.noteTooLong", MAX_NOTE);
		}
		// listing first, then booking: the order every occupancy change takes (the
		// listing row carries the occupied-nights bitmap), so cancelling never deadlocks
		// with a hold or an expiry on the same listing
		long listingId = this.bookings.listingOf(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		this.quotes.lock(listingId);
		Bookings.Locked booking = this.bookings.lock(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		BookingAccess access = BookingAccess.of(booking.guestId(), booking.ownerId(), scope);
		Instant now = this.clock.instant();
		Instant checkInAt = booking.stay().checkIn().atTime(booking.checkInTime()).atZone(Zones.KAZAKHSTAN).toInstant();
		Money paid = paid(booking.status(), booking.total());
		CancellationPolicy.Decision decision = booking.policy()
			.decide(booking.status(), access == BookingAccess.STAFF, paid, now, checkInAt);
		if (decision instanceof CancellationPolicy.Decision.Rejected rejected) {
			throw ProblemException.conflict("illegal-transition", rejected.messageKey());
		}
		CancellationPolicy.Decision.Allowed allowed = (CancellationPolicy.Decision.Allowed) decision;
		Actor actor = access == BookingAccess.GUEST ? Actor.guest(scope.userId()) : Actor.staff(scope);
		if (!this.bookings.cancel(bookingId, booking.status(), now, actor.type(), reason.name(), note,
				allowed.refundPercent(), allowed.refund())) {
			throw new IllegalStateException("Booking changed under its row lock: " + bookingId);
		}
		this.bookings.release(bookingId);
		this.bookings.recordTransition(bookingId, now, actor, booking.status(), BookingStatus.CANCELLED, reason.name(),
				note);
		this.events.publishEvent(new BookingCancelled(bookingId, booking.listingId(), booking.guestId(),
				booking.ownerId(), booking.stay().checkIn(), booking.stay().checkOut(), actor.type().name(),
				reason.name(), allowed.refund().amount(), allowed.refund().currency()));
		return this.bookings.details(bookingId).orElseThrow();
	}

	/**
	 * The booking as it is now (for callers that acted on it through another service).
	 */
	@Transactional(readOnly = true)
	public BookingDetails details(UUID bookingId) {
		return this.bookings.details(bookingId).orElseThrow(() -> ProblemException.notFound("booking.notFound"));
	}

	private static Money paid(BookingStatus status, Money total) {
		return status == BookingStatus.HOLD ? Money.zero(total.currency()) : total;
	}

}
