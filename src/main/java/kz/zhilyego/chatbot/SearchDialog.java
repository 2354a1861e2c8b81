package kz.zhilyego.chatbot;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kz.zhilyego.catalog.CatalogDictionaries;
import kz.zhilyego.catalog.ListingCard.Named;
import kz.zhilyego.catalog.ListingSearch;
import kz.zhilyego.catalog.ListingSearchCriteria;
import kz.zhilyego.catalog.ListingSummary;
import kz.zhilyego.catalog.SearchSort;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.Zones;
import kz.zhilyego.favorite.Favorites;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /search}: one panel message, edited in place on every tap — city, district,
 * class, type, rooms, dates from an inline calendar, guests, price range — and "show",
 * which sends the result cards (photo, title, district, price per night, total for the
 * dates, rating) with paging. Actions {@code s:…}.
 */
@Component
class SearchDialog {

	static final int PAGE_SIZE = 3;

	private static final List<String> PRICES = List.of("0-15000", "15000-25000", "25000-40000", "40000-");

	private final CatalogDictionaries dictionaries;

	private final ListingSearch search;

	private final StayQuotes quotes;

	private final Favorites favorites;

	private final MediaLinks media;

	private final Clock clock;

	SearchDialog(CatalogDictionaries dictionaries, ListingSearch search, StayQuotes quotes, Favorites favorites,
			MediaLinks media, Clock clock) {
		this.dictionaries = dictionaries;
		this.search = search;
		this.quotes = quotes;
		this.favorites = favorites;
		this.media = media;
		this.clock = clock;
	}

	/** A new panel message. */
	void open(Chat chat) {
		chat.replies.add(new Reply.Send(panelText(chat), panelKeyboard(chat), null, "search"));
	}

	void tap(Chat chat, String action) {
		DialogState.Search s = chat.state.search;
		if (action.equals("open")) {
			open(chat);
			return;
		}
		if (action.equals("back")) {
			chat.show(panelText(chat), panelKeyboard(chat));
			return;
		}
		if (action.equals("go")) {
			s.page = 0;
			results(chat);
			return;
		}
		if (action.startsWith("pg:")) {
			s.page = Math.max(0, Integer.parseInt(action.substring(3)));
			results(chat);
			return;
		}
		if (action.startsWith("f:")) {
			field(chat, action.substring(2));
			return;
		}
		if (action.startsWith("cal:")) {
			s.month = action.substring(4);
			dates(chat);
			return;
		}
		if (action.startsWith("day:")) {
			LocalDate day = LocalDate.parse(action.substring(4));
			if (s.checkIn == null || s.checkOut != null || !day.isAfter(s.checkIn)) {
				s.checkIn = day;
				s.checkOut = null;
				dates(chat);
			}
			else {
				this.quotes.validStay(s.checkIn, day);
				s.checkOut = day;
				chat.show(panelText(chat), panelKeyboard(chat));
			}
			return;
		}
		if (action.startsWith("v:")) {
			String[] parts = action.substring(2).split(":", 2);
			set(chat, s, parts[0], parts.length > 1 ? parts[1] : "-");
			chat.show(panelText(chat), panelKeyboard(chat));
		}
	}

	private void set(Chat chat, DialogState.Search s, String field, String value) {
		String v = value.equals("-") ? null : value;
		switch (field) {
			case "c" -> {
				s.city = v == null ? "astana" : v;
				s.district = null;
			}
			case "d" -> s.district = v;
			case "k" -> s.housingClass = v;
			case "t" -> s.type = v;
			case "r" -> {
				s.rooms = v == null || v.endsWith("p") ? null : Integer.valueOf(v);
				s.minRooms = v != null && v.endsWith("p") ? Integer.valueOf(v.substring(0, v.length() - 1)) : null;
			}
			case "g" -> s.guests = v == null ? 1 : Math.max(1, Math.min(20, Integer.parseInt(v)));
			case "p" -> {
				if (v == null) {
					s.minPrice = null;
					s.maxPrice = null;
				}
				else {
					String[] bounds = v.split("-", -1);
					s.minPrice = bounds[0].isEmpty() || bounds[0].equals("0") ? null : new BigDecimal(bounds[0]);
					s.maxPrice = bounds.length < 2 || bounds[1].isEmpty() ? null : new BigDecimal(bounds[1]);
				}
			}
			case "dt" -> {
				s.checkIn = null;
				s.checkOut = null;
			}
			default -> chat.toast(chat.t("bot.expired"));
		}
	}

