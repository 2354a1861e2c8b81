package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import kz.zhilyego.admin.SettingsAdmin;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.settings.PlatformSettings;
import kz.zhilyego.settings.SettingsValues;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /api/v1/admin/settings}: the platform settings in force (with the
 * property defaults) and their replacement (every field; null = the default). An
 * {@code If-Match} with the version read makes a concurrent change a 409.
 */
@RestController
@RequestMapping("/api/v1/admin/settings")
class SettingsApiController {

	private final SettingsAdmin admin;

	SettingsApiController(SettingsAdmin admin) {
		this.admin = admin;
	}

	/**
	 * The settings in force at the top level, the property defaults under
	 * {@code defaults}.
	 */
	record SettingsJson(BigDecimal platformCommissionPercent, BigDecimal providerFeePercent, int fullRefundBeforeHours,
			int partialRefundBeforeHours, BigDecimal partialRefundPercent, int holdMinutes, boolean listingModeration,
			int maxPhotos, List<String> reviewStopWords, boolean staffTwoFactorRequired, List<String> staffIpAllowList,
			long version, @Nullable Instant updatedAt, @Nullable Long updatedBy, SettingsValues defaults) {

		static SettingsJson of(PlatformSettings s, PlatformSettings defaults) {
			return new SettingsJson(s.platformCommissionPercent(), s.providerFeePercent(), s.fullRefundBeforeHours(),
					s.partialRefundBeforeHours(), s.partialRefundPercent(), s.holdMinutes(), s.listingModeration(),
					s.maxPhotos(), s.reviewStopWords(), s.staffTwoFactorRequired(), s.staffIpAllowList(), s.version(),
					s.updatedAt(), s.updatedBy(), SettingsValues.of(defaults));
		}

	}

	@GetMapping
	@Operation(summary = "Superuser: the platform settings in force, with the property defaults")
	SettingsJson get(@AuthenticationPrincipal CurrentUser user) {
		SettingsAdmin.View view = this.admin.view(user);
		return SettingsJson.of(view.settings(), view.defaults());
	}

	@PutMapping
	@Operation(summary = "Superuser: replace the platform settings (If-Match: the version read)")
	SettingsJson put(@AuthenticationPrincipal CurrentUser user, @RequestBody SettingsValues values,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Long version = null;
		if (ifMatch != null && !ifMatch.isBlank()) {
			try {
				version = Long.parseLong(ifMatch.replace("\"", "").replace("W/", "").strip());
			}
			catch (NumberFormatException ex) {
				throw kz.zhilyego.common.ProblemException.invalidField("If-Match", "admin.settings.version");
			}
		}
		this.admin.update(user, values, version);
		SettingsAdmin.View view = this.admin.view(user);
		return SettingsJson.of(view.settings(), view.defaults());
	}

}
