package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A listing as staff in scope edit it: every field, status, the optimistic-locking
 * {@code version} to send back with a change, whether access codes are stored (never the
 * codes themselves), the photos, and the superuser's reason when the listing was rejected
 * (REJECTED) or suspended (SUSPENDED); PENDING waits for the superuser's approval.
 */
public record RealtorListing(long id, long ownerId, String status, int version, String title, String city,
		String district, String housingClass, String type, int rooms, String street, String house,
		@Nullable String block, @Nullable String entrance, @Nullable Integer floor, @Nullable Integer floorsTotal,
		BigDecimal areaM2, int sleepingPlaces, String description, List<String> amenities, String houseRules,
		BigDecimal pricePerNight, String currency, LocalTime checkInTime, LocalTime checkOutTime, String realtorPhone,
		@Nullable BigDecimal latitude, @Nullable BigDecimal longitude, boolean hasAccessCodes,
		List<ListingPhoto> photos, Instant createdAt, Instant updatedAt, @Nullable String moderationReason) {

	public RealtorListing {
		amenities = List.copyOf(amenities);
		photos = List.copyOf(photos);
	}

	public boolean active() {
		return "ACTIVE".equals(this.status);
	}

}
