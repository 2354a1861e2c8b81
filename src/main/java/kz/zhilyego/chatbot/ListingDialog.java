package kz.zhilyego.chatbot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingProperties;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.catalog.Quote;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.favorite.Favorite;
import kz.zhilyego.favorite.Favorites;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.RenewPayment;
import org.springframework.stereotype.Component;

/**
 * A listing (album of up to six photos plus details with Book, ♥ and Availability),
 * favorites, and the booking dialog: dates → night-by-night quote with the cancellation
 * policy → house rules → a 15-minute hold from {@link PlaceHold} (one per "Book" started:
 * its idempotency key lives in the dialog, so a double tap holds once) → the payment link
 * from {@link StartPayment}. Actions {@code l:}, {@code f:}, {@code av:}, {@code fav},
 * {@code b:}.
 */
@Component
class ListingDialog {

	static final int MAX_PHOTOS = 6;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ListingCatalog catalog;

	private final Favorites favorites;

	private final StayQuotes quotes;

	private final PlaceHold placeHold;

	private final RenewPayment payments;

	private final BookingProperties bookingProperties;

	private final MediaLinks media;

	private final Clock clock;

	ListingDialog(ListingCatalog catalog, Favorites favorites, StayQuotes quotes, PlaceHold placeHold,
			RenewPayment payments, BookingProperties bookingProperties, MediaLinks media, Clock clock) {
		this.catalog = catalog;
		this.favorites = favorites;
		this.quotes = quotes;
		this.placeHold = placeHold;
		this.payments = payments;
		this.bookingProperties = bookingProperties;
		this.media = media;
		this.clock = clock;
	}

	void tap(Chat chat, String action) {
		if (action.equals("fav")) {
			favorites(chat);
			return;
		}
		String[] parts = action.split(":");
		long id = Long.parseLong(parts[1]);
		switch (parts[0]) {
			case "l" -> open(chat, id);
			case "f" -> {
				long user = chat.user().id();
				if (this.favorites.isFavorite(user, id)) {
					this.favorites.remove(user, id);
					chat.toast(chat.t("bot.favorite.removed"));
				}
				else {
					this.favorites.add(user, id);
					chat.toast(chat.t("bot.favorite.added"));
				}
			}
			case "av" -> availability(chat, id, parts.length > 2 ? YearMonth.parse(parts[2]) : null);
			default -> chat.toast(chat.t("bot.expired"));
		}
	}

	/** The album and the details message. */
	void open(Chat chat, long id) {
		ListingCard card = this.catalog.card(id, chat.language);
		List<String> photos = card.photos()
			.stream()
			.limit(MAX_PHOTOS)
			.map(photo -> this.media.absolute(photo.url()))
			.toList();
		if (!photos.isEmpty()) {
			chat.replies.add(new Reply.Album(photos));
		}
		boolean favorite = this.favorites.isFavorite(chat.user().id(), id);
		Text.Builder text = Text.builder().bold(card.title()).line();
		text.text(card.district().name() + " · " + card.type().name() + " · " + card.housingClass().name()).line();
		text.text(chat.t("bot.rooms", card.rooms()) + " · " + chat.t("bot.sleeps", card.sleepingPlaces()) + " · "
				+ card.areaM2().stripTrailingZeros().toPlainString() + " m²")
			.line();
		text.bold(chat.t("bot.perNight", chat.money(card.pricePerNight(), card.currency()))).line();
		if (card.reviewCount() > 0) {
			text.text("★ " + card.rating().stripTrailingZeros().toPlainString() + " · "
					+ chat.t("bot.reviews", card.reviewCount()))
				.line();
		}
		text.text("📍 " + card.address()).line();
		text.text(chat.t("bot.times", card.checkInTime().format(TIME), card.checkOutTime().format(TIME))).line();
		if (!card.amenities().isEmpty()) {
			text.text(String.join(", ", card.amenities().stream().limit(8).map(ListingCard.Named::name).toList()))
				.line();
		}
		String description = card.description().strip();
		if (!description.isEmpty()) {
			text.line().text(description.length() > 600 ? description.substring(0, 600) + "…" : description);
		}
		chat.send(text.build(),
				Keyboard.builder()
					.row(chat.button("📅 " + chat.t("bot.listing.book"), "b:" + id),
							chat.button(favorite ? "♥" : "♡", "f:" + id))
					.row(chat.button("🗓 " + chat.t("bot.listing.availability"), "av:" + id))
					.row(Button.link(chat.t("bot.listing.onSite"), this.media.absolute(card.path())))
					.build());
	}

