package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Booking settings. Rates and thresholds are settings, never literals in code.
 *
 * @param holdDuration how long a hold waits for payment
 * @param platformCommissionPercent platform commission on a booking's total
 * @param gatewayFeePercent payment provider fee on a booking's total
 * @param fullRefundBefore a guest cancelling at least this long before check-in gets 100
 * %
 * @param partialRefundBefore at least this long before check-in gets
 * {@code partialRefundPercent}; later nothing
 * @param partialRefundPercent refund percent between the two thresholds
 * @param expiryBatchSize holds expired per batch by the job
 * @param expiryInterval how often the job expires overdue holds
 * @param externalCompletionInterval how often stays booked outside (connections) whose
 * check-out time has come are completed
 */
@ConfigurationProperties("zhilyego.booking")
public record BookingProperties(Duration holdDuration, BigDecimal platformCommissionPercent,
		BigDecimal gatewayFeePercent, Duration fullRefundBefore, Duration partialRefundBefore,
		BigDecimal partialRefundPercent, int expiryBatchSize, Duration expiryInterval,
		Duration externalCompletionInterval) {

	public BookingProperties {
		holdDuration = holdDuration != null ? holdDuration : Duration.ofMinutes(15);
		platformCommissionPercent = platformCommissionPercent != null ? platformCommissionPercent : BigDecimal.TEN;
		gatewayFeePercent = gatewayFeePercent != null ? gatewayFeePercent : new BigDecimal("2.5");
		fullRefundBefore = fullRefundBefore != null ? fullRefundBefore : Duration.ofHours(24);
		partialRefundBefore = partialRefundBefore != null ? partialRefundBefore : Duration.ofHours(12);
		partialRefundPercent = partialRefundPercent != null ? partialRefundPercent : BigDecimal.valueOf(50);
		expiryBatchSize = expiryBatchSize > 0 ? expiryBatchSize : 100;
		expiryInterval = expiryInterval != null ? expiryInterval : Duration.ofSeconds(30);
		externalCompletionInterval = externalCompletionInterval != null ? externalCompletionInterval
				: Duration.ofMinutes(15);
	}

}
