package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A validated availability search. Every filter is optional; {@code stay} keeps only
 * listings free for every night of it.
 */
public record ListingSearchCriteria(@Nullable String city, List<String> districts, @Nullable String housingClass,
		@Nullable String type, @Nullable Integer rooms, @Nullable Integer minRooms, @Nullable Stay stay,
		@Nullable Integer guests, @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice, List<String> amenities,
		@Nullable BigDecimal minRating, SearchSort sort, int page, int size) {

	public ListingSearchCriteria {
		districts = List.copyOf(districts);
		amenities = List.copyOf(amenities);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
