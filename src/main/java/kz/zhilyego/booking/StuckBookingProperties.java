package kz.zhilyego.booking;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a booking shows as stuck on the superuser's problems page (the prefix is the admin
 * panel's, where the setting is seen; booking owns the rule).
 *
 * @param stuckHoldAfter a hold still open this long past its expiry (default 10 min)
 * @param stuckStayAfterDays a stay not checked in, or not checked out, this many days
 * after its date (default 1)
 */
@ConfigurationProperties("zhilyego.admin")
record StuckBookingProperties(@Nullable Duration stuckHoldAfter, @Nullable Integer stuckStayAfterDays) {

	StuckBookingProperties {
		stuckHoldAfter = (stuckHoldAfter == null || stuckHoldAfter.isNegative()) ? Duration.ofMinutes(10)
				: stuckHoldAfter;
		stuckStayAfterDays = (stuckStayAfterDays == null || stuckStayAfterDays < 0) ? 1 : stuckStayAfterDays;
	}

}
