package kz.zhilyego.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.booking.BookingEvents.BookingCancelled;
import kz.zhilyego.booking.BookingEvents.BookingConfirmed;
import kz.zhilyego.booking.BookingEvents.BookingHeld;
import kz.zhilyego.booking.BookingEvents.HoldExpired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The booking lifecycle as meters and log lines, from the module's own events:
 * {@code zhilyego.holds.placed|expired}, {@code zhilyego.bookings.confirmed|cancelled}.
 * Counted (and logged, under the request id of the change) only once the change has
 * committed; a plain listener, so nothing is added to the event publication registry.
 */
@Component
class BookingMetrics {

	private static final Logger log = LoggerFactory.getLogger(BookingMetrics.class);

	private final Counter placed;

	private final Counter expired;

	private final Counter confirmed;

	private final Counter cancelled;

	BookingMetrics(MeterRegistry registry) {
		this.placed = Counter.builder("zhilyego.holds.placed")
			.description("Holds placed (bookings created)")
			.register(registry);
		this.expired = Counter.builder("zhilyego.holds.expired")
			.description("Holds that expired unpaid")
			.register(registry);
		this.confirmed = Counter.builder("zhilyego.bookings.confirmed")
			.description("Holds confirmed by a payment")
			.register(registry);
		this.cancelled = Counter.builder("zhilyego.bookings.cancelled")
			.description("Holds and bookings cancelled")
			.register(registry);
	}

	@EventListener
	void on(BookingHeld event) {
		afterCommit(() -> {
			this.placed.increment();
			log.info("Booking {} held on listing {} until {}", event.bookingId(), event.listingId(),
					event.holdExpiresAt());
		});
	}

	@EventListener
	void on(HoldExpired event) {
		afterCommit(() -> {
			this.expired.increment();
			log.info("Booking {} expired unpaid", event.bookingId());
		});
	}

	@EventListener
	void on(BookingConfirmed event) {
		afterCommit(() -> {
			this.confirmed.increment();
			log.info("Booking {} confirmed", event.bookingId());
		});
	}

	@EventListener
	void on(BookingCancelled event) {
		afterCommit(() -> {
			this.cancelled.increment();
			log.info("Booking {} cancelled by {} ({}), refund due {} {}", event.bookingId(), event.cancelledBy(),
					event.reason(), event.refundDue(), event.currency());
		});
	}

	private static void afterCommit(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}

}
