package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;

/** A row of {@code payments}. */
public record PaymentRow(UUID id, UUID bookingId, long guestId, String provider, PaymentStatus status,
		BigDecimal amount, String currency, @Nullable String providerPaymentId, @Nullable String redirectUrl,
		@Nullable String qrPayload, String idempotencyKey, @Nullable Instant pollAfter, Instant createdAt,
		@Nullable BigDecimal paidAmount, @Nullable Instant paidAt) {

	public Money money() {
		return new Money(this.amount, this.currency);
	}

	/** What the provider reported as paid, else the requested amount. */
	public Money paid() {
		return new Money(this.paidAmount != null ? this.paidAmount : this.amount, this.currency);
	}

}
