package kz.zhilyego.chatbot;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.zhilyego.common.Language;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * One turn's working context: the chat, who wrote, the dialog state, the language and the
 * replies collected so far. Texts come from {@code i18n/telegram*.properties}
 * ({@code bot.*}).
 */
final class Chat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM");

	final ChatKey key;

	final Sender sender;

	final DialogState state;

	Language language;

	@Nullable UserProfile user;

	/** The message whose button was tapped, if this turn answers a tap. */
	@Nullable Integer tapped;

	final List<Reply> replies = new ArrayList<>();

	private final MessageSource messages;

	Chat(ChatKey key, Sender sender, DialogState state, Language language, @Nullable UserProfile user,
			MessageSource messages) {
		this.key = key;
		this.sender = sender;
		this.state = state;
		this.language = language;
		this.user = user;
		this.messages = messages;
	}

	String t(String key, Object... args) {
		return this.messages.getMessage(key, args, key, this.language.locale());
	}

	Button button(String label, String action) {
		return Button.action(label, CallbackData.fit(action, this.state));
	}

	void send(Text text, Keyboard keyboard) {
		this.replies.add(new Reply.Send(text, keyboard));
	}

	void send(String text) {
		send(Text.plain(text), Keyboard.NONE);
	}

	/** Replaces the tapped message; without a tap, sends a new one. */
	void show(Text text, Keyboard keyboard) {
		if (this.tapped != null) {
			this.replies.add(new Reply.Edit(this.tapped, null, text, keyboard));
		}
		else {
			send(text, keyboard);
		}
	}

	void toast(String text) {
		this.replies.add(new Reply.Toast(text));
	}

	UserProfile user() {
		if (this.user == null) {
			throw new IllegalStateException("no linked user");
		}
		return this.user;
	}

	CurrentUser currentUser() {
		UserProfile profile = user();
		return new CurrentUser(profile.id(), profile.name(), profile.roles(), profile.agencyId(), this.language);
	}

	boolean isStaff() {
		return this.user != null && currentUser().isStaff();
	}

	Locale locale() {
		return this.language.locale();
	}

	static String date(LocalDate date) {
		return date.format(DATE);
	}

	static String shortDate(LocalDate date) {
		return date.format(SHORT);
	}

	String money(BigDecimal amount, String currency) {
		NumberFormat format = NumberFormat.getIntegerInstance(locale());
		format.setGroupingUsed(true);
		return format.format(amount) + " " + ("KZT".equals(currency) ? "₸" : currency);
	}

	static String number(UUID bookingId) {
		return bookingId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

}
