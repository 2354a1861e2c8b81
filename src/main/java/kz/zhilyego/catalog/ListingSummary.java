package kz.zhilyego.catalog;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One search result: what a result card shows. {@code totalPrice} and {@code nights} are
 * set when the search had dates.
 */
public record ListingSummary(long id, String title, String city, String district, String districtName, String type,
		String typeName, @JsonProperty("class") String housingClass, String className, int rooms,
		BigDecimal pricePerNight, @Nullable BigDecimal totalPrice, @Nullable Integer nights, String currency,
		BigDecimal rating, int reviewCount, @Nullable String previewPhotoUrl, String address, String path) {
}
