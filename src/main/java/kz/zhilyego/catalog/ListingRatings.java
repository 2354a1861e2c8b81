package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a listing's average rating and review count (shown on cards, used by the search
 * sort, ADR 0004) as the review module computes them from its published reviews. Joins
 * the caller's transaction, so the numbers change together with the reviews.
 */
@Service
public class ListingRatings {

	private final JdbcClient jdbc;

	ListingRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the average (rounded half-up to 2 decimals; 0 when there are no reviews) and
	 * the count.
	 * @return false when there is no such listing
	 */
	@Transactional
	public boolean update(long listingId, BigDecimal rating, int count) {
		if (count < 0 || rating.signum() < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
			throw new IllegalArgumentException("rating " + rating + " / count " + count);
		}
		BigDecimal stored = count == 0 ? BigDecimal.ZERO.setScale(2) : rating.setScale(2, RoundingMode.HALF_UP);
		return this.jdbc.sql("update listings set rating = :rating, review_count = :count where id = :id")
			.param("rating", stored)
			.param("count", count)
			.param("id", listingId)
			.update() == 1;
	}

}
