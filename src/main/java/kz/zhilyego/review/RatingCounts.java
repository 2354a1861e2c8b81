package kz.zhilyego.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reviews written in a period (for the daily metrics): how many, and their average
 * rating, two decimals half-up (zero when none). Hidden reviews count too: the rating is
 * what guests gave, whatever moderation did to the text.
 */
@Service
public class RatingCounts {

	/** Reviews written in [from, to) and their average rating. */
	public record Ratings(long reviews, BigDecimal averageRating) {
	}

	private final JdbcClient jdbc;

	RatingCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Ratings written(Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(*) as n, coalesce(sum(rating), 0) as total from reviews
				where created_at >= :from and created_at < :to
				""")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, row) -> {
				long n = rs.getLong("n");
				BigDecimal average = n == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(rs.getLong("total"))
					.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
				return new Ratings(n, average);
			})
			.single();
	}

}
