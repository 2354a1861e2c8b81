package kz.zhilyego.notification;

import kz.zhilyego.TestPorts;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import kz.zhilyego.notification.FakeHttpServer.Answer;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** WhatsApp Cloud API template messages against a fake Graph API on the test port. */
@IntegrationTest
class WhatsAppDeliveryIT {

	static FakeHttpServer graphApi;

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

	@BeforeAll
	static void startGraphApi() {
		graphApi = new FakeHttpServer(TestPorts.WHATSAPP);
	}

	@AfterAll
	static void stopGraphApi() {
		graphApi.close();
	}

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.secrets.reset();
		graphApi.clear();
		this.fixtures = new NotificationFixtures(this.jdbc, this.transactionManager, this.notifications);
	}

	@Test
	void sendsTheKindsTemplateInTheRecipientsLanguageWithOrderedBodyParameters() {
		graphApi.answer(request -> new Answer(200,
				"{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"77011234567\",\"wa_id\":\"77011234567\"}],"
						+ "\"messages\":[{\"id\":\"wamid.HBgL\"}]}"));
		this.secrets.grant("booking:b-9", 7L, java.util.Map.of("flatCode", "93528"));
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-9", 7L, Language.KK)
			.secretRef("booking:b-9")
			.whatsApp("+77011234567");
		this.fixtures.enqueue(message);

		this.dispatcher.dispatchDue();

		assertThat(graphApi.requests()).hasSize(1);
		FakeHttpServer.Request request = graphApi.requests().get(0);
		assertThat(request.path()).isEqualTo("/v23.0/1098765432/messages");
		assertThat(request.authorization()).isEqualTo("Bearer test-whatsapp-token");
		String expected = """
				{"messaging_product":"whatsapp","recipient_type":"individual","to":"77011234567","type":"template",
				 "template":{"name":"zhilyego_booking_confirmed_guest",
				   "language":{"policy":"deterministic","code":"kk"},
				   "components":[{"type":"body","parameters":[
				     {"type":"text","text":"ZH-9"},{"type":"text","text":"Студия у Байтерека"},
				     {"type":"text","text":"12.12.2026"},{"type":"text","text":"15.12.2026"},
				     {"type":"text","text":"54 000 KZT"}]}]}}
				""";
		JsonMapper json = JsonMapper.builder().build();
		assertThat(request.json()).isEqualTo(json.readTree(expected));
		assertThat(request.body()).doesNotContain("93528");
		NotificationFixtures.Row row = this.fixtures.row(message.dedupKey());
		assertThat(row.status()).isEqualTo("SENT");
		assertThat(row.providerMessageId()).isEqualTo("wamid.HBgL");
	}

	@Test
	void aTemplateTheApiRefusesIsParkedWithTheProvidersReason() {
		graphApi.answer(request -> new Answer(400,
				"{\"error\":{\"message\":\"(#132018) There was an issue with the parameters in your template.\","
						+ "\"type\":\"OAuthException\",\"code\":132018}}"));
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-10", 7L, Language.RU).whatsApp("+77011234567");
		this.fixtures.enqueue(message);

		this.dispatcher.dispatchDue();

		NotificationFixtures.Row row = this.fixtures.row(message.dedupKey());
		assertThat(row.status()).isEqualTo("DEAD");
		assertThat(row.lastError()).contains("132018");
	}

}
