package kz.zhilyego.telegram;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import kz.zhilyego.common.TelegramProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Contact;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Dev only: {@code /dev/telegram}, a chat with the bot without Telegram. Typing, tapping
 * a button and sharing the phone build the same {@link Update}s Telegram would send and
 * hand them to the same {@link UpdateProcessor} as the webhook; the bot's answers come
 * back through the same client into {@link SimulatedChats}. Each simulated person
 * ({@code ?as=1}, {@code 2}, …) is a private chat with an id above any real one.
 */
@Controller
@Profile("dev")
class TelegramSimulatorPages {

	private static final String DEMO_PHONE = "+77010000001";

	private final UpdateProcessor processor;

	private final SimulatedChats chats;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TelegramProperties properties;

	private final AtomicLong queries = new AtomicLong();

	TelegramSimulatorPages(UpdateProcessor processor, SimulatedChats chats, JdbcClient jdbc, Clock clock,
			TelegramProperties properties) {
		this.processor = processor;
		this.chats = chats;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	static long chatOf(int person) {
		return TelegramClient.SIMULATED_CHATS + Math.max(1, Math.min(person, 1_000_000));
	}

	@GetMapping("/dev/telegram")
	String page(@RequestParam(name = "as", defaultValue = "1") int person,
			@RequestParam(name = "lang", required = false) @Nullable String lang,
			@RequestParam(name = "start", required = false) @Nullable String start, Model model) {
		long chat = chatOf(person);
		if (start != null && start.matches("[A-Za-z0-9_-]{1,64}")) {
			text(person, "/start " + start, lang);
			return redirect(person, lang);
		}
		model.addAttribute("person", person);
		model.addAttribute("lang", lang == null ? "ru" : lang);
		model.addAttribute("chat", chat);
		model.addAttribute("entries", this.chats.transcript(chat));
		model.addAttribute("toast", this.chats.takeToast(chat));
		model.addAttribute("demoPhone", DEMO_PHONE);
		model.addAttribute("botConfigured", this.properties.configured());
		return "telegram/simulator";
	}

	@PostMapping("/dev/telegram/message")
	String message(@RequestParam(name = "as", defaultValue = "1") int person, @RequestParam String text,
			@RequestParam(name = "lang", required = false) @Nullable String lang) {
		if (!text.isBlank()) {
			text(person, text.strip(), lang);
		}
		return redirect(person, lang);
	}

	@PostMapping("/dev/telegram/tap")
	String tap(@RequestParam(name = "as", defaultValue = "1") int person, @RequestParam int messageId,
			@RequestParam String data, @RequestParam(required = false) @Nullable String label,
			@RequestParam(name = "lang", required = false) @Nullable String lang) {
		long chat = chatOf(person);
		this.chats.userSaid(chat, "👆 " + (label == null || label.isBlank() ? data : label));
		CallbackQuery query = new CallbackQuery(chat + ":" + this.queries.incrementAndGet(), user(chat, lang),
				message(chat, messageId), null, data, null, String.valueOf(chat));
		Update update = new Update();
		update.setUpdateId(nextUpdateId());
		update.setCallbackQuery(query);
		this.processor.receiveAndWait(update);
		return redirect(person, lang);
	}

	@PostMapping("/dev/telegram/contact")
	String contact(@RequestParam(name = "as", defaultValue = "1") int person, @RequestParam String phone,
			@RequestParam(name = "own", defaultValue = "true") boolean own,
			@RequestParam(name = "lang", required = false) @Nullable String lang) {
		long chat = chatOf(person);
		this.chats.userSaid(chat, "📱 " + phone);
		Message message = message(chat, 0);
		message.setFrom(user(chat, lang));
		message.setContact(new Contact(phone, "Гость", null, own ? chat : chat + 1, null));
		send(message);
		return redirect(person, lang);
	}

	@PostMapping("/dev/telegram/reset")
	String reset(@RequestParam(name = "as", defaultValue = "1") int person,
			@RequestParam(name = "lang", required = false) @Nullable String lang) {
		this.chats.reset(chatOf(person));
		return redirect(person, lang);
	}

	private void text(int person, String text, @Nullable String lang) {
		long chat = chatOf(person);
		this.chats.userSaid(chat, text);
		Message message = message(chat, 0);
		message.setFrom(user(chat, lang));
		message.setText(text);
		send(message);
	}

	private void send(Message message) {
		Update update = new Update();
		update.setUpdateId(nextUpdateId());
		update.setMessage(message);
		this.processor.receiveAndWait(update);
	}

	private Message message(long chat, int messageId) {
		Message message = new Message();
		message.setMessageId(messageId);
		message.setChat(new Chat(chat, "private"));
		message.setDate((int) this.clock.instant().getEpochSecond());
		return message;
	}

	private static User user(long chat, @Nullable String lang) {
		User user = new User(chat, "Гость", false);
		user.setLanguageCode(lang == null ? "ru" : lang);
		return user;
	}

	private int nextUpdateId() {
		// Telegram's update_id is a 32-bit integer in TelegramBots' types; simulated ones
		// count down from the top of that range, far from real ones
		long next = this.jdbc.sql("select nextval('telegram_simulated_update_ids')").query(Long.class).single();
		return (int) (Integer.MAX_VALUE - (next - TelegramClient.SIMULATED_CHATS));
	}

	private static String redirect(int person, @Nullable String lang) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/dev/telegram").queryParam("as", person);
		if (lang != null) {
			uri.queryParam("lang", lang);
		}
		return "redirect:" + uri.build().toUriString() + "#bottom";
	}

}
