package kz.zhilyego.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingEvents.BookingCancelled;
import kz.zhilyego.booking.BookingEvents.BookingConfirmed;
import kz.zhilyego.booking.BookingEvents.HoldExpired;
import kz.zhilyego.booking.BookingEvents.StayCompleted;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.Zones;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.ReminderHandler;
import kz.zhilyego.notification.ReminderKind;
import kz.zhilyego.notification.Reminders;
import kz.zhilyego.notification.internal.BookingMessages.Party;
import kz.zhilyego.payment.PaymentFailed;
import kz.zhilyego.review.ReviewEvents.ReviewPublished;
import kz.zhilyego.review.ReviewEvents.ReviewReplied;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The booking triggers: confirmations, cancellations, expired holds and failed payments
 * become outbox messages (a confirmation clears the booking's earlier "payment failed"
 * notices); a confirmation schedules the reminders (24 h before check-in, check-in day
 * morning, 24 h before check-out), a cancellation cancels them, a completed stay
 * schedules the review request. Each listener runs after the booking's commit in its own
 * transaction and is retried from the event publication registry if the app stops midway;
 * dedup keys make a replay harmless.
 */
@Component
class BookingNotifications implements ReminderHandler {

	/** The check-in day reminder goes out at this local time. */
	static final LocalTime CHECK_IN_DAY_AT = LocalTime.of(9, 0);

	static final Duration REVIEW_AFTER = Duration.ofHours(2);

	private final BookingQueries bookings;

	private final BookingMessages messages;

	private final Reminders reminders;

	private final Clock clock;

	private final JdbcInAppNotifications inbox;

	BookingNotifications(BookingQueries bookings, BookingMessages messages, Reminders reminders, Clock clock,
			JdbcInAppNotifications inbox) {
		this.inbox = inbox;
		this.bookings = bookings;
		this.messages = messages;
		this.reminders = reminders;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(BookingConfirmed event) {
		// a "payment failed" notice from an earlier attempt is stale now
		this.inbox.clearPaymentFailures(event.bookingId());
		this.bookings.find(event.bookingId()).ifPresent(booking -> {
			this.messages.send("booking-confirmed", NotificationKind.BOOKING_CONFIRMED_GUEST, Party.GUEST, booking,
					true, null, null);
			this.messages.send("booking-confirmed", NotificationKind.BOOKING_CONFIRMED_REALTOR, Party.REALTOR, booking,
					false, null, null);
			Instant checkIn = booking.checkIn().atTime(booking.checkInTime()).atZone(Zones.KAZAKHSTAN).toInstant();
			Instant checkOut = booking.checkOut().atTime(booking.checkOutTime()).atZone(Zones.KAZAKHSTAN).toInstant();
			schedule(booking.id(), ReminderKind.BEFORE_CHECK_IN, checkIn.minus(Duration.ofHours(24)));
			schedule(booking.id(), ReminderKind.CHECK_IN_DAY,
					booking.checkIn().atTime(CHECK_IN_DAY_AT).atZone(Zones.KAZAKHSTAN).toInstant());
			schedule(booking.id(), ReminderKind.BEFORE_CHECK_OUT, checkOut.minus(Duration.ofHours(24)));
		});
	}

	@ApplicationModuleListener
	void on(BookingCancelled event) {
		this.reminders.cancelAll(event.bookingId());
		this.bookings.find(event.bookingId()).ifPresent(booking -> {
			this.messages.send("booking-cancelled", NotificationKind.BOOKING_CANCELLED_GUEST, Party.GUEST, booking,
					false, event.reason(), event.refundDue());
			this.messages.send("booking-cancelled", NotificationKind.BOOKING_CANCELLED_REALTOR, Party.REALTOR, booking,
					false, event.reason(), null);
		});
	}

	@ApplicationModuleListener
	void on(HoldExpired event) {
		this.bookings.find(event.bookingId())
			.ifPresent(booking -> this.messages.send("hold-expired", NotificationKind.HOLD_EXPIRED_GUEST, Party.GUEST,
					booking, false, null, null));
	}

	@ApplicationModuleListener
	void on(PaymentFailed event) {
		this.bookings.find(event.bookingId())
			.filter(booking -> booking.status() == BookingStatus.HOLD)
			.ifPresent(booking -> this.messages.send("payment-failed:" + event.paymentId(),
					NotificationKind.PAYMENT_FAILED_GUEST, Party.GUEST, booking, false, null, null));
	}

	@ApplicationModuleListener
	void on(StayCompleted event) {
		this.reminders.schedule(event.bookingId(), ReminderKind.REVIEW_REQUEST,
				this.clock.instant().plus(REVIEW_AFTER));
	}

	/** The realtor hears of a new visible review of their listing. */
	@ApplicationModuleListener
	void on(ReviewPublished event) {
		this.bookings.find(event.bookingId())
			.ifPresent(booking -> this.messages.sendAboutReview("review-published:" + event.reviewId(),
					NotificationKind.REVIEW_RECEIVED_REALTOR, Party.REALTOR, booking,
					Map.of("rating", event.rating() + " / 5")));
	}

	/** The guest hears of the realtor's answer (once: an edited answer sends nothing). */
	@ApplicationModuleListener
	void on(ReviewReplied event) {
		this.bookings.find(event.bookingId())
			.ifPresent(booking -> this.messages.sendAboutReview("review-replied:" + event.reviewId(),
					NotificationKind.REVIEW_REPLY_GUEST, Party.GUEST, booking, Map.of()));
	}

	/** Composes a due reminder, only while the booking still calls for it. */
	@Override
	public void fire(UUID bookingId, ReminderKind kind) {
		BookingDetails booking = this.bookings.find(bookingId).orElse(null);
		if (booking == null) {
			return;
		}
		boolean active = booking.status().isActiveStay();
		switch (kind) {
			case BEFORE_CHECK_IN -> {
				if (booking.status() == BookingStatus.CONFIRMED) {
					remind(booking, NotificationKind.REMINDER_BEFORE_CHECK_IN, kind, false);
				}
			}
			case CHECK_IN_DAY -> {
				if (active) {
					remind(booking, NotificationKind.REMINDER_CHECK_IN_DAY, kind, true);
				}
			}
			case BEFORE_CHECK_OUT -> {
				if (active) {
					remind(booking, NotificationKind.REMINDER_BEFORE_CHECK_OUT, kind, false);
				}
			}
			case REVIEW_REQUEST -> {
				if (booking.status() == BookingStatus.COMPLETED) {
					remind(booking, NotificationKind.REVIEW_REQUEST, kind, false);
				}
			}
		}
	}

	private void remind(BookingDetails booking, NotificationKind notificationKind, ReminderKind kind,
			boolean withCodes) {
		this.messages.send("reminder-" + kind.name().toLowerCase(), notificationKind, Party.GUEST, booking, withCodes,
				null, null);
	}

	/**
	 * Reminders whose time has already passed (a last-minute booking) are not sent late.
	 */
	private void schedule(UUID bookingId, ReminderKind kind, Instant dueAt) {
		if (dueAt.isAfter(this.clock.instant())) {
			this.reminders.schedule(bookingId, kind, dueAt);
		}
	}

}
