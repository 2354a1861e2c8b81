package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The public card of a listing. Never carries realtor contacts, the owner or access
 * codes: those follow the identity rules elsewhere.
 */
public record ListingCard(long id, String title, String path, Named city, Named district, Named type,
		@JsonProperty("class") Named housingClass, int rooms, String address, @Nullable Integer floor,
		@Nullable Integer floorsTotal, BigDecimal areaM2, int sleepingPlaces, String description, String houseRules,
		List<Named> amenities, BigDecimal pricePerNight, String currency, BigDecimal weekendUpliftPercent,
		@Nullable Integer longStayMinNights, BigDecimal longStayDiscountPercent, LocalTime checkInTime,
		LocalTime checkOutTime, @Nullable Coordinates coordinates, BigDecimal rating, int reviewCount,
		List<Photo> photos, String status, List<LocalDate> occupiedDates) {

	public ListingCard {
		amenities = List.copyOf(amenities);
		photos = List.copyOf(photos);
		occupiedDates = List.copyOf(occupiedDates);
	}

	/** A dictionary entry: stable code (slug) and its name in the request language. */
	public record Named(String code, String name) {
	}

	public record Coordinates(BigDecimal latitude, BigDecimal longitude) {
	}

	public record Photo(long id, String url, int position, boolean main) {
	}

}
