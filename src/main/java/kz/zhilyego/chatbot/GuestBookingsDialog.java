package kz.zhilyego.chatbot;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.CheckInInstructions;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.payment.Payment;
import kz.zhilyego.payment.RenewPayment;
import org.springframework.stereotype.Component;

/**
 * {@code /mybookings}: active bookings and history, one booking's details, check-in
 * instructions (codes per the identity rules, each reveal logged with channel
 * {@code telegram}), paying an open hold, and cancelling with the refund shown before the
 * confirmation. Actions {@code mb…}.
 */
@Component
class GuestBookingsDialog {

	static final String CHANNEL = "telegram";

	private static final Set<BookingStatus> ACTIVE = BookingStatus.ACTIVE_STAYS;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final BookingQueries queries;

	private final CancelBooking cancelBooking;

	private final CheckInInstructions instructions;

	private final RenewPayment payments;

	private final AccessScopes scopes;

	private final MediaLinks media;

	private final Clock clock;

	GuestBookingsDialog(BookingQueries queries, CancelBooking cancelBooking, CheckInInstructions instructions,
			RenewPayment payments, AccessScopes scopes, MediaLinks media, Clock clock) {
		this.queries = queries;
		this.cancelBooking = cancelBooking;
		this.instructions = instructions;
		this.payments = payments;
		this.scopes = scopes;
		this.media = media;
		this.clock = clock;
	}

	void list(Chat chat) {
		List<BookingDetails> all = this.queries.ofGuest(chat.user().id(), Set.of());
		Instant now = this.clock.instant();
		List<BookingDetails> active = all.stream()
			.filter(b -> ACTIVE.contains(b.status()) || b.holdOpenAt(now))
			.toList();
		List<BookingDetails> history = all.stream().filter(b -> !active.contains(b)).limit(5).toList();
		if (all.isEmpty()) {
			chat.show(Text.plain(chat.t("bot.myBookings.empty")),
					Keyboard.builder().row(chat.button(chat.t("bot.menu.search"), "s:open")).build());
			return;
		}
		Text.Builder text = Text.builder().bold(chat.t("bot.myBookings.active")).line();
		Keyboard.Builder keyboard = Keyboard.builder();
		if (active.isEmpty()) {
			text.text("—").line();
		}
		for (BookingDetails b : active) {
			text.text(line(chat, b)).line();
			keyboard.row(chat.button(Chat.shortDate(b.checkIn()) + " " + b.listingTitle(), "mb:" + b.id()));
		}
		text.line().bold(chat.t("bot.myBookings.history")).line();
		if (history.isEmpty()) {
			text.text("—").line();
		}
		for (BookingDetails b : history) {
			text.text(line(chat, b)).line();
			keyboard.row(chat.button(Chat.shortDate(b.checkIn()) + " " + b.listingTitle(), "mb:" + b.id()));
		}
		chat.show(text.build(), keyboard.build());
	}

	private String line(Chat chat, BookingDetails b) {
		return "№" + Chat.number(b.id()) + " · " + Chat.shortDate(b.checkIn()) + "–" + Chat.shortDate(b.checkOut())
				+ " · " + b.listingTitle() + " · " + status(chat, b);
	}

	private String status(Chat chat, BookingDetails b) {
		boolean overdue = b.holdLapsedAt(this.clock.instant());
		return chat.t("bot.status." + (overdue ? "EXPIRED" : b.status().name()));
	}

	void tap(Chat chat, String action) {
		if (action.isEmpty()) {
			list(chat);
			return;
		}
		String[] parts = action.split(":", 2);
		if (parts.length == 1) {
			details(chat, UUID.fromString(parts[0]));
			return;
		}
		UUID id = UUID.fromString(parts[1]);
		switch (parts[0]) {
			case "ins" -> instructions(chat, id);
			case "pay" -> pay(chat, id);
			case "cq" -> cancelQuote(chat, id);
			case "cx" -> cancel(chat, id);
			default -> chat.toast(chat.t("bot.expired"));
		}
	}