	void favorites(Chat chat) {
		List<Favorite> saved = this.favorites.list(chat.user().id());
		if (saved.isEmpty()) {
			chat.send(Text.plain(chat.t("bot.favorites.empty")),
					Keyboard.builder().row(chat.button(chat.t("bot.menu.search"), "s:open")).build());
			return;
		}
		Keyboard.Builder keyboard = Keyboard.builder();
		saved.stream()
			.limit(10)
			.map(f -> this.catalog.find(f.listingId(), chat.language, true).orElse(null))
			.filter(Objects::nonNull)
			.forEach(card -> keyboard
				.row(chat.button("♥ " + card.title() + " · " + chat.money(card.pricePerNight(), card.currency()),
						"l:" + card.id())));
		chat.send(Text.builder().bold(chat.t("bot.favorites.title", saved.size())).build(), keyboard.build());
	}

	private void availability(Chat chat, long id, YearMonth month) {
		ListingCard card = this.catalog.card(id, chat.language);
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		YearMonth shown = month == null ? YearMonth.from(today) : month;
		Keyboard calendar = CalendarKeyboard.of(chat, "av:" + id + ":", shown, today, card.occupiedDates(), null, null,
				List.of(List.of(chat.button("📅 " + chat.t("bot.listing.book"), "b:" + id))));
		// the month arrows of this calendar carry "av:<id>:cal:<month>"; days do nothing
		Keyboard adjusted = new Keyboard(calendar.rows()
			.stream()
			.map(row -> row.stream().map(button -> availabilityButton(chat, button, id)).toList())
			.toList(), false);
		Text text = Text.builder().bold(card.title()).line().text(chat.t("bot.listing.availabilityHint")).build();
		if (month == null) {
			chat.send(text, adjusted);
		}
		else {
			chat.show(text, adjusted);
		}
	}

	private static Button availabilityButton(Chat chat, Button button, long id) {
		String action = button.action() == null ? null : CallbackData.resolve(button.action(), chat.state);
		if (action == null) {
			return button;
		}
		String prefix = "av:" + id + ":";
		if (action.startsWith(prefix + "cal:")) {
			return chat.button(button.label(), prefix + action.substring((prefix + "cal:").length()));
		}
		if (action.startsWith(prefix + "day:")) {
			return Button.action(button.label(), CalendarKeyboard.NOOP);
		}
		return button;
	}

	void bookingTap(Chat chat, String action) {
		DialogState.Booking b = chat.state.booking;
		if (action.matches("\\d{1,18}")) {
			chat.state.startBooking(Long.parseLong(action));
			if (chat.state.booking.checkIn != null && chat.state.booking.checkOut != null) {
				quote(chat, false);
			}
			else {
				dates(chat, false);
			}
			return;
		}
		if (b.listingId == null) {
			chat.toast(chat.t("bot.expired"));
			return;
		}
		if (action.equals("dates")) {
			b.checkIn = null;
			b.checkOut = null;
			dates(chat, true);
		}
		else if (action.startsWith("cal:")) {
			b.month = action.substring(4);
			dates(chat, true);
		}
		else if (action.startsWith("day:")) {
			LocalDate day = LocalDate.parse(action.substring(4));
			if (b.checkIn == null || b.checkOut != null || !day.isAfter(b.checkIn)) {
				b.checkIn = day;
				b.checkOut = null;
				dates(chat, true);
			}
			else {
				this.quotes.validStay(b.checkIn, day);
				b.checkOut = day;
				quote(chat, true);
			}
		}
		else if (action.startsWith("g:")) {
			b.guests = Math.max(1, Math.min(20, Integer.parseInt(action.substring(2))));
			quote(chat, true);
		}
		else if (action.equals("q")) {
			quote(chat, true);
		}
		else if (action.equals("ok")) {
			rules(chat);
		}
		else if (action.equals("hold")) {
			hold(chat);
		}
		else {
			chat.toast(chat.t("bot.expired"));
		}
	}

