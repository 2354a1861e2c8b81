package kz.zhilyego.chatbot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.AnalyticsSummary;
import kz.zhilyego.realtor.RealtorAnalytics;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.realtor.RealtorBookings;
import kz.zhilyego.trust.GuestRisk;
import kz.zhilyego.trust.GuestRisks;
import kz.zhilyego.realtor.RealtorListingSummary;
import kz.zhilyego.realtor.ActivateListing;
import kz.zhilyego.realtor.ListRealtorListings;
import org.springframework.stereotype.Component;

/**
 * The realtor's and agency head's tools, scoped by the realtor workspace's services
 * exactly as on the web (a realtor: own listings; a head: the agency's; never another
 * agency's): {@code /bookings} — arrivals and departures of today and the next
 * {@value #DAYS_AHEAD} days with check-in and check-out buttons ({@code MarkStay});
 * {@code /properties} — listings on/off; {@code /stats} — revenue, bookings and occupancy
 * for today, the week and the month. Actions {@code rb…}, {@code rp…}, {@code rs}.
 */
@Component
class RealtorDialog {

	static final int DAYS_AHEAD = 7;

	private final RealtorBookings bookings;

	private final ListRealtorListings listings;

	private final ActivateListing activation;

	private final RealtorAnalytics analytics;

	private final Clock clock;

	private final GuestRisks risks;

	private final AccessScopes scopes;

	RealtorDialog(RealtorBookings bookings, ListRealtorListings listings, ActivateListing activation,
			RealtorAnalytics analytics, Clock clock, GuestRisks risks, AccessScopes scopes) {
		this.risks = risks;
		this.scopes = scopes;
		this.bookings = bookings;
		this.listings = listings;
		this.activation = activation;
		this.analytics = analytics;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
	}

	void tap(Chat chat, String action) {
		String[] parts = action.split(":");
		switch (parts[0]) {
			case "rb" -> {
				if (parts.length == 1) {
					bookings(chat);
				}
				else if (parts.length == 2) {
					booking(chat, UUID.fromString(parts[1]));
				}
				else {
					mark(chat, parts[1], UUID.fromString(parts[2]));
				}
			}
			case "rp" -> {
				if (parts.length == 3) {
					this.activation.setActive(Long.parseLong(parts[2]), parts[1].equals("on"), chat.currentUser());
					chat.toast(
							chat.t(parts[1].equals("on") ? "bot.properties.activated" : "bot.properties.deactivated"));
				}
				properties(chat);
			}
			case "rs" -> stats(chat);
			default -> chat.toast(chat.t("bot.expired"));
		}
	}

	void bookings(Chat chat) {
		LocalDate today = today();
		LocalDate until = today.plusDays(DAYS_AHEAD);
		PageResult<BookingDetails> page = this.bookings.list(chat.currentUser(), BookingStatus.ACTIVE_STAYS, null,
				today.minusDays(1), until, 0, 100);
		List<BookingDetails> arrivals = page.items()
			.stream()
			.filter(b -> b.status() == BookingStatus.CONFIRMED && !b.checkIn().isAfter(until))
			.sorted(Comparator.comparing(BookingDetails::checkIn).thenComparing(b -> b.id().toString()))
			.toList();
		List<BookingDetails> departures = page.items()
			.stream()
			.filter(b -> b.status() == BookingStatus.CHECKED_IN && !b.checkOut().isAfter(until))
			.sorted(Comparator.comparing(BookingDetails::checkOut).thenComparing(b -> b.id().toString()))
			.toList();
		Text.Builder text = Text.builder().bold(chat.t("bot.realtor.bookings.title", Chat.date(today))).line().line();
		Keyboard.Builder keyboard = Keyboard.builder();
		text.bold("🛬 " + chat.t("bot.realtor.arrivals")).line();
		if (arrivals.isEmpty()) {
			text.text("—").line();
		}
		for (BookingDetails b : arrivals) {
			text.text(Chat.shortDate(b.checkIn()) + " · " + b.listingTitle() + " · " + b.guestName() + " "
					+ b.guestPhone())
				.line();
			if (!b.checkIn().isAfter(today)) {
				keyboard
					.row(chat.button("🛬 " + chat.t("bot.realtor.checkIn") + ": " + b.guestName(), "rb:in:" + b.id()));
			}
		}
		text.line().bold("🛫 " + chat.t("bot.realtor.departures")).line();
		if (departures.isEmpty()) {
			text.text("—").line();
		}
		for (BookingDetails b : departures) {
			text.text(Chat.shortDate(b.checkOut()) + " · " + b.listingTitle() + " · " + b.guestName()).line();
			keyboard
				.row(chat.button("🛫 " + chat.t("bot.realtor.checkOut") + ": " + b.guestName(), "rb:out:" + b.id()));
		}
		keyboard.row(chat.button("🔄 " + chat.t("bot.realtor.refresh"), "rb"));
		chat.show(text.build(), keyboard.build());
	}

