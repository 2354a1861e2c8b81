package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import kz.zhilyego.identity.AccessCodeSet;
import org.jspecify.annotations.Nullable;

/**
 * Every field of a listing a realtor enters (seed 001, 9.1). Values are checked by
 * {@link RealtorListings} (all errors at once, per field). {@code accessCodes}: null
 * keeps the stored codes, a value replaces them (all three null clears them).
 * {@code ownerId}: on create, the realtor the listing belongs to (a super admin may
 * create for the agency's realtors); null = the caller. {@code realtorPhone} null = the
 * owner's profile phone.
 */
public record ListingForm(@Nullable String title, @Nullable String city, @Nullable String district,
		@Nullable String housingClass, @Nullable String type, @Nullable Integer rooms, @Nullable String street,
		@Nullable String house, @Nullable String block, @Nullable String entrance, @Nullable Integer floor,
		@Nullable Integer floorsTotal, @Nullable BigDecimal areaM2, @Nullable Integer sleepingPlaces,
		@Nullable String description, @Nullable List<String> amenities, @Nullable String houseRules,
		@Nullable BigDecimal pricePerNight, @Nullable LocalTime checkInTime, @Nullable LocalTime checkOutTime,
		@Nullable String realtorPhone, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
		@Nullable AccessCodeSet accessCodes, @Nullable Long ownerId) {

	public List<String> amenityCodes() {
		return this.amenities == null ? List.of() : List.copyOf(this.amenities);
	}

}
