package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query string of a search, as the public API and the search page accept it. Shape
 * checks here (bean validation); rules that need settings or several fields in the
 * controller.
 */
public record ListingSearchParams(@Nullable @Pattern(regexp = "[a-z0-9-]{1,40}") String city,
		@Nullable @Size(max = 20) List<@Pattern(regexp = "[a-z0-9-]{1,40}") String> district,
		@BindParam("class") @Nullable @Pattern(regexp = "[a-z_]{1,40}") String housingClass,
		@Nullable @Pattern(regexp = "[a-z_]{1,40}") String type, @Nullable @Min(0) @Max(50) Integer rooms,
		@Nullable @Min(0) @Max(50) Integer minRooms, @Nullable LocalDate checkIn, @Nullable LocalDate checkOut,
		@Nullable @Min(1) @Max(100) Integer guests,
		@Nullable @DecimalMin("0") @DecimalMax("100000000") BigDecimal minPrice,
		@Nullable @DecimalMin("0") @DecimalMax("100000000") BigDecimal maxPrice,
		@Nullable @Size(max = 30) List<@Pattern(regexp = "[a-z_]{1,40}") String> amenities,
		@Nullable @DecimalMin("0") @DecimalMax("5") BigDecimal minRating, @Nullable String sort,
		@Nullable @Min(0) @Max(100000) Integer page, @Nullable @Min(1) Integer size) {

	public List<String> districts() {
		return this.district == null ? List.of() : this.district;
	}

	public List<String> amenityCodes() {
		return this.amenities == null ? List.of() : this.amenities;
	}

}
