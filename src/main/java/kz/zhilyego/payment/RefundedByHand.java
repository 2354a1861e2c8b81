package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A person marked a refund as made by hand in the provider's cabinet: the ledger is
 * reversed; the guest is told the money is on its way back. Published in that
 * transaction.
 */
public record RefundedByHand(UUID refundId, UUID bookingId, BigDecimal amount, String currency) {
}
