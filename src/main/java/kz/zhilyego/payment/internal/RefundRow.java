package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.RefundStatus;
import org.jspecify.annotations.Nullable;

/** A row of {@code refunds}. */
public record RefundRow(UUID id, UUID paymentId, UUID bookingId, Kind kind, @Nullable String reason, BigDecimal amount,
		String currency, RefundStatus status, @Nullable String providerRefundId, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, @Nullable Instant completedAt) {

	public Money money() {
		return new Money(this.amount, this.currency);
	}

	/**
	 * CANCELLATION: decided by the cancellation policy, reverses ledger entries;
	 * AUTOMATIC: a payment that could not confirm its booking goes back in full.
	 */
	public enum Kind {

		CANCELLATION, AUTOMATIC

	}

}
