package kz.zhilyego.chatbot;

import java.util.List;
import java.util.Map;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingEvents.BookingCancelled;
import kz.zhilyego.booking.BookingEvents.BookingConfirmed;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The agency head hears in chat of each new confirmed booking and each cancellation on
 * the listings of the agency's realtors, with the same buttons as the realtor's own
 * message (which the notification module sends to the listing's owner): "Guest checked
 * in" and the booking, or the arrivals. Only a head who linked the bot and whose agency
 * the listing's owner belongs to; never another agency's.
 */
@Component
class StaffEvents {

	private final BookingQueries bookings;

	private final UserDirectory users;

	private final AgencyTeam agencies;

	private final List<ChatDelivery> deliveries;

	private final MessageSource messages;

	StaffEvents(BookingQueries bookings, UserDirectory users, AgencyTeam agencies, List<ChatDelivery> deliveries,
			MessageSource messages) {
		this.bookings = bookings;
		this.users = users;
		this.agencies = agencies;
		this.deliveries = deliveries;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(BookingConfirmed event) {
		tellHead(event.bookingId(), event.ownerId(), true);
	}

	@ApplicationModuleListener
	void on(BookingCancelled event) {
		tellHead(event.bookingId(), event.ownerId(), false);
	}

	private void tellHead(java.util.UUID bookingId, long ownerId, boolean confirmed) {
		UserProfile owner = this.users.find(ownerId).orElse(null);
		if (owner == null || owner.agencyId() == null) {
			return;
		}
		Long headId = this.agencies.headOf(owner.agencyId()).orElse(null);
		if (headId == null || headId == ownerId) {
			return;
		}
		UserProfile head = this.users.find(headId).orElse(null);
		BookingDetails booking = this.bookings.find(bookingId).orElse(null);
		if (head == null || booking == null || head.telegramChatId() == null || !head.telegramEnabled()) {
			return;
		}
		ChatKey key = ChatKey.telegram(head.telegramChatId());
		Chat chat = new Chat(key, new Sender(head.telegramChatId(), head.name(), null), new DialogState(),
				head.language(), head, this.messages);
		Text text = Text.builder()
			.bold((confirmed ? "🆕 " : "✖ ")
					+ chat.t(confirmed ? "bot.staff.confirmed" : "bot.staff.cancelled", Chat.number(booking.id())))
			.line()
			.text(booking.listingTitle() + " · " + owner.name())
			.line()
			.text(Chat.date(booking.checkIn()) + " – " + Chat.date(booking.checkOut()) + " · "
					+ chat.money(booking.total(), booking.currency()))
			.line()
			.text(chat.t("bot.realtor.guest") + ": " + booking.guestName() + " " + booking.guestPhone())
			.build();
		Keyboard keyboard = confirmed ? Keyboard.builder()
			.row(Button.action("🛬 " + chat.t("bot.realtor.checkIn"), "rb:in:" + booking.id()),
					Button.action(chat.t("bot.notification.booking"), "rb:" + booking.id()))
			.build() : Keyboard.builder().row(Button.action(chat.t("bot.menu.bookings"), "rb")).build();
		for (ChatDelivery delivery : this.deliveries) {
			if (delivery.messenger().equals(key.messenger())) {
				delivery.deliver(key, List.of(new Reply.Send(text, keyboard)), Map.of());
			}
		}
	}

}
