package kz.zhilyego.chatbot;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The bot's brain, the same for every messenger: reads the chat's dialog state, routes an
 * input (command, tap, shared contact) to its dialog and returns a {@link Turn}. The
 * adapter delivers the replies and then {@link #commit commits} the state, so a state is
 * never ahead of what the user saw. Every booking, payment or favorite change goes
 * through the same application services as the web site.
 */
@Service
public class Conversation {

	private static final Logger log = LoggerFactory.getLogger(Conversation.class);

	private final Dialogs dialogs;

	private final UserDirectory users;

	private final MessageSource messages;

	private final Duration ttl;

	private final SearchDialog search;

	private final ListingDialog listings;

	private final GuestBookingsDialog guestBookings;

	private final RealtorDialog realtor;

	private final FeedbackDialog feedback;

	private final ChatReplyDialog chatReply;

	Conversation(Dialogs dialogs, UserDirectory users, MessageSource messages, TelegramProperties properties,
			SearchDialog search, ListingDialog listings, GuestBookingsDialog guestBookings, RealtorDialog realtor,
			FeedbackDialog feedback, ChatReplyDialog chatReply) {
		this.feedback = feedback;
		this.chatReply = chatReply;
		this.dialogs = dialogs;
		this.users = users;
		this.messages = messages;
		this.ttl = properties.dialogTtl();
		this.search = search;
		this.listings = listings;
		this.guestBookings = guestBookings;
		this.realtor = realtor;
	}

	/** Works out the answer to one input; nothing is saved until {@link #commit}. */
	public Turn handle(ChatKey key, Sender sender, ChatInput input) {
		Optional<Dialogs.Row> row = this.dialogs.find(key, this.ttl);
		DialogState state = row.map(Dialogs.Row::state).orElseGet(DialogState::new);
		UserProfile user = userOf(key, sender);
		Language language = row.map(Dialogs.Row::language)
			.orElseGet(() -> user != null ? user.language() : languageOf(sender.languageCode()));
		Chat chat = new Chat(key, sender, state, language, user, this.messages);
		try {
			route(chat, input);
		}
		catch (ProblemException ex) {
			String text = chat.t(ex.messageKey(), ex.args());
			if (input instanceof ChatInput.Tap) {
				chat.toast(text);
			}
			else {
				chat.send("⚠️ " + text);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Chat {} input {} failed: {}", key, input.getClass().getSimpleName(), ex.toString(), ex);
			chat.replies.clear();
			chat.send("⚠️ " + chat.t("bot.error"));
		}
		return new Turn(key, chat.user == null ? null : chat.user.id(), chat.language, state, chat.replies);
	}

	/** Saves the state after the replies went out, with the message ids of new slots. */
	public void commit(Turn turn, Map<String, Integer> slots) {
		turn.state().refs.putAll(slots);
		trimRefs(turn.state());
		this.dialogs.save(turn.key(), turn.userId(), turn.language(), turn.state());
	}

	/**
	 * The account behind a chat. Telegram vouches for its user id (linked by a shared
	 * contact); another messenger adds its own lookup here (WhatsApp: the sender's
	 * phone).
	 */
	private @Nullable UserProfile userOf(ChatKey key, Sender sender) {
		return switch (key.messenger()) {
			case "telegram" -> this.users.findByTelegramUserId(sender.externalUserId()).orElse(null);
			default -> null;
		};
	}

	/**
	 * The language a messenger reports ({@code kk}, {@code en-US}, ...), Russian else.
	 */
	static Language languageOf(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return Language.RU;
		}
		return Language.of(Locale.forLanguageTag(code));
	}

	private static void trimRefs(DialogState state) {
		while (state.refs.size() > 50) {
			state.refs.remove(state.refs.keySet().iterator().next());
		}
	}

	private void route(Chat chat, ChatInput input) {
		switch (input) {
			case ChatInput.SharedContact contact -> contact(chat, contact);
			case ChatInput.Text text -> text(chat, text.text().strip());
			case ChatInput.Tap tap -> {
				chat.tapped = tap.messageId();
				String action = CallbackData.resolve(tap.data(), chat.state);
				if (action == null) {
					chat.toast(chat.t("bot.expired"));
					return;
				}
				tap(chat, action);
			}
		}
	}

	private void text(Chat chat, String text) {
		if (!text.startsWith("/") && chat.user != null && chat.state.awaitingChatReply != null && !text.isEmpty()) {
			this.chatReply.reply(chat, text);
			return;
		}
		if (!text.startsWith("/") && chat.user != null && chat.state.awaitingFeedback != null && !text.isEmpty()) {
			this.feedback.comment(chat, text);
			return;
		}
		if (!text.startsWith("/")) {
			if (chat.user == null) {
				askContact(chat);
			}
			else {
				chat.send(chat.t("bot.useMenu"));
			}
			return;
		}
		String[] parts = text.split("\\s+", 2);
		String command = parts[0].substring(1).toLowerCase(Locale.ROOT);
		int at = command.indexOf('@');
		if (at >= 0) {
			command = command.substring(0, at);
		}
		String argument = parts.length > 1 ? parts[1].strip() : "";
		if (command.equals("start")) {
			start(chat, argument);
			return;
		}
		if (command.equals("language")) {
			language(chat);
			return;
		}
		if (command.equals("help")) {
			help(chat);
			return;
		}
		if (chat.user == null) {
			askContact(chat);
			return;
		}
		switch (command) {
			case "search" -> this.search.open(chat);
			case "mybookings" -> this.guestBookings.list(chat);
			case "favorites" -> this.listings.favorites(chat);
			case "bookings", "properties", "stats" -> {
				if (!chat.isStaff()) {
					chat.send(chat.t("bot.staffOnly"));
				}
				else if (command.equals("bookings")) {
					this.realtor.bookings(chat);
				}
				else if (command.equals("properties")) {
					this.realtor.properties(chat);
				}
				else {
					this.realtor.stats(chat);
				}
			}
			default -> chat.send(chat.t("bot.unknownCommand"));
		}
	}

	private void tap(Chat chat, String action) {
		if (action.equals(CalendarKeyboard.NOOP)) {
			chat.replies.add(new Reply.Toast(""));
			return;
		}
		if (action.startsWith("lang:")) {
			chat.language = Language.ofCode(action.substring("lang:".length()));
			chat.show(Text.plain(chat.t("bot.language.changed")), Keyboard.NONE);
			chat.replies.add(new Reply.Commands(chat.language, chat.isStaff()));
			return;
		}
		if (chat.user == null) {
			chat.toast(chat.t("bot.registerFirst"));
			askContact(chat);
			return;
		}
		String prefix = action.contains(":") ? action.substring(0, action.indexOf(':')) : action;
		switch (prefix) {
			case "s" -> this.search.tap(chat, action.substring(2));
			case "l", "f", "av", "fav" -> this.listings.tap(chat, action);
			case "b" -> this.listings.bookingTap(chat, action.substring(2));
			case "mb" -> this.guestBookings.tap(chat, action.length() > 3 ? action.substring(3) : "");
			case "rb", "rp", "rs" -> {
				if (!chat.isStaff()) {
					chat.toast(chat.t("bot.staffOnly"));
				}
				else {
					this.realtor.tap(chat, action);
				}
			}
			case "menu" -> menu(chat);
			case "fb" -> this.feedback.tap(chat, action);
			case "cr" -> this.chatReply.tap(chat, action);
			default -> chat.toast(chat.t("bot.expired"));
		}
	}

	private void start(Chat chat, String payload) {
		if (FeedbackDialog.isGuestLink(payload)) {
			// a guest someone else booked: the link itself vouches for the account
			this.feedback.link(chat, payload);
			return;
		}
		if (chat.user == null) {
			chat.state.pendingStart = payload.isEmpty() ? null : payload;
			askContact(chat);
			return;
		}
		openPayload(chat, payload);
	}

	private void openPayload(Chat chat, @Nullable String payload) {
		if (payload != null && payload.startsWith("listing-") && payload.substring(8).matches("\\d{1,18}")) {
			this.listings.open(chat, Long.parseLong(payload.substring(8)));
		}
		else if (payload != null && payload.startsWith("booking-")) {
			this.guestBookings.openFromLink(chat, payload.substring(8));
		}
		else {
			menu(chat);
		}
	}

	private void askContact(Chat chat) {
		chat.replies.add(new Reply.AskContact(Text.builder()
			.bold(chat.t("bot.welcome.title"))
			.line()
			.line()
			.text(chat.t("bot.welcome.contact"))
			.build(), chat.t("bot.welcome.shareContact")));
	}

	private void contact(Chat chat, ChatInput.SharedContact contact) {
		if (!contact.own()) {
			chat.send(chat.t("bot.contact.notOwn"));
			askContact(chat);
			return;
		}
		Optional<UserDirectory.TelegramLink> linked = this.users.linkOrRegisterByPhone(contact.phone(),
				chat.sender.name(), chat.language, chat.sender.externalUserId(), chat.key.chatId());
		if (linked.isEmpty()) {
			chat.send(chat.t("bot.contact.refused"));
			return;
		}
		chat.user = linked.get().user();
		chat.replies.add(new Reply.Send(Text
			.plain(chat.t(linked.get().created() ? "bot.contact.registered" : "bot.contact.linked", chat.user.name())),
				Keyboard.NONE.removingReplyKeyboard()));
		chat.replies.add(new Reply.Commands(chat.language, chat.isStaff()));
		String pending = chat.state.pendingStart;
		chat.state.pendingStart = null;
		openPayload(chat, pending);
	}

	private void menu(Chat chat) {
		Keyboard.Builder keyboard = Keyboard.builder()
			.row(chat.button(chat.t("bot.menu.search"), "s:open"))
			.row(chat.button(chat.t("bot.menu.myBookings"), "mb"), chat.button(chat.t("bot.menu.favorites"), "fav"));
		if (chat.isStaff()) {
			keyboard.row(chat.button(chat.t("bot.menu.bookings"), "rb"),
					chat.button(chat.t("bot.menu.properties"), "rp"), chat.button(chat.t("bot.menu.stats"), "rs"));
		}
		chat.show(Text.builder().bold(chat.t("bot.menu.title")).line().text(chat.t("bot.menu.hint")).build(),
				keyboard.build());
	}

	private void help(Chat chat) {
		Text.Builder text = Text.builder().bold(chat.t("bot.help.title")).line();
		for (String command : List.of("search", "mybookings", "favorites", "language", "help")) {
			text.text("/" + command + " — " + chat.t("bot.command." + command)).line();
		}
		if (chat.isStaff()) {
			text.line().bold(chat.t("bot.help.staff")).line();
			for (String command : List.of("bookings", "properties", "stats")) {
				text.text("/" + command + " — " + chat.t("bot.command." + command)).line();
			}
		}
		chat.send(text.build(), Keyboard.NONE);
	}

	private void language(Chat chat) {
		chat.send(Text.plain(chat.t("bot.language.choose")),
				Keyboard.builder()
					.row(chat.button("Русский", "lang:ru"), chat.button("Қазақша", "lang:kk"),
							chat.button("English", "lang:en"))
					.build());
	}

}
