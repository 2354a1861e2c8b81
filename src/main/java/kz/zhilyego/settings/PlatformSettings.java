package kz.zhilyego.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The settings in force: what the superuser set, else the deployment property.
 *
 * @param platformCommissionPercent commission on a booking's total, stored on each
 * booking
 * @param providerFeePercent payment provider fee on a booking's total, stored on each
 * booking
 * @param fullRefundBeforeHours a guest cancelling at least this long before check-in gets
 * everything back
 * @param partialRefundBeforeHours at least this long before gets
 * {@code partialRefundPercent}; later nothing
 * @param partialRefundPercent refund between the two thresholds
 * @param holdMinutes how long a hold waits for payment
 * @param listingModeration whether new and substantially edited listings wait for
 * approval
 * @param maxPhotos photos per listing
 * @param reviewStopWords words that hide a review for the superuser (besides the built-in
 * list)
 * @param staffTwoFactorRequired whether staff must use a second factor
 * @param staffIpAllowList addresses or CIDR ranges staff may sign in from (empty: any)
 * @param version bumped by every change (optimistic locking of the settings page)
 * @param updatedAt when the superuser last changed them (null: never)
 * @param updatedBy who did
 */
public record PlatformSettings(BigDecimal platformCommissionPercent, BigDecimal providerFeePercent,
		int fullRefundBeforeHours, int partialRefundBeforeHours, BigDecimal partialRefundPercent, int holdMinutes,
		boolean listingModeration, int maxPhotos, List<String> reviewStopWords, boolean staffTwoFactorRequired,
		List<String> staffIpAllowList, long version, @Nullable Instant updatedAt, @Nullable Long updatedBy) {

	public PlatformSettings {
		reviewStopWords = List.copyOf(reviewStopWords);
		staffIpAllowList = List.copyOf(staffIpAllowList);
	}

	public Duration holdDuration() {
		return Duration.ofMinutes(this.holdMinutes);
	}

	public Duration fullRefundBefore() {
		return Duration.ofHours(this.fullRefundBeforeHours);
	}

	public Duration partialRefundBefore() {
		return Duration.ofHours(this.partialRefundBeforeHours);
	}

}
