package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment as its guest sees it: where to pay ({@code redirectUrl} and/or a QR payload),
 * its status and its refunds.
 */
public record Payment(UUID paymentId, UUID bookingId, String provider, PaymentStatus status, BigDecimal amount,
		String currency, @Nullable String redirectUrl, @Nullable String qr, Instant createdAt, @Nullable Instant paidAt,
		List<Refund> refunds) {

	public Payment {
		refunds = List.copyOf(refunds);
	}

	/** Money sent back to the guest for this payment. */
	public record Refund(UUID refundId, String kind, RefundStatus status, BigDecimal amount, String currency,
			@Nullable String providerRefundId, Instant createdAt, @Nullable Instant completedAt) {
	}

}
