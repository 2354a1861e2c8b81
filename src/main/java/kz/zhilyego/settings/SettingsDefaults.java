package kz.zhilyego.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The deployment properties behind every setting (the values in force while the superuser
 * has not set one). Read by name, so this module needs none of the modules that own the
 * properties.
 */
@Component
class SettingsDefaults {

	private final PlatformSettings defaults;

	SettingsDefaults(Environment environment) {
		Binder binder = Binder.get(environment);
		this.defaults = new PlatformSettings(
				binder.bind("zhilyego.booking.platform-commission-percent", BigDecimal.class).orElse(BigDecimal.TEN),
				binder.bind("zhilyego.booking.gateway-fee-percent", BigDecimal.class).orElse(new BigDecimal("2.5")),
				(int) binder.bind("zhilyego.booking.full-refund-before", Duration.class)
					.orElse(Duration.ofHours(24))
					.toHours(),
				(int) binder.bind("zhilyego.booking.partial-refund-before", Duration.class)
					.orElse(Duration.ofHours(12))
					.toHours(),
				binder.bind("zhilyego.booking.partial-refund-percent", BigDecimal.class).orElse(BigDecimal.valueOf(50)),
				(int) binder.bind("zhilyego.booking.hold-duration", Duration.class)
					.orElse(Duration.ofMinutes(15))
					.toMinutes(),
				binder.bind("zhilyego.catalog.listing-moderation", Boolean.class).orElse(false),
				binder.bind("zhilyego.realtor.max-photos", Integer.class).orElse(6),
				binder.bind("zhilyego.review.stop-words", String[].class).map(List::of).orElse(List.of()),
				binder.bind("zhilyego.identity.two-factor.required-for-staff", Boolean.class).orElse(true),
				binder.bind("zhilyego.identity.staff-ip-allow-list", String[].class).map(List::of).orElse(List.of()), 0,
				null, null);
	}

	PlatformSettings get() {
		return this.defaults;
	}

}
