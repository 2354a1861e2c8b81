package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A refund succeeded (automatically or marked by hand); {@code paymentStatus} is the
 * payment's status after it (REFUNDED or PARTIALLY_REFUNDED). Published in that
 * transaction.
 */
public record PaymentRefunded(UUID refundId, UUID paymentId, UUID bookingId, BigDecimal amount, String currency,
		String paymentStatus) {
}