	/** A {@code booking-<uuid>} deep link. */
	void openFromLink(Chat chat, String id) {
		try {
			details(chat, UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			chat.send(chat.t("booking.notFound"));
		}
	}

	private AccessScope scope(Chat chat) {
		return this.scopes.of(chat.currentUser());
	}

	void details(Chat chat, UUID id) {
		AccessScope scope = scope(chat);
		BookingDetails b = this.queries.get(id, scope);
		Instant now = this.clock.instant();
		boolean holdOpen = b.holdOpenAt(now);
		Text.Builder text = Text.builder().bold(chat.t("bot.booking.title", Chat.number(b.id()))).line();
		text.text(b.listingTitle()).line();
		text.field(chat.t("bot.booking.status"), status(chat, b));
		text.field(chat.t("bot.booking.dates"), Chat.date(b.checkIn()) + " – " + Chat.date(b.checkOut()) + " ("
				+ chat.t("bot.nights", b.nights()) + ")");
		text.field(chat.t("bot.booking.guests"), String.valueOf(b.guests()));
		text.field(chat.t("bot.booking.total"), chat.money(b.total(), b.currency()));
		if (holdOpen) {
			text.text(
					chat.t("bot.hold.until", b.holdExpiresAt().atZone(kz.zhilyego.common.Zones.KAZAKHSTAN).format(TIME),
							java.time.Duration.between(now, b.holdExpiresAt()).toMinutes()))
				.line();
		}
		if (ACTIVE.contains(b.status())) {
			text.field(chat.t("bot.booking.address"), b.address());
			text.field(chat.t("bot.booking.realtor"), b.realtorPhone());
		}
		if (b.status() == BookingStatus.CANCELLED && b.refundDue() != null) {
			text.field(chat.t("bot.booking.refund"), chat.money(b.refundDue(), b.currency()));
		}
		Keyboard.Builder keyboard = Keyboard.builder();
		boolean guest = b.guestId() == chat.user().id();
		if (guest && ACTIVE.contains(b.status())) {
			keyboard.row(chat.button("🔑 " + chat.t("bot.booking.instructions"), "mb:ins:" + b.id()));
		}
		if (guest && holdOpen) {
			keyboard.row(chat.button("💳 " + chat.t("bot.hold.pay"), "mb:pay:" + b.id()));
		}
		if (guest && (holdOpen || b.status() == BookingStatus.CONFIRMED)) {
			keyboard.row(chat.button("✖ " + chat.t("bot.booking.cancel"), "mb:cq:" + b.id()));
		}
		keyboard.row(chat.button("« " + chat.t("bot.menu.myBookings"), "mb"));
		chat.show(text.build(), keyboard.build());
	}

	private void instructions(Chat chat, UUID id) {
		CheckInInstructions.Instructions how = this.instructions.forCaller(id, chat.currentUser(), scope(chat),
				CHANNEL);
		Text.Builder text = Text.builder().bold("🔑 " + chat.t("bot.instructions.title", Chat.number(id))).line();
		text.field(chat.t("bot.booking.address"), how.address());
		if (how.entrance() != null) {
			text.field(chat.t("bot.instructions.entrance"), how.entrance());
		}
		if (how.floor() != null) {
			text.field(chat.t("bot.instructions.floor"), String.valueOf(how.floor()));
		}
		text.field(chat.t("bot.instructions.checkIn"), how.checkInTime().format(TIME));
		text.field(chat.t("bot.instructions.checkOut"), how.checkOutTime().format(TIME));
		text.field(chat.t("bot.booking.realtor"), how.realtorPhone());
		AccessCodeSet codes = how.codes();
		if (codes != null && !codes.isEmpty()) {
			text.line().bold(chat.t("bot.instructions.codes")).line();
			if (codes.intercom() != null) {
				text.text(chat.t("bot.instructions.intercom") + ": ").code(codes.intercom()).line();
			}
			if (codes.flat() != null) {
				text.text(chat.t("bot.instructions.flat") + ": ").code(codes.flat()).line();
			}
			if (codes.safe() != null) {
				text.text(chat.t("bot.instructions.safe") + ": ").code(codes.safe()).line();
			}
		}
		chat.send(text.build(), Keyboard.NONE);
	}

	/**
	 * The payment link: the one still taking money, or a new one once it lapsed (a Kaspi
	 * link lasts minutes), failed or is in doubt.
	 */
	private void pay(Chat chat, UUID id) {
		Payment payment = this.payments.payOrRenew(id, chat.user().id(), ListingDialog.payKey(id)).payment();
		if (payment.status().isPaid()) {
			chat.toast(chat.t("bot.hold.paid", Chat.number(id)));
			return;
		}
		if (payment.redirectUrl() == null) {
			chat.toast(chat.t("bot.hold.payPending"));
			return;
		}
		chat.send(Text.plain(chat.t("bot.hold.payHint")),
				Keyboard.builder()
					.row(Button.link("💳 " + chat.t("bot.hold.pay"), this.media.absolute(payment.redirectUrl())))
					.build());
	}

	private void cancelQuote(Chat chat, UUID id) {
		CancelBooking.RefundQuote quote = this.cancelBooking.quote(id, scope(chat));
		if (!quote.cancellable()) {
			chat.toast(chat.t(quote.reason() == null ? "bot.booking.notCancellable" : quote.reason()));
			return;
		}
		chat.show(
				Text.builder()
					.bold(chat.t("bot.cancel.title", Chat.number(id)))
					.line()
					.text(chat.t("bot.cancel.refund", chat.money(quote.refund(), quote.currency()),
							quote.refundPercent().stripTrailingZeros().toPlainString(),
							chat.money(quote.paid(), quote.currency())))
					.build(),
				Keyboard.builder()
					.row(chat.button("✖ " + chat.t("bot.cancel.confirm"), "mb:cx:" + id))
					.row(chat.button("« " + chat.t("bot.cancel.keep"), "mb:" + id))
					.build());
	}

	private void cancel(Chat chat, UUID id) {
		BookingDetails cancelled;
		try {
			cancelled = this.cancelBooking.cancel(id, CancellationReason.CHANGE_OF_PLANS, null, scope(chat));
		}
		catch (ProblemException ex) {
			chat.toast(chat.t(ex.messageKey(), ex.args()));
			return;
		}
		chat.show(Text.builder()
			.bold(chat.t("bot.cancel.done", Chat.number(id)))
			.line()
			.text(chat.t("bot.booking.refund") + ": "
					+ chat.money(cancelled.refundDue() == null ? java.math.BigDecimal.ZERO : cancelled.refundDue(),
							cancelled.currency()))
			.build(), Keyboard.builder().row(chat.button("« " + chat.t("bot.menu.myBookings"), "mb")).build());
	}

}
