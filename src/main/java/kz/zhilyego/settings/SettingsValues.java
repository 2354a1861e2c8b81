package kz.zhilyego.settings;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the superuser sets, every field at once (PUT semantics). A null field goes back to
 * the deployment property's value. Field names are those of {@link PlatformSettings}.
 */
public record SettingsValues(@Nullable BigDecimal platformCommissionPercent, @Nullable BigDecimal providerFeePercent,
		@Nullable Integer fullRefundBeforeHours, @Nullable Integer partialRefundBeforeHours,
		@Nullable BigDecimal partialRefundPercent, @Nullable Integer holdMinutes, @Nullable Boolean listingModeration,
		@Nullable Integer maxPhotos, @Nullable List<String> reviewStopWords, @Nullable Boolean staffTwoFactorRequired,
		@Nullable List<String> staffIpAllowList) {

	/** The values in force, as a full set to edit. */
	public static SettingsValues of(PlatformSettings s) {
		return new SettingsValues(s.platformCommissionPercent(), s.providerFeePercent(), s.fullRefundBeforeHours(),
				s.partialRefundBeforeHours(), s.partialRefundPercent(), s.holdMinutes(), s.listingModeration(),
				s.maxPhotos(), s.reviewStopWords(), s.staffTwoFactorRequired(), s.staffIpAllowList());
	}

}
