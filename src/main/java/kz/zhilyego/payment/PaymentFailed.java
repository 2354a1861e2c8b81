package kz.zhilyego.payment;

import java.util.UUID;

/**
 * A payment for a hold was declined by the provider; the hold stays and the guest may pay
 * again while it lasts. Published after commit.
 */
public record PaymentFailed(UUID paymentId, UUID bookingId) {
}
