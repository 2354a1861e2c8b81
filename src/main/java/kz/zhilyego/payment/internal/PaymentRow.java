package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code payments}.
 *
 * @param qrExpiresAt when the QR / link stops taking payments (the provider's expiry)
 * @param parentPaymentId for a remote invoice: the checkout payment it was sent with
 * @param lateCheckUntil a closed or UNKNOWN payment is still asked about until then
 * @param reviewReason why a person should look at it (null: nothing to look at)
 * @param requestId the id of the request that started it (docs/operations.md): its status
 * queries log under it
 */
public record PaymentRow(UUID id, UUID bookingId, long guestId, String provider, PaymentStatus status,
		BigDecimal amount, String currency, @Nullable String providerPaymentId, @Nullable String redirectUrl,
		@Nullable String qrPayload, String idempotencyKey, @Nullable Instant pollAfter, Instant createdAt,
		@Nullable BigDecimal paidAmount, @Nullable Instant paidAt, @Nullable Instant qrExpiresAt,
		@Nullable UUID parentPaymentId, @Nullable Instant lateCheckUntil, @Nullable String reviewReason,
		@Nullable String requestId) {

	/** A new payment, before the provider opened it. */
	public PaymentRow(UUID id, UUID bookingId, long guestId, String provider, PaymentStatus status, BigDecimal amount,
			String currency, @Nullable String providerPaymentId, @Nullable String redirectUrl,
			@Nullable String qrPayload, String idempotencyKey, @Nullable Instant pollAfter, Instant createdAt,
			@Nullable BigDecimal paidAmount, @Nullable Instant paidAt) {
		this(id, bookingId, guestId, provider, status, amount, currency, providerPaymentId, redirectUrl, qrPayload,
				idempotencyKey, pollAfter, createdAt, paidAmount, paidAt, null, null, null, null, null);
	}

	public Money money() {
		return new Money(this.amount, this.currency);
	}

	/** What the provider reported as paid, else the requested amount. */
	public Money paid() {
		return new Money(this.paidAmount != null ? this.paidAmount : this.amount, this.currency);
	}

	/** An invoice sent to the guest's phone next to a checkout payment. */
	public boolean remoteInvoice() {
		return this.parentPaymentId != null;
	}

	/** The QR / link no longer takes payments. */
	public boolean lapsed(Instant now) {
		return this.qrExpiresAt != null && !this.qrExpiresAt.isAfter(now);
	}

}
