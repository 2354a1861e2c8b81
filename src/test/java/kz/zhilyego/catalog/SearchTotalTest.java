package kz.zhilyego.catalog;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When search counts (ADR 0006): only on a first page with more rows, or past the end.
 */
class SearchTotalTest {

	private final AtomicInteger counts = new AtomicInteger();

	@Test
	void aLastPageIsExactWithoutCounting() {
		assertThat(total(0, 7, false, 500)).isEqualTo(new ListingSearch.Total(7, true));
		assertThat(total(2, 3, false, 500)).isEqualTo(new ListingSearch.Total(43, true));
		assertThat(this.counts).hasValue(0);
	}

	@Test
	void aFirstPageWithMoreRowsCountsUpToTheCap() {
		assertThat(total(0, 20, true, 37)).isEqualTo(new ListingSearch.Total(37, true));
		assertThat(total(0, 20, true, 1001)).isEqualTo(new ListingSearch.Total(1000, false));
		assertThat(this.counts).hasValue(2);
	}

	@Test
	void aLaterPageWithMoreRowsIsALowerBoundWithoutCounting() {
		assertThat(total(3, 20, true, 5000)).isEqualTo(new ListingSearch.Total(81, false));
		assertThat(this.counts).hasValue(0);
	}

	@Test
	void aPagePastTheEndCounts() {
		assertThat(total(9, 0, false, 12)).isEqualTo(new ListingSearch.Total(12, true));
		assertThat(this.counts).hasValue(1);
	}

	private ListingSearch.Total total(int page, int rows, boolean more, long counted) {
		ListingSearchCriteria criteria = new ListingSearchCriteria("astana", List.of(), null, null, null, null, null,
				null, null, null, List.of(), null, SearchSort.PRICE_ASC, page, 20);
		return ListingSearch.total(criteria, rows, more, () -> {
			this.counts.incrementAndGet();
			return counted;
		}, 1000);
	}

}
