package kz.zhilyego.catalog.web;

import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.catalog.ListingSearch;
import kz.zhilyego.catalog.ListingSearchParams;
import kz.zhilyego.catalog.ListingSummary;
import kz.zhilyego.catalog.Quote;
import kz.zhilyego.catalog.SearchCriteriaFactory;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public catalog API: availability search, listing card, stay quote. */
@RestController
@RequestMapping("/api/v1/listings")
@Tag(name = "Listings", description = "Public search, listing cards and price quotes")
class ListingApiController {

	private final ListingSearch search;

	private final ListingCatalog catalog;

	private final StayQuotes quotes;

	private final SearchCriteriaFactory criteria;

	ListingApiController(ListingSearch search, ListingCatalog catalog, StayQuotes quotes,
			SearchCriteriaFactory criteria) {
		this.search = search;
		this.catalog = catalog;
		this.quotes = quotes;
		this.criteria = criteria;
	}

	@GetMapping
	@Operation(summary = "Search active listings",
			description = "Filters are optional. With checkIn/checkOut only listings free for every night are"
					+ " returned and totalPrice is the stay's price. sort: price_asc | price_desc | rating | newest.")
	PageResult<ListingSummary> search(@Valid ListingSearchParams params, Locale locale) {
		return this.search.search(this.criteria.from(params), Language.of(locale));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Public card of an active listing with occupied dates for the next 12 months")
	ListingCard card(@PathVariable @Min(1) long id, Locale locale) {
		return this.catalog.card(id, Language.of(locale));
	}

	@GetMapping("/{id}/quote")
	@Operation(summary = "Price of a stay: every night, subtotal, discounts, total")
	QuoteResponse quote(@PathVariable @Min(1) long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut,
			@RequestParam(required = false) @Nullable @Min(1) @Max(100) Integer guests) {
		Quote quote = this.quotes.quote(id, checkIn, checkOut, guests);
		return QuoteResponse.of(quote);
	}

}
