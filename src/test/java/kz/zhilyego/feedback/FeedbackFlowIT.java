package kz.zhilyego.feedback;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.booking.ExternalStays;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.channel.ChannelFixtures;
import kz.zhilyego.channel.PageSession;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.Reminders;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feedback by e-mail (GreenMail) for stays booked elsewhere: the stay completes after its
 * check-out, the request goes out three hours later inside 10:00–21:00 Astana with five
 * one-click links; a 5 gets the review sites, a 3 the question, whose answer reaches the
 * realtor as a follow-up (e-mail, workspace, numbers); one reminder at most; a late run
 * outside the window waits for it.
 */
@IntegrationTest
class FeedbackFlowIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final Pattern RATE_LINK = Pattern
		.compile("http://localhost:8080(/feedback/[A-Za-z0-9_-]+)\\?rating=(\\d)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	ExternalStays stays;

	@Autowired
	Reminders reminders;

	@Autowired
	Dispatcher dispatcher;

	Api api;

	IdentityFixtures identity;

	long realtor;

	long listing;

	ChannelFixtures.Connection connection;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.identity = new IdentityFixtures(this.context);
		this.realtor = this.identity.realtor("realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing()
			.owner(this.realtor)
			.title("Студия у Байтерека")
			.create();
		this.connection = ChannelFixtures.connect(this.api, bearer(), "Bukza", List.of(this.listing), Map.of());
		assertThat(
				this.api
					.put("/api/v1/realtor/listings/" + this.listing + "/review-links",
							Map.of("twoGis", "https://2gis.kz/astana/firm/70000001", "googleMaps",
									"https://maps.google.com/?cid=123", "ownForm", true),
							"Authorization", bearer())
					.status())
			.isEqualTo(200);
	}

	@Test
	void aFiveGetsTheReviewSitesAThreeTheQuestionAndTheAnswerReachesTheRealtor() throws Exception {
		UUID happy = stay("F-1", "2026-12-10", "2026-12-13", "happy@example.kz", "+77010000011");
		UUID unhappy = stay("F-2", "2026-12-05", "2026-12-08", "unhappy@example.kz", "+77010000012");
		// the day before arrival (check-in 14:00 Astana): the reminder reaches the guest
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Instant.parse("2026-12-09T09:00:00Z").equals(due(happy, "BEFORE_CHECK_IN")));
		this.clock.set(Instant.parse("2026-12-09T09:00:00Z"));
		this.reminders.fireDue();
		this.dispatcher.dispatchDue();
		assertThat(mailTo("happy@example.kz", "Студия у Байтерека")).contains("Заезд завтра");
		assertThat(status(happy, "BEFORE_CHECK_IN")).isEqualTo("FIRED");
		assertThat(sent(happy, "FEEDBACK_REQUEST")).as("no question before the stay").isZero();
		// check-out day, 12:00 in Astana: both stays end and are completed by the job
		this.clock.set(Instant.parse("2026-12-13T07:00:00Z"));
		assertThat(this.stays.completeEnded()).isEqualTo(2);
		awaitRequestDue(happy, "2026-12-13T10:00:00Z");
		awaitRequestDue(unhappy, "2026-12-13T10:00:00Z");

		this.clock.set(Instant.parse("2026-12-13T10:00:00Z"));
		this.reminders.fireDue();
		this.dispatcher.dispatchDue();

		String happyMail = mailTo("happy@example.kz", "Студия у Байтерека");
		Map<Integer, String> happyLinks = links(happyMail);
		assertThat(happyLinks).containsOnlyKeys(1, 2, 3, 4, 5);
		// a link opened (a mail scanner, or the guest) records nothing by itself
		PageSession guest = PageSession.anonymous(this.port);
		HttpResponse<String> opened = guest.get(happyLinks.get(5) + "?rating=5");
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).contains("confirm-rating");
		assertThat(rating(happy)).isNull();
		// the one click: the page posts the rating
		HttpResponse<String> rated = guest.post(happyLinks.get(5), "rating=5");
		assertThat(rated.statusCode()).isEqualTo(302);
		HttpResponse<String> thanks = guest.get(happyLinks.get(5));
		assertThat(thanks.body())
			.contains("review-sites", "https://2gis.kz/astana/firm/70000001", "https://maps.google.com/?cid=123",
					"/account/bookings/" + happy + "/review")
			.doesNotContain("comment-form");
		assertThat(rating(happy)).isEqualTo(5);
		assertThat(status(happy, "FEEDBACK_REMINDER")).isEqualTo("CANCELLED");

		Map<Integer, String> unhappyLinks = links(mailTo("unhappy@example.kz", "Студия у Байтерека"));
		PageSession other = PageSession.anonymous(this.port);
		other.get(unhappyLinks.get(3) + "?rating=3");
		other.post(unhappyLinks.get(3), "rating=3");
		HttpResponse<String> question = other.get(unhappyLinks.get(3));
		assertThat(question.body()).contains("comment-form").doesNotContain("review-sites");
		assertThat(other.post(unhappyLinks.get(3) + "/comment", "comment=" + PageSessionForms.encode("Шумные соседи"))
			.statusCode()).isEqualTo(302);
		assertThat(other.get(unhappyLinks.get(3)).body()).contains("comment-thanks");

		this.dispatcher.dispatchDue();
		assertThat(mailTo("realtor@test.kz", "Шумные соседи")).contains("3 / 5", "14.12.2026 15:00");
		Api.Response listed = this.api.get("/api/v1/realtor/feedback", "Authorization", bearer());
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode followUps = listed.json();
		assertThat(followUps.get("items")).singleElement().satisfies(item -> {
			assertThat(item.get("comment").asString()).isEqualTo("Шумные соседи");
			assertThat(item.get("rating").asInt()).isEqualTo(3);
			assertThat(item.get("overdue").asBoolean()).isFalse();
			assertThat(item.get("dueAt").asString()).isEqualTo("2026-12-14T10:00:00Z");
		});
		JsonNode stats = this.api
			.get("/api/v1/realtor/analytics/feedback?from=2026-12-01&to=2026-12-31", "Authorization", bearer())
			.json();
		assertThat(stats.get("requests").asLong()).isEqualTo(2);
		assertThat(stats.get("responseRate").decimalValue()).isEqualByComparingTo("100.0");
		assertThat(stats.get("average").decimalValue()).isEqualByComparingTo("4.00");
		assertThat(stats.get("distribution").get("3").asLong()).isEqualTo(1);
		assertThat(stats.get("distribution").get("5").asLong()).isEqualTo(1);
		assertThat(stats.get("openFollowUps").asLong()).isEqualTo(1);

		// a day later the follow-up is overdue; the realtor resolves it
		this.clock.advance(Duration.ofHours(25));
		assertThat(this.api.get("/api/v1/realtor/feedback", "Authorization", bearer())
			.json()
			.get("items")
			.get(0)
			.get("overdue")
			.asBoolean()).isTrue();
		long id = followUps.get("items").get(0).get("id").asLong();
		assertThat(this.api
			.post("/api/v1/realtor/feedback/" + id + "/resolve", Map.of("note", "Позвонили, извинились"),
					"Authorization", bearer())
			.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/realtor/feedback", "Authorization", bearer()).json().get("total").asLong())
			.isZero();
	}

	@Test
	void anUnansweredRequestGetsOneReminderAndALateRunWaitsForTheWindow() throws Exception {
		UUID booking = stay("F-3", "2026-12-10", "2026-12-13", "quiet@example.kz", "+77010000013");
		// the job runs late, at 19:30: three hours later is 22:30, so the request waits
		// for 10:00 the next morning
		this.clock.set(Instant.parse("2026-12-13T14:30:00Z"));
		this.stays.completeEnded();
		awaitRequestDue(booking, "2026-12-14T05:00:00Z");

		// the reminder job itself runs late too (23:00): nothing goes out at night
		this.clock.set(Instant.parse("2026-12-14T18:00:00Z"));
		this.reminders.fireDue();
		assertThat(sent(booking, "FEEDBACK_REQUEST")).isZero();
		assertThat(due(booking, "FEEDBACK_REQUEST")).isEqualTo(Instant.parse("2026-12-15T05:00:00Z"));

		this.clock.set(Instant.parse("2026-12-15T05:00:00Z"));
		this.reminders.fireDue();
		assertThat(sent(booking, "FEEDBACK_REQUEST")).isPositive();
		assertThat(due(booking, "FEEDBACK_REMINDER")).isEqualTo(Instant.parse("2026-12-16T05:00:00Z"));

		this.clock.set(Instant.parse("2026-12-16T05:00:00Z"));
		this.reminders.fireDue();
		this.clock.set(Instant.parse("2026-12-20T06:00:00Z"));
		this.reminders.fireDue();
		assertThat(this.jdbc.sql("""
				select count(*) from notification_outbox
				where booking_id = :id and kind = 'FEEDBACK_REMINDER' and channel = 'EMAIL'
				""").param("id", booking).query(Long.class).single()).as("one reminder at most").isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from notification_reminders where booking_id = :id"
					+ " and kind like 'FEEDBACK%' and status = 'PENDING'")
			.param("id", booking)
			.query(Long.class)
			.single()).isZero();
	}

	/** A token minted at the test clock's now (tokens live 15 minutes of it). */
	private String bearer() {
		return this.identity.bearer(this.realtor);
	}

	private UUID stay(String ref, String checkIn, String checkOut, String email, String phone) {
		Api.Response response = ChannelFixtures.send(this.api, this.connection,
				ChannelFixtures.booking("booking.created", ref, this.listing, checkIn, checkOut, null, phone, email),
				this.clock.instant());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return UUID.fromString(response.json().get("bookingId").asString());
	}

	private void awaitRequestDue(UUID booking, String due) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Instant at = due(booking, "FEEDBACK_REQUEST");
			return at != null && at.equals(Instant.parse(due));
		});
	}

	private Instant due(UUID booking, String kind) {
		return this.jdbc.sql("select due_at from notification_reminders where booking_id = :id and kind = :kind")
			.param("id", booking)
			.param("kind", kind)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	private String status(UUID booking, String kind) {
		return this.jdbc.sql("select status from notification_reminders where booking_id = :id and kind = :kind")
			.param("id", booking)
			.param("kind", kind)
			.query(String.class)
			.single();
	}

	private long sent(UUID booking, String kind) {
		return this.jdbc.sql("select count(*) from notification_outbox where booking_id = :id and kind = :kind")
			.param("id", booking)
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

	private Integer rating(UUID booking) {
		return this.jdbc.sql("select rating from feedback_requests where booking_id = :id")
			.param("id", booking)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject("rating", Integer.class)))
			.single()
			.orElse(null);
	}

	private static Map<Integer, String> links(String mail) {
		Map<Integer, String> links = new java.util.TreeMap<>();
		Matcher m = RATE_LINK.matcher(mail);
		while (m.find()) {
			links.put(Integer.parseInt(m.group(2)), m.group(1));
		}
		return links;
	}

	private String mailTo(String address, String containing) throws Exception {
		List<String> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			String text = text(message);
			if (message.getAllRecipients()[0].toString().equals(address) && text.contains(containing)) {
				found.add(message.getSubject() + "\n" + text);
			}
		}
		assertThat(found).as("mail to " + address).isNotEmpty();
		return found.get(found.size() - 1);
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		Object content = part.getContent();
		return content instanceof String s ? s : "";
	}

	/** Form encoding for the comment. */
	static final class PageSessionForms {

		static String encode(String value) {
			return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