	private void booking(Chat chat, UUID id) {
		BookingDetails b = this.bookings.get(id, chat.currentUser());
		Text.Builder text = Text.builder().bold(chat.t("bot.booking.title", Chat.number(b.id()))).line();
		text.text(b.listingTitle()).line();
		text.field(chat.t("bot.booking.status"), chat.t("bot.status." + b.status().name()));
		text.field(chat.t("bot.booking.dates"), Chat.date(b.checkIn()) + " – " + Chat.date(b.checkOut()));
		text.field(chat.t("bot.realtor.guest"), b.guestName() + " " + b.guestPhone());
		text.field(chat.t("bot.booking.total"), chat.money(b.total(), b.currency()));
		// the guest's risk, for the staff in scope only (never shown to a guest)
		GuestRisk risk = this.risks.ofBooking(id, this.scopes.of(chat.currentUser()));
		text.field(chat.t("trust.risk.title"), chat.t(risk.level().labelKey()) + " (" + risk.score() + "/100)");
		for (GuestRisk.Reason reason : risk.reasons()) {
			text.text("• " + chat.t("trust.risk.reasonPoints", chat.t(reason.labelKey()), reason.points())).line();
		}
		Keyboard.Builder keyboard = Keyboard.builder();
		if (b.status() == BookingStatus.CONFIRMED) {
			keyboard.row(chat.button("🛬 " + chat.t("bot.realtor.checkIn"), "rb:in:" + b.id()));
		}
		if (b.status() == BookingStatus.CHECKED_IN) {
			keyboard.row(chat.button("🛫 " + chat.t("bot.realtor.checkOut"), "rb:out:" + b.id()));
		}
		keyboard.row(chat.button("« " + chat.t("bot.menu.bookings"), "rb"));
		chat.show(text.build(), keyboard.build());
	}

	private void mark(Chat chat, String what, UUID id) {
		CurrentUser user = chat.currentUser();
		if (what.equals("in")) {
			this.bookings.checkIn(id, user);
			chat.toast(chat.t("bot.realtor.checkedIn"));
		}
		else {
			this.bookings.checkOut(id, user);
			chat.toast(chat.t("bot.realtor.checkedOut"));
		}
		bookings(chat);
	}

	void properties(Chat chat) {
		PageResult<RealtorListingSummary> page = this.listings.list(chat.currentUser(),
				new ListRealtorListings.Filter(null, null, null, "added", 0, 30), chat.language);
		Text.Builder text = Text.builder().bold(chat.t("bot.properties.title", page.total())).line();
		text.text(chat.t("bot.properties.hint")).line();
		Keyboard.Builder keyboard = Keyboard.builder();
		for (RealtorListingSummary listing : page.items()) {
			boolean active = "ACTIVE".equals(listing.status());
			keyboard.row(chat.button((active ? "✅ " : "⏸ ") + listing.title(),
					"rp:" + (active ? "off" : "on") + ":" + listing.id()));
		}
		chat.show(text.build(), keyboard.build());
	}

	void stats(Chat chat) {
		LocalDate today = today();
		LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
		Text.Builder text = Text.builder().bold("📊 " + chat.t("bot.stats.title")).line();
		period(chat, text, chat.t("bot.stats.today"), today, today);
		period(chat, text, chat.t("bot.stats.week"), monday, monday.plusDays(6));
		period(chat, text, chat.t("bot.stats.month"), today.withDayOfMonth(1),
				today.withDayOfMonth(today.lengthOfMonth()));
		chat.show(text.build(),
				Keyboard.builder().row(chat.button("🔄 " + chat.t("bot.realtor.refresh"), "rs")).build());
	}

	private void period(Chat chat, Text.Builder text, String title, LocalDate from, LocalDate to) {
		AnalyticsSummary summary = this.analytics.summary(chat.currentUser(), from, to);
		text.line().bold(title + " (" + Chat.shortDate(from) + "–" + Chat.shortDate(to) + ")").line();
		text.text(chat.t("bot.stats.revenue", chat.money(summary.revenue(), summary.currency()))).line();
		text.text(chat.t("bot.stats.bookings", summary.bookings(), summary.cancellations())).line();
		text.text(chat.t("bot.stats.occupancy", summary.occupancyPercent().stripTrailingZeros().toPlainString()))
			.line();
	}

}
