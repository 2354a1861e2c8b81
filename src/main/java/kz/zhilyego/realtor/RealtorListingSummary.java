package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the realtor's listing list. {@code occupancyPercent}: share of the next 30
 * nights (from today, Astana) taken by bookings (holds, confirmed and current stays).
 */
public record RealtorListingSummary(long id, long ownerId, String title, String status, String type, String typeName,
		String district, String districtName, String housingClass, int rooms, BigDecimal pricePerNight, String currency,
		BigDecimal occupancyPercent, @Nullable String photoUrl, Instant createdAt, int version) {
}
