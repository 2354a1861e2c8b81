package kz.zhilyego.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.TestPorts;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mail over real SMTP (GreenMail on the test profile's port). */
@IntegrationTest
class EmailDeliveryIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Notifications notifications;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	NotificationTestConfig.TestSecretParams secrets;

	NotificationFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.secrets.reset();
		this.fixtures = new NotificationFixtures(this.jdbc, this.transactionManager, this.notifications);
	}

	@Test
	void theGuestReceivesTheConfirmationAsHtmlAndTextInTheirLanguageWithBookingNumberDatesAndTotal() throws Exception {
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-1042", 7L, Language.KK)
			.email("guest@example.kz");
		assertThat(this.fixtures.enqueue(message)).isTrue();

		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("guest@example.kz");
		assertThat(mail.getFrom()[0].toString()).contains("no-reply@zhilyego.kz");
		assertThat(mail.getSubject()).isEqualTo("ZH-1042 брондауы расталды");
		Map<String, String> parts = parts(mail);
		assertThat(parts).containsKeys("text/plain", "text/html");
		for (String body : parts.values()) {
			assertThat(body).contains("ZH-1042", "12.12.2026", "15.12.2026", "54 000 KZT", "Брондау нөмірі",
					"Студия у Байтерека");
		}
		assertThat(parts.get("text/html")).contains("<a href=\"http://localhost:8080/bookings/ZH-1042\"");
		assertThat(this.fixtures.row(message.dedupKey()).status()).isEqualTo("SENT");
		assertThat(this.fixtures.row(message.dedupKey()).providerMessageId()).isNotBlank();
	}

	@Test
	void englishRecipientsGetEnglishTexts() throws Exception {
		this.fixtures.enqueue(NotificationFixtures.confirmation("ZH-7", 8L, Language.EN).email("tourist@example.com"));

		this.dispatcher.dispatchDue();

		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("Booking ZH-7 is confirmed");
		assertThat(parts(mail).get("text/plain")).contains("Booking number: ZH-7", "Check-in: 12.12.2026",
				"Total: 54 000 KZT");
	}

	@Test
	void accessCodesAreResolvedAtSendTimeAndAppearInTheBodyOnlyNeverInTheSubjectOrTheOutboxRow() throws Exception {
		this.secrets.grant("booking:b-1", 7L, Map.of("intercomCode", "4711", "flatCode", "93528", "safeCode", "8642"));
		OutgoingMessage forGuest = NotificationFixtures.confirmation("ZH-1", 7L, Language.RU)
			.secretRef("booking:b-1")
			.email("guest@example.kz");
		OutgoingMessage forSomeoneElse = NotificationFixtures.confirmation("ZH-1-copy", 9L, Language.RU)
			.secretRef("booking:b-1")
			.email("other@example.kz");
		this.fixtures.enqueue(forGuest);
		this.fixtures.enqueue(forSomeoneElse);

		this.dispatcher.dispatchDue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		for (MimeMessage mail : received) {
			assertThat(mail.getSubject()).doesNotContain("4711", "93528", "8642");
			Map<String, String> parts = parts(mail);
			if (mail.getAllRecipients()[0].toString().equals("guest@example.kz")) {
				assertThat(parts.get("text/plain")).contains("Код домофона: 4711", "Код двери: 93528",
						"Код сейфа для ключей: 8642");
				assertThat(parts.get("text/html")).contains("4711", "93528", "8642");
			}
			else {
				assertThat(String.join("", parts.values())).doesNotContain("4711", "93528", "8642",
						"Инструкция по заселению");
			}
		}
		assertThat(this.fixtures.wholeRow(forGuest.dedupKey())).doesNotContain("4711", "93528", "8642")
			.contains("booking:b-1");
		assertThat(this.secrets.calls).containsExactlyInAnyOrder("booking:b-1|7|EMAIL", "booking:b-1|9|EMAIL");
	}

	static Map<String, String> parts(Part part) throws Exception {
		Map<String, String> found = new java.util.LinkedHashMap<>();
		collect(part, found);
		return found;
	}

	private static void collect(Part part, Map<String, String> found) throws Exception {
		if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
			found.put(part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT),
					part.getContent().toString());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			List<BodyPart> children = new ArrayList<>();
			for (int i = 0; i < multipart.getCount(); i++) {
				children.add(multipart.getBodyPart(i));
			}
			for (BodyPart child : children) {
				collect(child, found);
			}
		}
	}

}
