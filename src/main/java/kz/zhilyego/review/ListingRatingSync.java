package kz.zhilyego.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

import kz.zhilyego.catalog.ListingRatings;
import kz.zhilyego.common.Instants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes a listing's rating from its published reviews and hands it to the catalog.
 * Callers first take {@link #lock} so that two reviews of one listing committing at once
 * cannot both store an average that misses the other.
 */
@Component
class ListingRatingSync {

	/** Advisory-lock class of "the reviews of one listing". */
	private static final int LOCK_CLASS = 0x52455649;

	private final JdbcClient jdbc;

	private final ListingRatings ratings;

	private final java.time.Clock clock;

	ListingRatingSync(JdbcClient jdbc, ListingRatings ratings, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.ratings = ratings;
		this.clock = clock;
	}

	/** Serialises review changes of one listing until the transaction ends. */
	void lock(long listingId) {
		this.jdbc.sql("select pg_advisory_xact_lock(:class, :key)")
			.param("class", LOCK_CLASS)
			.param("key", (int) (listingId ^ (listingId >>> 32)))
			.query((rs, n) -> 1)
			.single();
	}

	/**
	 * Average (2 decimals) and count of the listing's PUBLISHED reviews out of their
	 * blind period ({@link BlindPeriod}), stored now.
	 */
	void recompute(long listingId) {
		Stats stats = this.jdbc.sql("""
				select coalesce(avg(r.rating), 0) as average, count(*) as count
				from reviews r where r.listing_id = :listing and r.status = 'PUBLISHED' and %s
				""".formatted(BlindPeriod.VISIBLE))
			.param("listing", listingId)
			.param("now", Instants.utc(this.clock.instant()))
			.query((rs, n) -> new Stats(rs.getBigDecimal("average"), rs.getInt("count")))
			.single();
		this.ratings.update(listingId, stats.average().setScale(2, RoundingMode.HALF_UP), stats.count());
	}

	private record Stats(BigDecimal average, int count) {
	}

}
