package kz.zhilyego.review;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Orders of a listing's public review list. */
public enum ReviewSort {

	NEWEST("r.created_at desc, r.id desc"), RATING_DESC("r.rating desc, r.created_at desc, r.id desc"),
	RATING_ASC("r.rating asc, r.created_at desc, r.id desc");

	private final String orderBy;

	ReviewSort(String orderBy) {
		this.orderBy = orderBy;
	}

	String orderBy() {
		return this.orderBy;
	}

	/**
	 * {@code newest}, {@code rating_desc}, {@code rating_asc}; null or blank → NEWEST.
	 */
	public static ReviewSort of(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return NEWEST;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw kz.zhilyego.common.ProblemException.invalidField("sort", "review.sort.invalid");
		}
	}

}
