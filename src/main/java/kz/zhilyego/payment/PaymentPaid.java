package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The provider reported a payment as paid (once per payment: the status change is a
 * compare-and-set under the payment's lock). Published in that transaction.
 */
public record PaymentPaid(UUID paymentId, UUID bookingId, BigDecimal amount, String currency) {
}
