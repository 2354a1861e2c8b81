package kz.zhilyego.catalog;

import java.util.Locale;
import java.util.Optional;

/** Search result orders; the request value is the lower-case name ({@code price_asc}). */
public enum SearchSort {

	PRICE_ASC("l.price_per_night asc, l.id asc"),

	PRICE_DESC("l.price_per_night desc, l.id desc"),

	RATING("l.rating desc, l.review_count desc, l.id asc"),

	NEWEST("l.created_at desc, l.id desc");

	final String orderBy;

	SearchSort(String orderBy) {
		this.orderBy = orderBy;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<SearchSort> parse(String value) {
		for (SearchSort sort : values()) {
			if (sort.value().equalsIgnoreCase(value)) {
				return Optional.of(sort);
			}
		}
		return Optional.empty();
	}

}