	private void field(Chat chat, String field) {
		CatalogDictionaries.Dictionaries dict = this.dictionaries.all(chat.language);
		List<Button> options = new ArrayList<>();
		String title;
		switch (field) {
			case "c" -> {
				title = chat.t("bot.search.city");
				dict.cities().forEach(c -> options.add(chat.button(c.name(), "s:v:c:" + c.code())));
			}
			case "d" -> {
				title = chat.t("bot.search.district");
				options.add(chat.button(chat.t("bot.search.any"), "s:v:d:-"));
				dict.districts()
					.stream()
					.filter(d -> d.city().equals(chat.state.search.city))
					.forEach(d -> options.add(chat.button(d.name(), "s:v:d:" + d.code())));
			}
			case "k" -> {
				title = chat.t("bot.search.class");
				options.add(chat.button(chat.t("bot.search.any"), "s:v:k:-"));
				dict.classes().forEach(c -> options.add(chat.button(c.name(), "s:v:k:" + c.code())));
			}
			case "t" -> {
				title = chat.t("bot.search.type");
				options.add(chat.button(chat.t("bot.search.any"), "s:v:t:-"));
				dict.types().forEach(c -> options.add(chat.button(c.name(), "s:v:t:" + c.code())));
			}
			case "r" -> {
				title = chat.t("bot.search.rooms");
				options.add(chat.button(chat.t("bot.search.any"), "s:v:r:-"));
				for (String rooms : List.of("1", "2", "3", "4p")) {
					options.add(chat.button(rooms.replace("p", "+"), "s:v:r:" + rooms));
				}
			}
			case "g" -> {
				title = chat.t("bot.search.guests");
				for (int g = 1; g <= 8; g++) {
					options.add(chat.button(String.valueOf(g), "s:v:g:" + g));
				}
			}
			case "p" -> {
				title = chat.t("bot.search.price");
				options.add(chat.button(chat.t("bot.search.any"), "s:v:p:-"));
				PRICES.forEach(range -> options.add(chat.button(priceLabel(chat, range), "s:v:p:" + range)));
			}
			case "dt" -> {
				dates(chat);
				return;
			}
			default -> {
				chat.toast(chat.t("bot.expired"));
				return;
			}
		}
		Keyboard.Builder keyboard = Keyboard.builder();
		for (int i = 0; i < options.size(); i += 3) {
			keyboard.row(options.subList(i, Math.min(options.size(), i + 3)));
		}
		keyboard.row(chat.button("« " + chat.t("bot.back"), "s:back"));
		chat.show(Text.builder().bold(title).build(), keyboard.build());
	}

	private void dates(Chat chat) {
		DialogState.Search s = chat.state.search;
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		YearMonth month = s.month != null ? YearMonth.parse(s.month)
				: YearMonth.from(s.checkIn != null ? s.checkIn : today);
		String prompt = s.checkIn == null || s.checkOut != null ? chat.t("bot.dates.checkIn")
				: chat.t("bot.dates.checkOut", Chat.date(s.checkIn));
		chat.show(Text.builder().bold(chat.t("bot.search.dates")).line().text(prompt).build(),
				CalendarKeyboard.of(chat, "s:", month, today, Set.of(), s.checkIn, s.checkOut,
						List.of(List.of(chat.button(chat.t("bot.search.clearDates"), "s:v:dt:-"),
								chat.button("« " + chat.t("bot.back"), "s:back")))));
	}

	Text panelText(Chat chat) {
		DialogState.Search s = chat.state.search;
		CatalogDictionaries.Dictionaries dict = this.dictionaries.all(chat.language);
		Text.Builder text = Text.builder().bold("🔎 " + chat.t("bot.search.title")).line();
		text.field(chat.t("bot.search.city"), name(dict.cities(), s.city, chat));
		text.field(chat.t("bot.search.district"),
				s.district == null ? chat.t("bot.search.any")
						: dict.districts()
							.stream()
							.filter(d -> d.code().equals(s.district))
							.map(CatalogDictionaries.District::name)
							.findFirst()
							.orElse(s.district));
		text.field(chat.t("bot.search.class"), name(dict.classes(), s.housingClass, chat));
		text.field(chat.t("bot.search.type"), name(dict.types(), s.type, chat));
		text.field(chat.t("bot.search.rooms"), s.rooms != null ? String.valueOf(s.rooms)
				: s.minRooms != null ? s.minRooms + "+" : chat.t("bot.search.any"));
		text.field(chat.t("bot.search.dates"),
				s.checkIn == null ? "—"
						: s.checkOut == null ? Chat.date(s.checkIn) + " → …"
								: Chat.shortDate(s.checkIn) + " – " + Chat.date(s.checkOut) + " ("
										+ chat.t("bot.nights", new Stay(s.checkIn, s.checkOut).nights()) + ")");
		text.field(chat.t("bot.search.guests"), String.valueOf(s.guests));
		text.field(chat.t("bot.search.price"),
				s.minPrice == null && s.maxPrice == null ? chat.t("bot.search.any")
						: priceLabel(chat, (s.minPrice == null ? "0" : s.minPrice.toPlainString()) + "-"
								+ (s.maxPrice == null ? "" : s.maxPrice.toPlainString())));
		return text.build();
	}

