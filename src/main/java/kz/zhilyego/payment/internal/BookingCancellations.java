package kz.zhilyego.payment.internal;

import kz.zhilyego.booking.BookingEvents.BookingCancelled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Executes the refund a cancellation decided. The event publication is completed only
 * when this returns, so a crash before the refund row exists replays the event; after
 * that the refund row itself carries the retries.
 */
@Component
class BookingCancellations {

	private final ExecuteRefunds refunds;

	BookingCancellations(ExecuteRefunds refunds) {
		this.refunds = refunds;
	}

	@ApplicationModuleListener
	void on(BookingCancelled event) {
		this.refunds.forCancellation(event.bookingId(), event.refundDue(), event.currency(), event.reason());
	}

}