	private void dates(Chat chat, boolean edit) {
		DialogState.Booking b = chat.state.booking;
		ListingCard card = this.catalog.card(Objects.requireNonNull(b.listingId), chat.language);
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		YearMonth month = b.month != null ? YearMonth.parse(b.month)
				: YearMonth.from(b.checkIn != null ? b.checkIn : today);
		String prompt = b.checkIn == null ? chat.t("bot.dates.checkIn")
				: chat.t("bot.dates.checkOut", Chat.date(b.checkIn));
		Text text = Text.builder().bold(card.title()).line().text(prompt).build();
		Keyboard keyboard = CalendarKeyboard.of(chat, "b:", month, today, card.occupiedDates(), b.checkIn, b.checkOut,
				List.of());
		if (edit) {
			chat.show(text, keyboard);
		}
		else {
			chat.send(text, keyboard);
		}
	}

	private void quote(Chat chat, boolean edit) {
		DialogState.Booking b = chat.state.booking;
		Quote quote = this.quotes.quote(Objects.requireNonNull(b.listingId), b.checkIn, b.checkOut, b.guests);
		ListingCard card = this.catalog.card(b.listingId, chat.language);
		Text.Builder text = Text.builder().bold(card.title()).line();
		text.text(Chat.date(quote.stay().checkIn()) + " – " + Chat.date(quote.stay().checkOut()) + " · "
				+ chat.t("bot.nights", quote.nights()) + " · " + chat.t("bot.guestsCount", b.guests))
			.line()
			.line();
		for (Quote.NightPrice night : quote.nightly()) {
			text.text(Chat.shortDate(night.date()) + " — " + chat.money(night.price().amount(), quote.currency())
					+ (night.basis() == Quote.Basis.BASE ? ""
							: " (" + chat.t("bot.basis." + night.basis().name().toLowerCase()) + ")"))
				.line();
		}
		if (quote.discounts().amount().signum() != 0) {
			text.text(chat.t("bot.quote.discounts", chat.money(quote.discounts().amount(), quote.currency()))).line();
		}
		text.bold(chat.t("bot.quote.total", chat.money(quote.total().amount(), quote.currency()))).line().line();
		text.italic(chat.t("bot.quote.policy", this.bookingProperties.fullRefundBefore().toHours(),
				this.bookingProperties.partialRefundPercent().stripTrailingZeros().toPlainString(),
				this.bookingProperties.partialRefundBefore().toHours()));
		Keyboard keyboard = Keyboard.builder()
			.row(chat.button("✅ " + chat.t("bot.quote.continue"), "b:ok"))
			.row(chat.button("➖ 👥", "b:g:" + Math.max(1, b.guests - 1)),
					chat.button(chat.t("bot.guestsCount", b.guests), CalendarKeyboard.NOOP),
					chat.button("➕ 👥", "b:g:" + Math.min(card.sleepingPlaces(), b.guests + 1)))
			.row(chat.button("📅 " + chat.t("bot.quote.changeDates"), "b:dates"))
			.build();
		if (edit) {
			chat.show(text.build(), keyboard);
		}
		else {
			chat.send(text.build(), keyboard);
		}
	}

