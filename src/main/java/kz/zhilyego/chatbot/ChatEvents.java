package kz.zhilyego.chatbot;

import java.util.List;
import java.util.Map;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingEvents.BookingConfirmed;
import kz.zhilyego.booking.BookingEvents.HoldExpired;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Booking events in the chats where the hold was placed: an expired hold edits its hold
 * message ("expired", book again); a paid one edits it to "paid" (the confirmation with
 * the check-in details comes from the notification module, with buttons into the bot).
 * Runs after the booking's commit, retried from the event publication registry.
 */
@Component
class ChatEvents {

	private final Dialogs dialogs;

	private final List<ChatDelivery> deliveries;

	private final BookingQueries bookings;

	private final UserDirectory users;

	private final MessageSource messages;

	ChatEvents(Dialogs dialogs, List<ChatDelivery> deliveries, BookingQueries bookings, UserDirectory users,
			MessageSource messages) {
		this.dialogs = dialogs;
		this.deliveries = deliveries;
		this.bookings = bookings;
		this.users = users;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(HoldExpired event) {
		this.bookings.find(event.bookingId()).ifPresent(booking -> edit(booking, (chat) -> {
			Text text = Text.builder()
				.bold("⌛ " + chat.t("bot.hold.expired", Chat.number(booking.id())))
				.line()
				.text(booking.listingTitle())
				.line()
				.text(Chat.date(booking.checkIn()) + " – " + Chat.date(booking.checkOut()))
				.build();
			return new Reply.Edit(null, ListingDialog.holdSlot(booking.id()), text,
					Keyboard.builder()
						.row(chat.button("📅 " + chat.t("bot.hold.again"), "b:" + booking.listingId()))
						.build());
		}));
	}

	@ApplicationModuleListener
	void on(BookingConfirmed event) {
		this.bookings.find(event.bookingId()).ifPresent(booking -> edit(booking, (chat) -> {
			Text text = Text.builder()
				.bold("✅ " + chat.t("bot.hold.paid", Chat.number(booking.id())))
				.line()
				.text(booking.listingTitle())
				.line()
				.text(Chat.date(booking.checkIn()) + " – " + Chat.date(booking.checkOut()) + " · "
						+ chat.money(booking.total(), booking.currency()))
				.line()
				.text(chat.t("bot.hold.paidNext"))
				.build();
			return new Reply.Edit(null, ListingDialog.holdSlot(booking.id()), text,
					Keyboard.builder()
						.row(chat.button("🔑 " + chat.t("bot.booking.instructions"), "mb:ins:" + booking.id()))
						.build());
		}));
	}

	private void edit(BookingDetails booking, java.util.function.Function<Chat, Reply> reply) {
		UserProfile user = this.users.find(booking.guestId()).orElse(null);
		if (user == null) {
			return;
		}
		for (ChatDelivery delivery : this.deliveries) {
			for (long chatId : this.dialogs.chatsOf(delivery.messenger(), user.id())) {
				ChatKey key = new ChatKey(delivery.messenger(), chatId);
				Dialogs.Row row = this.dialogs.find(key, java.time.Duration.ofDays(3650)).orElse(null);
				if (row == null || !row.state().refs.containsKey(ListingDialog.holdSlot(booking.id()))) {
					continue;
				}
				Language language = row.language() != null ? row.language() : user.language();
				Chat chat = new Chat(key, new Sender(0, user.name(), null), row.state(), language, user, this.messages);
				Map<String, Integer> refs = Map.copyOf(row.state().refs);
				delivery.deliver(key, List.of(reply.apply(chat)), refs);
			}
		}
	}

}
