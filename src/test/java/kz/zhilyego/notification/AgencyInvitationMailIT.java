package kz.zhilyego.notification;

import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.common.Language;
import kz.zhilyego.identity.AgencyTeam;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A realtor invited from the team page gets an e-mail over real SMTP (GreenMail): in the
 * language of the account with that address, or the page's for a newcomer, naming the
 * agency and who invited, with the link and until when it works in Astana time.
 */
@IntegrationTest
class AgencyInvitationMailIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AgencyTeam team;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	long head;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long agency = identity.agency("Алтын Үй");
		this.head = identity.superAdmin("mail-head@test.kz", agency);
		this.jdbc.sql("update users set name = 'Динара Ахметова' where id = :id").param("id", this.head).update();
		long known = identity.user("known@test.kz");
		this.jdbc.sql("update users set language = 'en' where id = :id").param("id", known).update();
	}

	@Test
	void theInvitedGetAMailInTheirLanguageWithTheLinkAndItsDeadlineInAstanaTime() throws Exception {
		var head = new IdentityFixtures(this.context).currentUser(this.head);
		this.team.invite(head, "newcomer@test.kz", "Айбек", Language.KK);
		this.team.invite(head, "known@test.kz", null, Language.RU);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from notification_outbox where kind = 'AGENCY_INVITATION'")
				.query(Long.class)
				.single() == 2);
		this.dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 2);

		// the clock starts at 2026-12-01 10:00 in Astana; the link works for 7 days
		MimeMessage kk = mailTo("newcomer@test.kz");
		assertThat(kk.getSubject()).isEqualTo("«Алтын Үй» агенттігі сізді ЖильеGO-дағы командасына шақырады");
		assertThat(decoded(kk)).contains("Сәлеметсіз бе!")
			.contains("Динара Ахметова")
			.contains("Сілтеме жарамды (Астана уақыты): 08.12.2026 10:00")
			.contains("/invitations/")
			.contains("Шақыруды ашу")
			.doesNotContain("Открыть");
		MimeMessage en = mailTo("known@test.kz");
		assertThat(en.getSubject()).isEqualTo("Алтын Үй invites you to its team on ЖильеGO");
		assertThat(decoded(en)).contains("Hello!")
			.contains("Invited by")
			.contains("The link works until (Astana time): 08.12.2026 10:00")
			.contains("Open the invitation");
	}

	private static MimeMessage mailTo(String address) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message;
			}
		}
		throw new AssertionError("No mail to " + address);
	}

	private static String decoded(MimeMessage message) throws Exception {
		return String.join("\n", EmailDeliveryIT.parts(message).values());
	}

}
