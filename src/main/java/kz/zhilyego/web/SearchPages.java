package kz.zhilyego.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.Valid;
import kz.zhilyego.catalog.CatalogDictionaries;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.catalog.PopularListings;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.catalog.ListingSearch;
import kz.zhilyego.catalog.ListingSearchParams;
import kz.zhilyego.catalog.ListingSummary;
import kz.zhilyego.catalog.SearchCriteriaFactory;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.favorite.Favorites;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page (search form and popular listings by {@link PopularListings}) and the
 * search results page (cards with the price breakdown for the dates, and a map).
 */
@Controller
class SearchPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ListingSearch search;

	private final SearchCriteriaFactory criteria;

	private final CatalogDictionaries dictionaries;

	private final Favorites favorites;

	private final SiteUrls urls;

	private final Texts texts;

	private final WebProperties properties;

	private final PopularListings popular;

	private final StayQuotes quotes;

	private final ListingCatalog catalog;

	private final MapProperties map;

	private final Formats formats;

	private final ConversionService conversions;

	private final Validator validator;

	SearchPages(ListingSearch search, SearchCriteriaFactory criteria, CatalogDictionaries dictionaries,
			Favorites favorites, SiteUrls urls, Texts texts, WebProperties properties, PopularListings popular,
			StayQuotes quotes, ListingCatalog catalog, MapProperties map, Formats formats,
			@Qualifier("mvcConversionService") ConversionService conversions,
			@Qualifier("mvcValidator") Validator validator) {
		this.conversions = conversions;
		this.validator = validator;
		this.popular = popular;
		this.quotes = quotes;
		this.catalog = catalog;
		this.map = map;
		this.formats = formats;
		this.search = search;
		this.criteria = criteria;
		this.dictionaries = dictionaries;
		this.favorites = favorites;
		this.urls = urls;
		this.texts = texts;
		this.properties = properties;
	}

	/** Empty form fields (an unselected "any" option) mean "no filter", not "". */
	@InitBinder("params")
	void emptyIsNull(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		Language language = Language.of(locale);
		List<ListingSummary> items = this.popular.top(this.properties.popularListings(), language);
		model.addAttribute("popular", items);
		model.addAttribute("favoriteIds", favoriteIds(items));
		model.addAttribute("dictionaries", this.dictionaries.all(language));
		model.addAttribute("params", SearchQuery.EMPTY);
		model.addAttribute("errors", Map.of());
		model.addAttribute("canonical", this.urls.absolute("/"));
		return "site/home";
	}

	@GetMapping("/search")
	String search(@Valid @ModelAttribute("params") @Nullable ListingSearchParams params, BindingResult binding,
			Model model, Locale locale, HttpServletRequest request) {
		Language language = Language.of(locale);
		ListingSearchParams p = params != null ? params : rebound(request, binding);
		model.addAttribute("params", p);
		model.addAttribute("dictionaries", this.dictionaries.all(language));
		model.addAttribute("canonical", this.urls.absolute("/search"));
		SearchQuery query = new SearchQuery(p);
		model.addAttribute("query", query);
		if (binding.hasErrors()) {
			model.addAttribute("errors", withFormMessage(this.texts.fieldErrors(binding)));
			return "site/search";
		}
		PageResult<ListingSummary> result;
		try {
			result = this.search.search(this.criteria.from(p), language);
		}
		catch (ProblemException ex) {
			model.addAttribute("errors", withFormMessage(this.texts.fieldErrors(ex, "search")));
			return "site/search";
		}
		model.addAttribute("errors", Map.of());
		model.addAttribute("result", result);
		model.addAttribute("favoriteIds", favoriteIds(result.items()));
		model.addAttribute("pager", query.pager(result.total(), result.page(), result.size()));
		model.addAttribute("prevUrl", result.page() > 0 ? query.page(result.page() - 1) : null);
		model.addAttribute("nextUrl",
				(long) (result.page() + 1) * result.size() < result.total() ? query.page(result.page() + 1) : null);
		model.addAttribute("stayQuery", SearchQuery.stay(p.checkIn(), p.checkOut(), p.guests()));
		List<Long> ids = result.items().stream().map(ListingSummary::id).toList();
		if (p.checkIn() != null && p.checkOut() != null && !ids.isEmpty()) {
			Map<Long, PriceBreakdown> breakdowns = new HashMap<>();
			this.quotes.quotes(ids, new Stay(p.checkIn(), p.checkOut()))
				.forEach((id, quote) -> breakdowns.put(id, PriceBreakdown.of(quote)));
			model.addAttribute("breakdowns", breakdowns);
		}
		MapProperties.Tiles tiles = this.map.tiles();
		if (tiles != null && !ids.isEmpty()) {
			model.addAttribute("tiles", tiles);
			model.addAttribute("mapMarkers", markers(result.items(), this.catalog.coordinates(ids),
					SearchQuery.stay(p.checkIn(), p.checkOut(), p.guests())));
		}
		return "site/search";
	}

	/**
	 * Spring makes no record when a value does not convert ({@code guests=2.5},
	 * {@code checkIn=tomorrow}), and the form came back empty. The query is bound again
	 * without the values that failed, so every other field keeps what was chosen (the
	 * failed ones show what was typed, fragments.html); the errors of that binding join
	 * the first one's.
	 */
	private ListingSearchParams rebound(HttpServletRequest request, BindingResult failed) {
		Set<String> leftOut = new HashSet<>();
		for (FieldError error : failed.getFieldErrors()) {
			String field = error.getField().replaceFirst("\\[.*", "");
			leftOut.add(field.equals("housingClass") ? "class" : field);
		}
		ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "params");
		binder.setTargetType(ResolvableType.forClass(ListingSearchParams.class));
		binder.setConversionService(this.conversions);
		binder.setValidator(this.validator);
		emptyIsNull(binder);
		binder.construct(new WithoutParameters(request, leftOut));
		if (!(binder.getTarget() instanceof ListingSearchParams params)) {
			return SearchQuery.EMPTY;
		}
		binder.validate();
		failed.addAllErrors(binder.getBindingResult());
		return params;
	}

	/** The request without some of its query parameters. */
	private static final class WithoutParameters extends HttpServletRequestWrapper {

		private final Set<String> leftOut;

		WithoutParameters(HttpServletRequest request, Set<String> leftOut) {
			super(request);
			this.leftOut = leftOut;
		}

		@Override
		public @Nullable String getParameter(String name) {
			return this.leftOut.contains(name) ? null : super.getParameter(name);
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return this.leftOut.contains(name) ? null : super.getParameterValues(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> kept = new LinkedHashMap<>(super.getParameterMap());
			kept.keySet().removeAll(this.leftOut);
			return kept;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

	}

	/** The results that have coordinates, as the map script reads them. */
	private String markers(List<ListingSummary> items, Map<Long, ListingCard.Coordinates> coordinates,
			String stayQuery) {
		List<Map<String, Object>> markers = new ArrayList<>();
		for (ListingSummary item : items) {
			ListingCard.Coordinates at = coordinates.get(item.id());
			if (at != null) {
				Map<String, Object> marker = new LinkedHashMap<>();
				marker.put("lat", at.latitude());
				marker.put("lng", at.longitude());
				marker.put("title", item.title());
				marker.put("url", item.path() + stayQuery);
				marker.put("price", this.formats
					.money(item.totalPrice() != null ? item.totalPrice() : item.pricePerNight(), item.currency()));
				markers.add(marker);
			}
		}
		return JSON.writeValueAsString(markers);
	}

	private Set<Long> favoriteIds(List<ListingSummary> items) {
		CurrentUser user = LayoutModel.currentUser();
		if (user == null) {
			return Set.of();
		}
		return this.favorites.among(user.id(), items.stream().map(ListingSummary::id).toList());
	}

	/**
	 * The fields the search form shows an error next to; the others go under the form.
	 */
	private static final Set<String> FIELDS_WITH_A_MESSAGE = Set.of("checkIn", "checkOut", "guests", "minPrice",
			"maxPrice", "search");

	/**
	 * Field errors as the form shows them: a field without a place of its own (a select
	 * or a list that only a hand-edited link can get wrong, such as {@code rooms=abc})
	 * adds its message to the one under the form, so no bad input goes unexplained.
	 */
	static Map<String, String> withFormMessage(Map<String, String> errors) {
		List<String> elsewhere = errors.entrySet()
			.stream()
			.filter(e -> !FIELDS_WITH_A_MESSAGE.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.distinct()
			.toList();
		if (elsewhere.isEmpty()) {
			return errors;
		}
		Map<String, String> shown = new LinkedHashMap<>(errors);
		String search = shown.get("search");
		shown.put("search", (search == null ? "" : search + " ") + String.join(" ", elsewhere));
		return shown;
	}

}
