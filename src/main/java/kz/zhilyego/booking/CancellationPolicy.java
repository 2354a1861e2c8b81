package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import kz.zhilyego.common.Money;

/**
 * Who may cancel and what they get back. Each booking keeps the policy in force when it
 * was made (stored on the booking). A guest cancelling a paid booking gets 100 % at least
 * {@code fullBefore} before check-in, {@code partialPercent} at least
 * {@code partialBefore} before, nothing later; staff cancellations always refund in full;
 * an unpaid hold refunds nothing. Only HOLD and CONFIRMED bookings can be cancelled.
 */
public record CancellationPolicy(Duration fullBefore, Duration partialBefore, BigDecimal partialPercent) {

	private static final BigDecimal FULL = BigDecimal.valueOf(100);

	/** The policy in force now (the platform settings), stored on each new booking. */
	static CancellationPolicy of(kz.zhilyego.settings.PlatformSettings settings) {
		return new CancellationPolicy(settings.fullRefundBefore(), settings.partialRefundBefore(),
				settings.partialRefundPercent());
	}

	public Decision decide(BookingStatus status, boolean byStaff, Money paid, Instant now, Instant checkInAt) {
		if (status != BookingStatus.HOLD && status != BookingStatus.CONFIRMED) {
			return new Decision.Rejected("booking.cancel.notCancellable");
		}
		if (status == BookingStatus.HOLD) {
			return allowed(BigDecimal.ZERO, paid);
		}
		if (byStaff) {
			return allowed(FULL, paid);
		}
		Duration before = Duration.between(now, checkInAt);
		if (before.compareTo(this.fullBefore) >= 0) {
			return allowed(FULL, paid);
		}
		if (before.compareTo(this.partialBefore) >= 0) {
			return allowed(this.partialPercent, paid);
		}
		return allowed(BigDecimal.ZERO, paid);
	}

	private static Decision allowed(BigDecimal percent, Money paid) {
		return new Decision.Allowed(percent, paid.percent(percent));
	}

	/** The policy's answer. */
	public sealed interface Decision {

		/** Cancellation allowed with this refund. */
		record Allowed(BigDecimal refundPercent, Money refund) implements Decision {
		}

		/** Cancellation refused; the message key says why. */
		record Rejected(String messageKey) implements Decision {
		}

	}

}
