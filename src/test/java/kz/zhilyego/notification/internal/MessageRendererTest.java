package kz.zhilyego.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.zhilyego.common.Language;
import kz.zhilyego.notification.NotificationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRendererTest {

	private final MessageRenderer renderer = new MessageRenderer(messages());

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages", "i18n/notification");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static Map<String, String> params() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("bookingId", "ZH-77");
		params.put("listingTitle", "Loft <A&B>");
		params.put("checkIn", "12.12.2026");
		params.put("checkOut", "15.12.2026");
		params.put("total", "54 000");
		params.put("currency", "KZT");
		params.put("reason", "Guest's plans changed");
		params.put("retryUrl", "http://localhost:8080/pay/77");
		return params;
	}

	@ParameterizedTest
	@EnumSource(NotificationKind.class)
	void everyKindRendersInEveryLanguageWithoutUnresolvedPlaceholders(NotificationKind kind) {
		for (Language language : Language.values()) {
			RenderedMessage message = this.renderer.render(kind, language, params(), Map.of());
			assertThat(message.subject()).isNotBlank().doesNotContain("{", "notification.");
			for (String body : new String[] { message.text(), message.html(), message.telegramHtml() }) {
				assertThat(body).doesNotContain("notification.", "??", "[(", "th:text", "th:if", "th:block");
			}
		}
	}

	@Test
	void theSameMessageSpeaksTheRecipientsLanguage() {
		assertThat(this.renderer.render(NotificationKind.BOOKING_CANCELLED_GUEST, Language.RU, params(), Map.of())
			.subject()).isEqualTo("Бронирование ZH-77 отменено");
		assertThat(this.renderer.render(NotificationKind.BOOKING_CANCELLED_GUEST, Language.KK, params(), Map.of())
			.subject()).isEqualTo("ZH-77 брондауы жойылды");
		RenderedMessage english = this.renderer.render(NotificationKind.BOOKING_CANCELLED_GUEST, Language.EN, params(),
				Map.of());
		assertThat(english.subject()).isEqualTo("Booking ZH-77 is cancelled");
		assertThat(english.text()).contains("Reason: Guest's plans changed", "Total: 54 000 KZT");
	}

	@Test
	void telegramTextIsEscapedForHtmlParseMode() {
		RenderedMessage message = this.renderer.render(NotificationKind.BOOKING_CONFIRMED_GUEST, Language.EN, params(),
				Map.of());

		assertThat(message.telegramHtml()).startsWith("<b>Your booking is confirmed</b>")
			.contains("Place: <b>Loft &lt;A&amp;B&gt;</b>")
			.contains("Guest&#39;s plans changed")
			.doesNotContain("<A&B>");
		assertThat(message.html()).contains("Loft &lt;A&amp;B&gt;");
	}

	@Test
	void codesGoIntoTheBodiesOnlyAndCanBeMasked() {
		RenderedMessage message = this.renderer.render(NotificationKind.REMINDER_CHECK_IN_DAY, Language.RU, params(),
				Map.of("intercomCode", "4711", "safeCode", "8642"));

		assertThat(message.subject()).doesNotContain("4711", "8642");
		assertThat(message.text()).contains("Инструкция по заселению", "Код домофона: 4711",
				"Код сейфа для ключей: 8642");
		assertThat(message.telegramHtml()).contains("<code>4711</code>");
		assertThat(message.html()).contains("4711");
		assertThat(message.whatsAppParams()).doesNotContain("4711", "8642");
		assertThat(message.masked(message.text())).doesNotContain("4711", "8642").contains("••••");
	}

	@Test
	void withoutCodesThereIsNoInstructionsSection() {
		RenderedMessage message = this.renderer.render(NotificationKind.REMINDER_CHECK_IN_DAY, Language.RU, params(),
				Map.of());

		assertThat(message.text()).doesNotContain("Инструкция по заселению");
		assertThat(message.html()).doesNotContain("Инструкция по заселению");
	}

	@Test
	void theMainActionIsTheFirstLinkPresent() {
		RenderedMessage message = this.renderer.render(NotificationKind.PAYMENT_FAILED_GUEST, Language.EN, params(),
				Map.of());

		assertThat(message.link()).isEqualTo("http://localhost:8080/pay/77");
		assertThat(message.text()).contains("Pay again: http://localhost:8080/pay/77");
		assertThat(message.telegramHtml()).contains("<a href=\"http://localhost:8080/pay/77\">Pay again</a>");
		assertThat(message.whatsAppParams()).containsExactly("ZH-77", "Loft <A&B>", "http://localhost:8080/pay/77");
	}

	@Test
	void anInvitationNamesTheAgencyAndLinksToTheInvitation() {
		Map<String, String> params = Map.of("agencyName", "Астана Риэлт", "inviterName", "Айгерим", "expiresAt",
				"08.12.2026 10:00", "invitationUrl", "https://zhilyego.kz/invitations/abc");

		RenderedMessage message = this.renderer.render(NotificationKind.AGENCY_INVITATION, Language.RU, params,
				Map.of());

		assertThat(message.subject()).isEqualTo("Агентство «Астана Риэлт» приглашает вас в команду на ЖильеGO");
		assertThat(message.link()).isEqualTo("https://zhilyego.kz/invitations/abc");
		assertThat(message.text()).contains("Пригласил: Айгерим",
				"Ссылка действует до (время Астаны): 08.12.2026 10:00",
				"Открыть приглашение: https://zhilyego.kz/invitations/abc");
	}

}
