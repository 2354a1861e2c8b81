package kz.zhilyego.catalog;

import java.util.List;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Popular listings by a Bayesian average (prior weight 10, at least 3 reviews): a single
 * 5★ review does not get a listing ranked, and many good reviews beat a few perfect ones.
 */
@IntegrationTest
class PopularListingsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PopularListings popular;

	long oneFiveStar;

	long threeFiveStars;

	long fortyGood;

	long tenMeh;

	@BeforeEach
	void listings() {
		TestDatabase.reset(this.jdbc);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.oneFiveStar = catalog.listing().title("Один отзыв").rating("5.00", 1).create();
		this.threeFiveStars = catalog.listing().title("Три отзыва").rating("5.00", 3).create();
		this.fortyGood = catalog.listing().title("Сорок отзывов").rating("4.90", 40).create();
		this.tenMeh = catalog.listing().title("Десять отзывов").rating("4.20", 10).create();
		catalog.listing().title("Без отзывов").create();
		catalog.listing().title("Снята").rating("5.00", 50).inactive().create();
	}

	@Test
	void manyGoodReviewsBeatAFewPerfectOnesAndOneReviewIsNotEnoughToBeRanked() {
		// platform mean m = (5 + 15 + 196 + 42) / 54 = 4.78; score = (10 m + n r) / (10 +
		// n):
		// forty 4.88, three 4.83, ten 4.49
		List<Long> ranked = this.popular.top(6, Language.RU).stream().map(ListingSummary::id).toList();
		assertThat(ranked).containsExactly(this.fortyGood, this.threeFiveStars, this.tenMeh);
	}

	@Test
	void theLimitIsKept() {
		assertThat(this.popular.top(2, Language.RU)).extracting(ListingSummary::id)
			.containsExactly(this.fortyGood, this.threeFiveStars);
	}

}
