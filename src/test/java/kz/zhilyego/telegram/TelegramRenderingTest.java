package kz.zhilyego.telegram;

import java.util.Map;
import java.util.UUID;

import kz.zhilyego.chatbot.Button;
import kz.zhilyego.chatbot.Keyboard;
import kz.zhilyego.chatbot.Text;
import kz.zhilyego.common.Language;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.TelegramDelivery;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telegram HTML, the 64-byte guard on buttons and the buttons of notifications. */
class TelegramRenderingTest {

	@Test
	void everySpanIsEscapedForTheHtmlParseMode() {
		Text text = Text.builder()
			.bold("Лофт <Premium> & \"Sky\"")
			.line()
			.text("a<b>c")
			.code("12&34")
			.link("site", "https://x.kz/?a=1&b=\"2\"")
			.build();

		assertThat(TelegramHtml.render(text)).isEqualTo("<b>Лофт &lt;Premium&gt; &amp; &quot;Sky&quot;</b>\n"
				+ "a&lt;b&gt;c<code>12&amp;34</code><a href=\"https://x.kz/?a=1&amp;b=&quot;2&quot;\">site</a>");
	}

	@Test
	void aTooLongTextIsCutOnWholeSpansNeverInsideATag() {
		Text.Builder builder = Text.builder();
		for (int i = 0; i < 400; i++) {
			builder.bold("Строка " + i).line();
		}
		String html = TelegramHtml.render(builder.build(), TelegramHtml.MAX_TEXT);

		assertThat(html.length()).isLessThanOrEqualTo(TelegramHtml.MAX_TEXT);
		assertThat(html).endsWith("…");
		assertThat(html.split("<b>", -1).length).isEqualTo(html.split("</b>", -1).length);
	}

	@Test
	void aButtonWhoseDataExceeds64BytesIsNeverSent() {
		String cyrillic = "район-Есиль-у-Байтерека-и-набережной-реки";
		assertThat(cyrillic.length()).isLessThan(64);
		Keyboard keyboard = Keyboard.builder().row(Button.action("x", cyrillic)).build();

		assertThatThrownBy(() -> TelegramReplies.inline(keyboard)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("64 bytes");
	}

	@Test
	void notificationsCarryButtonsIntoTheBotsFlows() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		TelegramNotifications notifications = new TelegramNotifications(
				new TelegramClient(null, null, 25, java.time.Duration.ofSeconds(1), chat -> {
				}), messages);
		String booking = UUID.randomUUID().toString();

		assertThat(actions(notifications, NotificationKind.BOOKING_CONFIRMED_GUEST, booking))
			.containsExactly("mb:ins:" + booking, "mb:" + booking);
		assertThat(actions(notifications, NotificationKind.REMINDER_CHECK_IN_DAY, booking))
			.containsExactly("mb:ins:" + booking, "mb:" + booking);
		assertThat(actions(notifications, NotificationKind.BOOKING_CONFIRMED_REALTOR, booking))
			.containsExactly("rb:in:" + booking, "rb:" + booking);
		assertThat(actions(notifications, NotificationKind.BOOKING_CANCELLED_REALTOR, booking)).containsExactly("rb");
		assertThat(actions(notifications, NotificationKind.PAYMENT_FAILED_GUEST, booking))
			.containsExactly("mb:pay:" + booking);
		Keyboard review = notifications
			.buttons(new TelegramDelivery.Message("1", 1L, NotificationKind.REVIEW_REQUEST, Language.RU, "x", Map
				.of("bookingId", booking, "reviewUrl", "https://zhilyego.kz/account/bookings/" + booking + "/review")));
		assertThat(review.rows().get(0).get(0).url()).endsWith("/review");
		notifications.buttons(message(NotificationKind.BOOKING_CONFIRMED_GUEST, booking))
			.rows()
			.forEach(row -> row
				.forEach(button -> assertThat(kz.zhilyego.chatbot.CallbackData.bytes(String.valueOf(button.action())))
					.isLessThanOrEqualTo(64)));
	}

	private static TelegramDelivery.Message message(NotificationKind kind, String booking) {
		return new TelegramDelivery.Message("1", 1L, kind, Language.RU, "x", Map.of("bookingId", booking));
	}

	private static java.util.List<String> actions(TelegramNotifications notifications, NotificationKind kind,
			String booking) {
		return notifications.buttons(message(kind, booking))
			.rows()
			.stream()
			.flatMap(java.util.List::stream)
			.map(Button::action)
			.toList();
	}

}
