package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.util.List;

import kz.zhilyego.common.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page's popular listings, ranked by a Bayesian average so that one 5★ review
 * does not beat forty 4.8★ ones. A listing's score is
 *
 * <pre>
 *   score = (C · m + n · r) / (C + n)
 * </pre>
 *
 * with {@code r} its average rating, {@code n} its published reviews, {@code m} the
 * average rating of all active listings with reviews (each review counts once) and
 * {@code C} the prior weight ({@code zhilyego.catalog.popular.prior-weight}): a listing
 * starts at the platform's average and moves towards its own as reviews come in. Listings
 * with fewer than {@code zhilyego.catalog.popular.min-reviews} published reviews are not
 * ranked at all. Ties: more reviews first, then the lower id.
 */
@Service
public class PopularListings {

	private final ListingSearch search;

	private final CatalogProperties.Popular settings;

	PopularListings(ListingSearch search, CatalogProperties properties) {
		this.search = search;
		this.settings = properties.popular();
	}

	@Transactional(readOnly = true)
	public List<ListingSummary> top(int limit, Language language) {
		return this.search.popular(limit, this.settings.minReviews(), BigDecimal.valueOf(this.settings.priorWeight()),
				language);
	}

}
