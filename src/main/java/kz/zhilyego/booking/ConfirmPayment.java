package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import kz.zhilyego.booking.BookingEvents.BookingConfirmed;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a paid hold into a confirmed booking; called by the payment module for each
 * successful payment, any number of times. Locks are taken listing first, then booking —
 * the same order as placing a hold — so the two never deadlock.
 * <ul>
 * <li>HOLD (even overdue but not yet expired) → CONFIRMED;</li>
 * <li>already confirmed by the same payment → nothing changes;</li>
 * <li>EXPIRED with the dates still free → CONFIRMED again ("late payment");</li>
 * <li>EXPIRED with the dates taken, CANCELLED, a wrong amount or a second payment →
 * {@link Outcome.RefundRequired}: the money must go back.</li>
 * </ul>
 */
@Service
public class ConfirmPayment {

	private final Bookings bookings;

	private final StayQuotes quotes;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ConfirmPayment(Bookings bookings, StayQuotes quotes, Clock clock, ApplicationEventPublisher events) {
		this.bookings = bookings;
		this.quotes = quotes;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * What the payment side books for a confirmed booking, read under the booking's lock:
	 * whose listing it is, the platform's commission and the gateway's fee.
	 */
	public record Settlement(long ownerId, Money platformCommission, Money gatewayFee) {

		static Settlement of(Bookings.Locked booking) {
			return new Settlement(booking.ownerId(), booking.platformCommission(), booking.gatewayFee());
		}

	}

	/** What became of the booking. */
	public sealed interface Outcome {

		record Confirmed(UUID bookingId, Settlement settlement) implements Outcome {
		}

		record AlreadyConfirmed(UUID bookingId, Settlement settlement) implements Outcome {
		}

		record RefundRequired(UUID bookingId, String reason) implements Outcome {
		}

	}

	@Transactional
	public Outcome confirm(UUID bookingId, String paymentRef, Money paid) {
		long listingId = this.bookings.listingOf(bookingId)
			.orElseThrow(() -> ProblemException.notFound("booking.notFound"));
		this.quotes.lockForBooking(listingId);
		Bookings.Locked booking = this.bookings.lock(bookingId).orElseThrow();
		Instant now = this.clock.instant();
		return switch (booking.status()) {
			case HOLD -> {
				if (paid.compareTo(booking.total()) != 0) {
					yield new Outcome.RefundRequired(bookingId, "amount_mismatch");
				}
				yield confirm(booking, BookingStatus.HOLD, paymentRef, now, null);
			}
			case EXPIRED -> {
				if (paid.compareTo(booking.total()) != 0) {
					yield new Outcome.RefundRequired(bookingId, "amount_mismatch");
				}
				if (this.bookings.overlaps(booking.listingId(), booking.stay())) {
					yield new Outcome.RefundRequired(bookingId, "dates_taken_after_expiry");
				}
				this.bookings.occupy(booking.listingId(), booking.stay(), bookingId);
				yield confirm(booking, BookingStatus.EXPIRED, paymentRef, now, "late_payment");
			}
			case CONFIRMED, CHECKED_IN,
					COMPLETED ->
				paymentRef.equals(paymentRefOf(bookingId))
						? new Outcome.AlreadyConfirmed(bookingId, Settlement.of(booking))
						: new Outcome.RefundRequired(bookingId, "already_paid");
			case CANCELLED -> new Outcome.RefundRequired(bookingId, "booking_cancelled");
		};
	}

	private Outcome confirm(Bookings.Locked booking, BookingStatus from, String paymentRef, Instant now,
			@Nullable String reason) {
		if (!this.bookings.move(booking.id(), from, BookingStatus.CONFIRMED, now)) {
			throw new IllegalStateException("Booking changed under its row lock: " + booking.id());
		}
		this.bookings.setPaymentRef(booking.id(), paymentRef);
		this.bookings.recordTransition(booking.id(), now, Actor.PAYMENT, from, BookingStatus.CONFIRMED, reason, null);
		this.events.publishEvent(new BookingConfirmed(booking.id(), booking.listingId(), booking.guestId(),
				booking.ownerId(), booking.stay().checkIn(), booking.stay().checkOut()));
		return new Outcome.Confirmed(booking.id(), Settlement.of(booking));
	}

	private String paymentRefOf(UUID bookingId) {
		return Objects.requireNonNullElse(this.bookings.details(bookingId).orElseThrow().paymentRef(), "");
	}

}
