package kz.zhilyego.realtor.web;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.realtor.ListingForm;
import kz.zhilyego.realtor.RealtorListing;
import org.jspecify.annotations.Nullable;

/**
 * The listing form as the page posts it: text as typed, so a malformed number becomes a
 * field error next to its field instead of a failed request. Codes left empty keep the
 * stored ones unless {@code clearCodes} is ticked.
 */
record ListingPageForm(@Nullable Integer version, @Nullable String title, @Nullable String city,
		@Nullable String district, @Nullable String housingClass, @Nullable String type, @Nullable String rooms,
		@Nullable String street, @Nullable String house, @Nullable String block, @Nullable String entrance,
		@Nullable String floor, @Nullable String floorsTotal, @Nullable String areaM2, @Nullable String sleepingPlaces,
		@Nullable String description, @Nullable List<String> amenities, @Nullable String houseRules,
		@Nullable String pricePerNight, @Nullable String checkInTime, @Nullable String checkOutTime,
		@Nullable String realtorPhone, @Nullable String latitude, @Nullable String longitude,
		@Nullable String intercomCode, @Nullable String flatCode, @Nullable String safeCode,
		@Nullable Boolean clearCodes, @Nullable Long ownerId) {

	static ListingPageForm empty() {
		return new ListingPageForm(null, null, "astana", null, "comfort", "apartment", "1", null, null, null, null,
				null, null, null, "2", null, List.of("wifi"), null, null, "14:00", "12:00", null, null, null, null,
				null, null, false, null);
	}

	static ListingPageForm of(RealtorListing l) {
		return new ListingPageForm(l.version(), l.title(), l.city(), l.district(), l.housingClass(), l.type(),
				String.valueOf(l.rooms()), l.street(), l.house(), l.block(), l.entrance(), text(l.floor()),
				text(l.floorsTotal()), l.areaM2().toPlainString(), String.valueOf(l.sleepingPlaces()), l.description(),
				l.amenities(), l.houseRules(), l.pricePerNight().toPlainString(), l.checkInTime().toString(),
				l.checkOutTime().toString(), l.realtorPhone(),
				l.latitude() == null ? null : l.latitude().toPlainString(),
				l.longitude() == null ? null : l.longitude().toPlainString(), null, null, null, false, l.ownerId());
	}

	/** The form for the service; values that do not parse go to {@code errors}. */
	ListingForm toForm(Map<String, String> errors) {
		AccessCodeSet codes = null;
		if (Boolean.TRUE.equals(this.clearCodes)) {
			codes = new AccessCodeSet(null, null, null);
		}
		else if (present(this.intercomCode) || present(this.flatCode) || present(this.safeCode)) {
			codes = new AccessCodeSet(blankToNull(this.intercomCode), blankToNull(this.flatCode),
					blankToNull(this.safeCode));
		}
		return new ListingForm(this.title, this.city, this.district, this.housingClass, this.type,
				integer("rooms", this.rooms, errors), this.street, this.house, blankToNull(this.block),
				blankToNull(this.entrance), integer("floor", this.floor, errors),
				integer("floorsTotal", this.floorsTotal, errors), decimal("areaM2", this.areaM2, errors),
				integer("sleepingPlaces", this.sleepingPlaces, errors), this.description, this.amenities,
				this.houseRules, decimal("pricePerNight", this.pricePerNight, errors),
				time("checkInTime", this.checkInTime, errors), time("checkOutTime", this.checkOutTime, errors),
				blankToNull(this.realtorPhone), decimal("latitude", this.latitude, errors),
				decimal("longitude", this.longitude, errors), codes, this.ownerId);
	}

	public List<String> amenityCodes() {
		return this.amenities == null ? List.of() : this.amenities;
	}

	private static @Nullable Integer integer(String field, @Nullable String value, Map<String, String> errors) {
		if (!present(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "realtor.field.number");
			return null;
		}
	}

	private static @Nullable BigDecimal decimal(String field, @Nullable String value, Map<String, String> errors) {
		if (!present(value)) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			errors.put(field, "realtor.field.number");
			return null;
		}
	}

	private static @Nullable LocalTime time(String field, @Nullable String value, Map<String, String> errors) {
		if (!present(value)) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "realtor.field.time");
			return null;
		}
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return present(value) ? value : null;
	}

	private static @Nullable String text(@Nullable Integer value) {
		return value == null ? null : String.valueOf(value);
	}

}