	private void rules(Chat chat) {
		DialogState.Booking b = chat.state.booking;
		ListingCard card = this.catalog.card(Objects.requireNonNull(b.listingId), chat.language);
		Text.Builder text = Text.builder().bold(chat.t("bot.rules.title")).line();
		String rules = card.houseRules().strip();
		text.text(rules.isEmpty() ? chat.t("bot.rules.none") : rules).line().line();
		text.text(chat.t("bot.times", card.checkInTime().format(TIME), card.checkOutTime().format(TIME))).line();
		text.italic(chat.t("bot.rules.hold", this.bookingProperties.holdDuration().toMinutes()));
		chat.show(text.build(),
				Keyboard.builder()
					.row(chat.button("✅ " + chat.t("bot.rules.accept"), "b:hold"))
					.row(chat.button("« " + chat.t("bot.back"), "b:q"))
					.build());
	}

	private void hold(Chat chat) {
		DialogState.Booking b = chat.state.booking;
		UserProfile user = chat.user();
		if (b.session == null) {
			b.session = UUID.randomUUID().toString();
		}
		BookingDetails booking = this.placeHold.place(new PlaceHold.Request(Objects.requireNonNull(b.listingId),
				b.checkIn, b.checkOut, b.guests, user.name(), user.phone(), user.email(), true, null), user.id(),
				"telegram:" + b.session);
		b.bookingId = booking.id();
		if (chat.tapped != null) {
			chat.state.refs.put(holdSlot(booking.id()), chat.tapped);
		}
		Reply hold = holdMessage(chat, booking);
		chat.replies.add(hold);
	}

	/**
	 * The hold message: the deadline and the payment button (the link to the payment
	 * page); with a link that lapses (Kaspi), a "new payment link" button too.
	 */
	private Reply holdMessage(Chat chat, BookingDetails booking) {
		String payUrl = null;
		boolean lapses = false;
		try {
			Payment payment = this.payments.payOrRenew(booking.id(), chat.user().id(), payKey(booking.id())).payment();
			payUrl = payment.redirectUrl() == null ? null : this.media.absolute(payment.redirectUrl());
			lapses = payment.qrExpiresAt() != null;
		}
		catch (ProblemException ex) {
			chat.toast(chat.t(ex.messageKey(), ex.args()));
		}
		Instant until = booking.holdExpiresAt();
		Text text = Text.builder()
			.bold("⏳ " + chat.t("bot.hold.title", Chat.number(booking.id())))
			.line()
			.text(booking.listingTitle())
			.line()
			.text(Chat.date(booking.checkIn()) + " – " + Chat.date(booking.checkOut()) + " · "
					+ chat.t("bot.nights", booking.nights()))
			.line()
			.bold(chat.t("bot.quote.total", chat.money(booking.total(), booking.currency())))
			.line()
			.line()
			.text(chat.t("bot.hold.until", until.atZone(Zones.KAZAKHSTAN).format(TIME),
					this.bookingProperties.holdDuration().toMinutes()))
			.build();
		Keyboard.Builder keyboard = Keyboard.builder();
		if (payUrl != null) {
			keyboard.row(Button.link("💳 " + chat.t("bot.hold.pay"), payUrl));
			if (lapses) {
				// a Kaspi link takes payments for minutes only: a fresh one on request
				keyboard.row(chat.button("🔄 " + chat.t("bot.hold.newLink"), "mb:pay:" + booking.id()));
			}
		}
		else {
			keyboard.row(chat.button("💳 " + chat.t("bot.hold.pay"), "mb:pay:" + booking.id()));
		}
		keyboard.row(chat.button("✖ " + chat.t("bot.hold.cancel"), "mb:cq:" + booking.id()));
		if (chat.tapped != null) {
			return new Reply.Edit(chat.tapped, null, text, keyboard.build());
		}
		return new Reply.Send(text, keyboard.build(), null, holdSlot(booking.id()));
	}

	/** The idempotency key of the chat's payments of a booking. */
	static String payKey(UUID bookingId) {
		return "telegram:pay:" + bookingId;
	}

	static String holdSlot(UUID bookingId) {
		return "hold:" + bookingId;
	}

}
