package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * Every field of a listing the staff edit, already checked by the caller (the listing
 * editor's rules), with the city and district resolved to their ids
 * ({@link ListingReferences}). Amenities are set apart
 * ({@link ListingDrafts#setAmenities}).
 */
public record ListingFields(int cityId, int districtId, String housingClass, String type, String title, int rooms,
		String street, String house, @Nullable String block, @Nullable String entrance, @Nullable Integer floor,
		@Nullable Integer floorsTotal, BigDecimal areaM2, int sleepingPlaces, String description, String houseRules,
		BigDecimal pricePerNight, LocalTime checkInTime, LocalTime checkOutTime, String realtorPhone,
		@Nullable BigDecimal latitude, @Nullable BigDecimal longitude) {
}
