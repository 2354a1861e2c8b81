package kz.zhilyego.payment;

import java.util.UUID;

/**
 * A payment needs a person: the provider answered a status nobody knows, gave no final
 * answer for a day, or a callback disagreed with it. It is in the admin queue
 * ({@code /admin/payments}); superusers are alerted. Published in the transaction that
 * flagged it.
 *
 * @param reason a stable code, e.g. {@code unknown_status:Foo}, {@code no_final_status},
 * {@code amount_mismatch}
 */
public record PaymentNeedsAttention(UUID paymentId, UUID bookingId, String reason) {
}
