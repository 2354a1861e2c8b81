package kz.zhilyego.payment.internal;

import java.util.UUID;

/**
 * A settlement created an automatic refund (internal to payment, published in the
 * settling transaction): {@link RefundAttempts} attempts it once that transaction has
 * committed.
 */
public record RefundRequested(UUID refundId) {
}
