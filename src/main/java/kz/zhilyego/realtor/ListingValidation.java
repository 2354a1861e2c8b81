package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import kz.zhilyego.catalog.ListingReferences;
import kz.zhilyego.common.Phones;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessCodeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link ListingForm} against the rules of seed 001 (9.1) and the catalog's
 * reference data ({@link ListingReferences}), collecting every field error at once (a 400
 * problem with {@code errors}).
 */
@Component
class ListingValidation {

	static final int MAX_TEXT = 5000;

	static final int MAX_CODE = 64;

	private static final BigDecimal MAX_PRICE = new BigDecimal("100000000");

	private static final BigDecimal MAX_AREA = new BigDecimal("10000");

	private final ListingReferences references;

	private final Clock clock;

	ListingValidation(ListingReferences references, Clock clock) {
		this.references = references;
		this.clock = clock;
	}

	/** A form that passed: the values with the reference data resolved to ids. */
	record Valid(String title, int cityId, int districtId, String housingClass, String type, int rooms, String street,
			String house, @Nullable String block, @Nullable String entrance, @Nullable Integer floor,
			@Nullable Integer floorsTotal, BigDecimal areaM2, int sleepingPlaces, String description,
			List<String> amenities, String houseRules, BigDecimal pricePerNight, LocalTime checkInTime,
			LocalTime checkOutTime, @Nullable String realtorPhone, @Nullable BigDecimal latitude,
			@Nullable BigDecimal longitude) {
	}

	Valid check(ListingForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = text(form.title(), "title", 3, 200, true, errors);
		Integer cityId = null;
		if (blank(form.city())) {
			errors.put("city", "realtor.field.required");
		}
		else {
			cityId = this.references.activeCity(form.city()).orElse(null);
			if (cityId == null) {
				errors.put("city", "realtor.field.unknown");
			}
		}
		Integer districtId = null;
		if (blank(form.district())) {
			errors.put("district", "realtor.field.required");
		}
		else if (cityId != null) {
			LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
			districtId = this.references.district(cityId, form.district(), today).orElse(null);
			if (districtId == null) {
				errors.put("district", "realtor.field.unknown");
			}
		}
		code("housingClass", form.housingClass(), this.references::housingClassExists, errors);
		code("type", form.type(), this.references::housingTypeExists, errors);
		range("rooms", form.rooms(), 0, 50, true, errors);
		String street = text(form.street(), "street", 1, 200, true, errors);
		String house = text(form.house(), "house", 1, 20, true, errors);
		String block = text(form.block(), "block", 0, 20, false, errors);
		String entrance = text(form.entrance(), "entrance", 0, 20, false, errors);
		range("floor", form.floor(), -5, 200, false, errors);
		range("floorsTotal", form.floorsTotal(), 1, 200, false, errors);
		if (form.floor() != null && form.floorsTotal() != null && form.floor() > form.floorsTotal()
				&& !errors.containsKey("floor")) {
			errors.put("floor", "realtor.floor.aboveTotal");
		}
		decimal("areaM2", form.areaM2(), MAX_AREA, errors);
		range("sleepingPlaces", form.sleepingPlaces(), 1, 100, true, errors);
		String description = text(form.description(), "description", 0, MAX_TEXT, false, errors);
		String rules = text(form.houseRules(), "houseRules", 0, MAX_TEXT, false, errors);
		List<String> amenities = form.amenityCodes().stream().distinct().toList();
		if (amenities.size() > 50) {
			errors.put("amenities", "realtor.field.unknown");
		}
		else if (!amenities.isEmpty()) {
			long known = this.references.knownAmenities(amenities);
			if (known != amenities.size()) {
				errors.put("amenities", "realtor.field.unknown");
			}
		}
		decimal("pricePerNight", form.pricePerNight(), MAX_PRICE, errors);
		if (form.checkInTime() == null) {
			errors.put("checkInTime", "realtor.field.required");
		}
		if (form.checkOutTime() == null) {
			errors.put("checkOutTime", "realtor.field.required");
		}
		String phone = null;
		if (!blank(form.realtorPhone())) {
			phone = Phones.normalize(form.realtorPhone()).orElse(null);
			if (phone == null) {
				errors.put("realtorPhone", "realtor.phone.invalid");
			}
		}
		if ((form.latitude() == null) != (form.longitude() == null)) {
			errors.put(form.latitude() == null ? "latitude" : "longitude", "realtor.coordinates.pair");
		}
		if (form.latitude() != null && form.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
			errors.put("latitude", "realtor.coordinates.range");
		}
		if (form.longitude() != null && form.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
			errors.put("longitude", "realtor.coordinates.range");
		}
		AccessCodeSet codes = form.accessCodes();
		if (codes != null) {
			codeLength("accessCodes.intercom", codes.intercom(), errors);
			codeLength("accessCodes.flat", codes.flat(), errors);
			codeLength("accessCodes.safe", codes.safe(), errors);
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors);
		}
		return new Valid(title, cityId, districtId, form.housingClass(), form.type(), form.rooms(), street, house,
				block, entrance, form.floor(), form.floorsTotal(), form.areaM2(), form.sleepingPlaces(),
				description == null ? "" : description, amenities, rules == null ? "" : rules, form.pricePerNight(),
				form.checkInTime(), form.checkOutTime(), phone, form.latitude(), form.longitude());
	}

	private static void code(String field, @Nullable String value, Predicate<String> exists,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "realtor.field.required");
		}
		else if (!exists.test(value)) {
			errors.put(field, "realtor.field.unknown");
		}
	}

	private static @Nullable String text(@Nullable String value, String field, int min, int max, boolean required,
			Map<String, String> errors) {
		String trimmed = value == null ? null : value.strip();
		if (trimmed == null || trimmed.isEmpty()) {
			if (required) {
				errors.put(field, "realtor.field.required");
			}
			return null;
		}
		if (trimmed.length() < min) {
			errors.put(field, "realtor.field.tooShort");
		}
		else if (trimmed.length() > max) {
			errors.put(field, "realtor.field.tooLong");
		}
		return trimmed;
	}

	private static void range(String field, @Nullable Integer value, int min, int max, boolean required,
			Map<String, String> errors) {
		if (value == null) {
			if (required) {
				errors.put(field, "realtor.field.required");
			}
		}
		else if (value < min || value > max) {
			errors.put(field, "realtor.field.outOfRange");
		}
	}

	private static void decimal(String field, @Nullable BigDecimal value, BigDecimal max, Map<String, String> errors) {
		if (value == null) {
			errors.put(field, "realtor.field.required");
		}
		else if (value.signum() <= 0 || value.compareTo(max) > 0 || value.scale() > 2) {
			errors.put(field, "realtor.field.outOfRange");
		}
	}

	private static void codeLength(String field, @Nullable String value, Map<String, String> errors) {
		if (value != null && value.length() > MAX_CODE) {
			errors.put(field, "realtor.field.tooLong");
		}
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