	Keyboard panelKeyboard(Chat chat) {
		return Keyboard.builder()
			.row(chat.button("🏙 " + chat.t("bot.search.city"), "s:f:c"),
					chat.button("📍 " + chat.t("bot.search.district"), "s:f:d"))
			.row(chat.button("⭐ " + chat.t("bot.search.class"), "s:f:k"),
					chat.button("🏠 " + chat.t("bot.search.type"), "s:f:t"),
					chat.button("🚪 " + chat.t("bot.search.rooms"), "s:f:r"))
			.row(chat.button("📅 " + chat.t("bot.search.dates"), "s:f:dt"),
					chat.button("👥 " + chat.t("bot.search.guests"), "s:f:g"),
					chat.button("💰 " + chat.t("bot.search.price"), "s:f:p"))
			.row(chat.button("🔎 " + chat.t("bot.search.show"), "s:go"))
			.build();
	}

	private void results(Chat chat) {
		DialogState.Search s = chat.state.search;
		Stay stay = s.checkIn != null && s.checkOut != null ? this.quotes.validStay(s.checkIn, s.checkOut) : null;
		ListingSearchCriteria criteria = new ListingSearchCriteria(s.city,
				s.district == null ? List.of() : List.of(s.district), s.housingClass, s.type, s.rooms, s.minRooms, stay,
				s.guests, s.minPrice, s.maxPrice, List.of(), null, SearchSort.PRICE_ASC, s.page, PAGE_SIZE);
		PageResult<ListingSummary> page = this.search.search(criteria, chat.language);
		if (page.items().isEmpty()) {
			chat.send(Text.plain(chat.t("bot.search.nothing")),
					Keyboard.builder().row(chat.button("⚙ " + chat.t("bot.search.filters"), "s:open")).build());
			return;
		}
		Set<Long> hearts = this.favorites.among(chat.user().id(),
				page.items().stream().map(ListingSummary::id).toList());
		for (ListingSummary item : page.items()) {
			chat.replies.add(new Reply.Send(card(chat, item),
					Keyboard.builder()
						.row(chat.button(chat.t("bot.listing.open"), "l:" + item.id()),
								chat.button(hearts.contains(item.id()) ? "♥" : "♡", "f:" + item.id()))
						.build(),
					item.previewPhotoUrl() == null ? null : this.media.absolute(item.previewPhotoUrl()), null));
		}
		long pages = (page.total() + PAGE_SIZE - 1) / PAGE_SIZE;
		List<Button> pager = new ArrayList<>();
		if (s.page > 0) {
			pager.add(chat.button("‹ " + chat.t("bot.search.previous"), "s:pg:" + (s.page - 1)));
		}
		if (s.page + 1 < pages) {
			pager.add(chat.button(chat.t("bot.search.next") + " ›", "s:pg:" + (s.page + 1)));
		}
		chat.send(
				Text.plain(
						chat.t("bot.search.found", page.total() + (page.totalExact() ? "" : "+"), s.page + 1, pages)),
				Keyboard.builder().row(pager).row(chat.button("⚙ " + chat.t("bot.search.filters"), "s:open")).build());
	}

	private Text card(Chat chat, ListingSummary item) {
		Text.Builder text = Text.builder()
			.bold(item.title())
			.line()
			.text(item.districtName() + " · " + item.typeName() + " · " + chat.t("bot.rooms", item.rooms()))
			.line()
			.text(chat.t("bot.perNight", chat.money(item.pricePerNight(), item.currency())))
			.line();
		if (item.totalPrice() != null && item.nights() != null) {
			text.bold(chat.t("bot.totalFor", chat.money(item.totalPrice(), item.currency()),
					chat.t("bot.nights", item.nights())))
				.line();
		}
		if (item.reviewCount() > 0) {
			text.text("★ " + item.rating().stripTrailingZeros().toPlainString() + " (" + item.reviewCount() + ")");
		}
		return text.build();
	}

	private static String name(List<Named> names, @Nullable String code, Chat chat) {
		if (code == null) {
			return chat.t("bot.search.any");
		}
		return names.stream().filter(n -> n.code().equals(code)).map(Named::name).findFirst().orElse(code);
	}

	private static String priceLabel(Chat chat, String range) {
		String[] bounds = range.split("-", -1);
		boolean noMin = bounds[0].isEmpty() || bounds[0].equals("0");
		boolean noMax = bounds.length < 2 || bounds[1].isEmpty();
		if (noMin) {
			return chat.t("bot.price.upTo", bounds[1]);
		}
		if (noMax) {
			return chat.t("bot.price.from", bounds[0]);
		}
		return bounds[0] + "–" + bounds[1];
	}

}
