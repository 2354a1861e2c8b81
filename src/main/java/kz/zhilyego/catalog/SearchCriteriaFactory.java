package kz.zhilyego.catalog;

import java.time.LocalDate;

import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns search parameters into criteria, checking the rules that bean validation cannot:
 * dates come in pairs and in order, the stay is not too long, the page size is allowed,
 * price bounds are in order, the sort is known. Shared by the API and the search page.
 */
@Component
public class SearchCriteriaFactory {

	private final CatalogProperties properties;

	private final StayQuotes quotes;

	SearchCriteriaFactory(CatalogProperties properties, StayQuotes quotes) {
		this.properties = properties;
		this.quotes = quotes;
	}

	/**
	 * The criteria of these parameters.
	 * @throws kz.zhilyego.common.ProblemException 400 naming the field of a broken rule
	 */
	public ListingSearchCriteria from(ListingSearchParams p) {
		SearchSort sort = SearchSort.PRICE_ASC;
		if (p.sort() != null && !p.sort().isBlank()) {
			sort = SearchSort.parse(p.sort())
				.orElseThrow(() -> ProblemException.invalidField("sort", "search.sort.unknown"));
		}
		int size = p.size() == null ? this.properties.defaultPageSize() : p.size();
		if (size > this.properties.maxPageSize()) {
			throw ProblemException.invalidField("size", "search.size.tooLarge", this.properties.maxPageSize());
		}
		if (p.minPrice() != null && p.maxPrice() != null && p.minPrice().compareTo(p.maxPrice()) > 0) {
			throw ProblemException.invalidField("maxPrice", "search.price.range");
		}
		return new ListingSearchCriteria(p.city(), p.districts(), p.housingClass(), p.type(), p.rooms(), p.minRooms(),
				stay(p.checkIn(), p.checkOut()), p.guests(), p.minPrice(), p.maxPrice(), p.amenityCodes(),
				p.minRating(), sort, p.page() == null ? 0 : p.page(), size);
	}

	private @Nullable Stay stay(@Nullable LocalDate checkIn, @Nullable LocalDate checkOut) {
		if (checkIn == null && checkOut == null) {
			return null;
		}
		return this.quotes.validStay(checkIn, checkOut);
	}

}
