package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The payment and refund state of a booking, for the booking's API view. Implemented by
 * the payment module (booking must not depend on it); absent when no payment module is
 * present.
 */
public interface PaymentStates {

	Optional<PaymentState> of(UUID bookingId);

	/** The latest payment of a booking and its refund, if any. */
	record PaymentState(UUID paymentId, String provider, String status, BigDecimal amount, String currency,
			@Nullable Instant paidAt, @Nullable String refundStatus, @Nullable BigDecimal refundAmount,
			@Nullable String refundProviderId) {
	}

}
