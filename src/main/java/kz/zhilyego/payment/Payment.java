package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment as its guest sees it: where to pay ({@code redirectUrl} and/or a QR payload),
 * until when the QR / link takes payments ({@code qrExpiresAt}; null: not said), its
 * status and its refunds.
 */
public record Payment(UUID paymentId, UUID bookingId, String provider, PaymentStatus status, BigDecimal amount,
		String currency, @Nullable String redirectUrl, @Nullable String qr, Instant createdAt, @Nullable Instant paidAt,
		List<Refund> refunds, @Nullable Instant qrExpiresAt) {

	public Payment {
		refunds = List.copyOf(refunds);
	}

	public Payment(UUID paymentId, UUID bookingId, String provider, PaymentStatus status, BigDecimal amount,
			String currency, @Nullable String redirectUrl, @Nullable String qr, Instant createdAt,
			@Nullable Instant paidAt, List<Refund> refunds) {
		this(paymentId, bookingId, provider, status, amount, currency, redirectUrl, qr, createdAt, paidAt, refunds,
				null);
	}

	/** The QR / link stopped taking payments: the guest needs a new one. */
	public boolean qrLapsed(Instant now) {
		return this.qrExpiresAt != null && !this.qrExpiresAt.isAfter(now);
	}

	/** Money sent back to the guest for this payment. */
	public record Refund(UUID refundId, String kind, RefundStatus status, BigDecimal amount, String currency,
			@Nullable String providerRefundId, Instant createdAt, @Nullable Instant completedAt) {
	}

}
