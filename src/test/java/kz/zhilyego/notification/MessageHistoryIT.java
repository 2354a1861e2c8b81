package kz.zhilyego.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.channel.ChannelFixtures;
import kz.zhilyego.channel.PageSession;
import kz.zhilyego.identity.IdentityFixtures;
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
 * The message history of a booking made elsewhere: its guest reads their own messages in
 * the cabinet (never the staff's, never provider errors), staff read the booking's
 * messages and scheduled jobs on the booking desk (cancelled with the booking), the
 * superuser searches everything with filters; a bad filter is a problem on the API and a
 * styled page on the web.
 */
@IntegrationTest
class MessageHistoryIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	Dispatcher dispatcher;

	Api api;

	IdentityFixtures identity;

	long realtor;

	long guest;

	long superuser;

	ChannelFixtures.Connection connection;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.identity = new IdentityFixtures(this.context);
		this.realtor = this.identity.realtor("realtor@test.kz", null);
		this.guest = this.identity.user("guest@test.kz");
		this.superuser = this.identity.superuser("root@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).create();
		this.connection = ChannelFixtures.connect(this.api, this.identity.bearer(this.realtor), "Bukza",
				List.of(this.listing), Map.of());
	}

	@Test
	void theGuestStaffAndSuperuserEachSeeTheirPartOfTheHistory() {
		UUID booking = book("H-1", "2026-12-10", "2026-12-13");
		UUID other = book("H-2", "2026-12-20", "2026-12-22");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jobs(booking) == 3 && jobs(other) == 3 && confirmationEmails() == 4);
		this.dispatcher.dispatchDue();

		// the guest: their own messages, newest first, without provider errors
		JsonNode mine = this.api.get("/api/v1/me/messages", "Authorization", this.identity.bearer(this.guest)).json();
		assertThat(mine.get("total").asLong()).isPositive();
		List<String> recipients = new ArrayList<>();
		for (JsonNode item : mine.get("items")) {
			assertThat(item.has("lastError")).isFalse();
			assertThat(item.get("bookingId").asString()).isIn(booking.toString(), other.toString());
			recipients.add(item.get("kind").asString());
		}
		assertThat(recipients).contains("BOOKING_CONFIRMED_GUEST").noneMatch(kind -> kind.endsWith("_REALTOR"));
		JsonNode email = this.api
			.get("/api/v1/me/messages?channel=EMAIL", "Authorization", this.identity.bearer(this.guest))
			.json();
		assertThat(email.get("items")).isNotEmpty().allSatisfy(item -> {
			assertThat(item.get("channel").asString()).isEqualTo("EMAIL");
			assertThat(item.get("address").asString()).isEqualTo("guest@test.kz");
			assertThat(item.get("status").asString()).isEqualTo("SENT");
			assertThat(item.get("attempts").asInt()).isEqualTo(1);
			assertThat(item.get("sentAt").isNull()).isFalse();
		});
		PageSession cabinet = new PageSession(this.port).signIn("guest@test.kz", IdentityFixtures.PASSWORD);
		assertThat(cabinet.get("/account/messages").body())
			.contains("data-kind=\"BOOKING_CONFIRMED_GUEST\" data-channel=\"EMAIL\" data-status=\"SENT\"")
			.doesNotContain("_REALTOR");

		// staff on the booking desk: the booking's messages to guest and realtor, and its
		// jobs
		String staff = this.identity.bearer(this.realtor);
		JsonNode desk = this.api.get("/api/v1/realtor/bookings/" + booking + "/messages", "Authorization", staff)
			.json();
		List<String> kinds = new ArrayList<>();
		desk.get("messages").forEach(item -> {
			assertThat(item.get("bookingId").asString()).isEqualTo(booking.toString());
			kinds.add(item.get("kind").asString());
		});
		assertThat(kinds).contains("BOOKING_CONFIRMED_GUEST", "BOOKING_CONFIRMED_REALTOR");
		assertThat(desk.get("jobs")).hasSize(3)
			.allSatisfy(job -> assertThat(job.get("status").asString()).isEqualTo("PENDING"));
		assertThat(desk.get("jobs").get(0).get("kind").asString()).isEqualTo("BEFORE_CHECK_IN");
		PageSession realtorPages = new PageSession(this.port).signIn("realtor@test.kz", IdentityFixtures.PASSWORD);
		assertThat(realtorPages.get("/realtor/bookings/" + booking + "/messages").body()).contains("guest@test.kz",
				"data-kind=\"BOOKING_CONFIRMED_REALTOR\"", "data-kind=\"BEFORE_CHECK_IN\" data-status=\"PENDING\"");

		// cancelled from outside: its jobs are listed as cancelled, the other booking's
		// stay
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(ChannelFixtures
			.send(this.api, this.connection, ChannelFixtures.cancelled("H-1", null), this.clock.instant())
			.status()).isEqualTo(200);
		desk = this.api
			.get("/api/v1/realtor/bookings/" + booking + "/messages", "Authorization",
					this.identity.bearer(this.realtor))
			.json();
		assertThat(desk.get("jobs")).hasSize(3)
			.allSatisfy(job -> assertThat(job.get("status").asString()).isEqualTo("CANCELLED"));
		assertThat(jobs(other)).isEqualTo(3);

		// the superuser: everything, with filters
		String root = this.identity.bearer(this.superuser);
		JsonNode filtered = this.api
			.get("/api/v1/admin/messages?channel=EMAIL&status=sent&bookingId=" + other, "Authorization", root)
			.json();
		assertThat(filtered.get("total").asLong()).isPositive();
		assertThat(filtered.get("items")).allSatisfy(item -> {
			assertThat(item.get("channel").asString()).isEqualTo("EMAIL");
			assertThat(item.get("status").asString()).isEqualTo("SENT");
			assertThat(item.get("bookingId").asString()).isEqualTo(other.toString());
		});
		JsonNode toRealtor = this.api
			.get("/api/v1/admin/messages?kind=BOOKING_CONFIRMED_REALTOR&recipientId=" + this.realtor, "Authorization",
					root)
			.json();
		assertThat(toRealtor.get("total").asLong()).isPositive();
		assertThat(toRealtor.get("items"))
			.allSatisfy(item -> assertThat(item.get("recipientUserId").asLong()).isEqualTo(this.realtor));
		assertThat(this.api.get("/api/v1/admin/messages?from=2026-11-01&to=2026-11-30", "Authorization", root)
			.json()
			.get("total")
			.asLong()).isZero();

		Api.Response badStatus = this.api.get("/api/v1/admin/messages?status=LOST", "Authorization", root);
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.header("Content-Type")).startsWith("application/problem+json");
		assertThat(badStatus.body()).contains("status");
		assertThat(this.api.get("/api/v1/admin/messages?from=2026-12-10&to=2026-12-01", "Authorization", root).status())
			.isEqualTo(400);
		PageSession admin = new PageSession(this.port).signIn("root@test.kz", IdentityFixtures.PASSWORD);
		HttpResponse<String> page = admin.get("/admin/messages?status=LOST");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).doesNotContain("\"type\"", "Exception");
		HttpResponse<String> filteredPage = admin.get("/admin/messages?channel=EMAIL&bookingId=" + other);
		assertThat(filteredPage.statusCode()).isEqualTo(200);
		assertThat(filteredPage.body()).contains("guest@test.kz");
		// the filter form (fragments/filters) keeps the filter it was sent
		org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(filteredPage.body());
		assertThat(form.select("#f-channel option[selected]").eachAttr("value")).containsExactly("EMAIL");
		assertThat(form.select("#f-channel option").first().attr("value")).isEmpty();
		assertThat(form.select("#f-status option[selected]")).isEmpty();
		assertThat(form.selectFirst("#f-booking").attr("name")).isEqualTo("bookingId");
		assertThat(form.selectFirst("#f-booking").attr("value")).isEqualTo(other.toString());
		assertThat(form.selectFirst("#f-recipient").attr("inputmode")).isEqualTo("numeric");
		assertThat(form.selectFirst("#f-from").attr("type")).isEqualTo("date");
		assertThat(form.selectFirst("#message-filters button[type=submit]").text()).isNotBlank();
	}

	private UUID book(String ref, String checkIn, String checkOut) {
		Api.Response response = ChannelFixtures.send(this.api, this.connection,
				ChannelFixtures.booking("booking.created", ref, this.listing, checkIn, checkOut, null,
						this.identity.phone(this.guest), "guest@test.kz"),
				this.clock.instant());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return UUID.fromString(response.json().get("bookingId").asString());
	}

	private long jobs(UUID booking) {
		return this.jdbc
			.sql("select count(*) from notification_reminders where booking_id = :id and status = 'PENDING'")
			.param("id", booking)
			.query(Long.class)
			.single();
	}

	/** To the guest and the realtor, for each booking. */
	private long confirmationEmails() {
		return this.jdbc
			.sql("select count(*) from notification_outbox where kind like 'BOOKING_CONFIRMED_%' and channel = 'EMAIL'")
			.query(Long.class)
			.single();
	}

}
