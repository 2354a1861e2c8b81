package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * iCal import against a real local HTTP server serving Airbnb- and Booking.com-shaped
 * feeds (all-day events, a time zone, UTC, a cancelled event): the blocks follow the feed
 * as it changes, conditional requests save the re-read, a feed that 404s or never answers
 * is reported and keeps its blocks, an event on nights booked here is a conflict for the
 * realtor, and the scheduled job reads each due feed once even when two runs race.
 */
@IntegrationTest
class CalendarImportIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	CalendarImports imports;

	@Autowired
	MeterRegistry meters;

	Api api;

	String bearer;

	long realtor;

	long listing;

	FeedServer feeds;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.realtor = identity.realtor("realtor@test.kz", null);
		this.bearer = identity.bearer(this.realtor);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).create();
		this.feeds = new FeedServer();
	}

	@AfterEach
	void tearDown() {
		this.feeds.close();
	}

	@Test
	void airbnbAndBookingComFeedsBecomeBlocksThatFollowTheFeedAsItChanges() throws Exception {
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v1\"");
		this.feeds.serve("/booking.ics", feed("booking.ics"), "\"b1\"");
		long airbnb = add("Airbnb", "/airbnb.ics");
		long booking = add("Booking", "/booking.ics");

		JsonNode airbnbSync = sync(airbnb);
		JsonNode bookingSync = sync(booking);

		assertThat(airbnbSync.get("eventCount").asInt()).isEqualTo(2);
		assertThat(airbnbSync.get("blockedCount").asInt()).isEqualTo(2);
		assertThat(airbnbSync.get("lastError").isNull()).isTrue();
		assertThat(airbnbSync.get("lastSyncAt").isNull()).isFalse();
		assertThat(blocks("ical:Airbnb")).containsExactly("[2026-12-10,2026-12-13)", "[2026-12-18,2026-12-20)");
		// all-day, a Moscow date-time, 20:00 UTC (already the next day in Astana); the
		// cancelled event blocks nothing
		assertThat(bookingSync.get("eventCount").asInt()).isEqualTo(4);
		assertThat(blocks("ical:Booking")).containsExactly("[2026-12-03,2026-12-05)", "[2026-12-26,2026-12-29)",
				"[2027-01-05,2027-01-06)");
		long movedBlock = blockId("ical:Airbnb", "[2026-12-10,2026-12-13)");

		// nothing changed: the server answers 304 to the ETag and nothing moves
		sync(airbnb);
		assertThat(this.feeds.requests).contains("/airbnb.ics If-None-Match=\"v1\"");
		assertThat(blocks("ical:Airbnb")).containsExactly("[2026-12-10,2026-12-13)", "[2026-12-18,2026-12-20)");

		// one event moved, one gone, one new
		this.feeds.serve("/airbnb.ics",
				feed("airbnb.ics").replace("DTEND;VALUE=DATE:20261213", "DTEND;VALUE=DATE:20261214")
					.replace("DTSTART;VALUE=DATE:20261210", "DTSTART;VALUE=DATE:20261211")
					.replace("DTEND;VALUE=DATE:20261220", "DTEND;VALUE=DATE:20261224")
					.replace("DTSTART;VALUE=DATE:20261218", "DTSTART;VALUE=DATE:20261222")
					.replace("c5e8e1bb0b7a2cbdf0a1e4d0b6e3c2f1", "0d3f1a9e77c4b2a1e5f6a7b8c9d0e1f2"),
				"\"v2\"");
		JsonNode changed = sync(airbnb);

		assertThat(changed.get("lastChangedAt").isNull()).isFalse();
		assertThat(blocks("ical:Airbnb")).containsExactly("[2026-12-11,2026-12-14)", "[2026-12-22,2026-12-24)");
		assertThat(blockId("ical:Airbnb", "[2026-12-11,2026-12-14)")).as("the moved event keeps its block")
			.isEqualTo(movedBlock);
		assertThat(this.jdbc
			.sql("select count(*) from listing_blocks where source = 'ical:Airbnb'"
					+ " and removed_at is not null and lower(period) = '2026-12-18'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(overlaps()).isZero();

		JsonNode overview = this.api
			.get("/api/v1/realtor/listings/" + this.listing + "/ical", "Authorization", this.bearer)
			.json();
		assertThat(overview.get("exportUrl").asString()).matches("http://localhost:8080/ical/[A-Za-z0-9_-]{32}\\.ics");
		assertThat(overview.get("imports")).extracting(node -> node.get("name").asString())
			.containsExactly("Airbnb", "Booking");
	}

	@Test
	void aFeedThatIsGoneOrNeverAnswersIsReportedAndKeepsItsBlocks() throws Exception {
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v1\"");
		long airbnb = add("Airbnb", "/airbnb.ics");
		sync(airbnb);
		double failuresBefore = failures();

		this.feeds.fail("/airbnb.ics", 404);
		JsonNode gone = sync(airbnb);
		this.feeds.stall("/airbnb.ics");
		JsonNode stalled = sync(airbnb);

		assertThat(gone.get("lastError").asString()).isEqualTo("HTTP 404");
		assertThat(stalled.get("lastError").asString()).startsWith("timed out");
		assertThat(stalled.get("consecutiveFailures").asInt()).isEqualTo(2);
		assertThat(blocks("ical:Airbnb")).containsExactly("[2026-12-10,2026-12-13)", "[2026-12-18,2026-12-20)");
		assertThat(failures() - failuresBefore).isEqualTo(2);

		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v3\"");
		JsonNode back = sync(airbnb);
		assertThat(back.get("lastError").isNull()).isTrue();
		assertThat(back.get("consecutiveFailures").asInt()).isZero();
	}

	@Test
	void anEventOnNightsBookedHereIsAConflictForTheRealtorAndTheFreeNightsAreStillBlocked() throws Exception {
		new CatalogFixtures(this.jdbc).occupyByBooking(this.listing, LocalDate.of(2026, 12, 11),
				LocalDate.of(2026, 12, 12));
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v1\"");
		long airbnb = add("Airbnb", "/airbnb.ics");

		JsonNode first = sync(airbnb);
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v2\"");
		sync(airbnb);

		assertThat(first.get("conflictCount").asInt()).isEqualTo(1);
		assertThat(first.get("events")).filteredOn(e -> e.get("state").asString().equals("CONFLICT"))
			.singleElement()
			.satisfies(e -> assertThat(e.get("conflict").asString()).isEqualTo("BOOKING"));
		assertThat(blocks("ical:Airbnb")).containsExactly("[2026-12-10,2026-12-11)", "[2026-12-12,2026-12-13)",
				"[2026-12-18,2026-12-20)");
		assertThat(this.jdbc.sql("""
				select channel from notification_outbox
				where kind = 'CHANNEL_CONFLICT_REALTOR' and recipient_user_id = :realtor
				order by channel
				""").param("realtor", this.realtor).query(String.class).list()).as("alerted once")
			.containsExactly("EMAIL", "IN_APP");
		assertThat(overlaps()).isZero();

		java.net.http.HttpResponse<String> page = new PageSession(this.port)
			.signIn("realtor@test.kz", IdentityFixtures.PASSWORD)
			.get("/realtor/listings/" + this.listing + "/sync");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("zg-ical-conflict", "Airbnb");
	}

	@Test
	void aConflictIsOnTheSuperusersProblemsPageUntilTheFeedNoLongerHasItOrIsSwitchedOff() throws Exception {
		new CatalogFixtures(this.jdbc).occupyByBooking(this.listing, LocalDate.of(2026, 12, 11),
				LocalDate.of(2026, 12, 12));
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v1\"");
		long airbnb = add("Airbnb", "/airbnb.ics");
		sync(airbnb);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		String root = identity.bearer(identity.superuser("root@test.kz"));

		JsonNode item = calendarProblems(root).get("items").get(0);
		assertThat(calendarProblems(root).get("count").asLong()).isEqualTo(1);
		assertThat(item.get("titleArgs")).extracting(JsonNode::asString)
			.containsExactly(title(), "Airbnb", "2026-12-10", "2026-12-13");
		assertThat(item.get("link").asString()).isEqualTo("/realtor/listings/" + this.listing + "/sync");
		String key = item.get("key").asString();
		assertThat(key).matches("\\d+-[0-9a-f]{16}");

		// read again while the outside calendar still has the event: the entry stays
		Api.Response still = this.api.post("/api/v1/admin/problems/calendars/" + key + "/sync", "{}", "Authorization",
				root);
		assertThat(still.status()).as(still.body()).isEqualTo(200);
		assertThat(still.json().get("messageKey").asString()).isEqualTo("attention.calendar.stillConflicting");
		assertThat(calendarProblems(root).get("count").asLong()).isEqualTo(1);
		assertThat(
				this.api.post("/api/v1/admin/problems/calendars/" + key + "/sync", "{}", "Authorization", this.bearer)
					.status())
			.as("a realtor cannot act on the platform's problems")
			.isEqualTo(403);

		// the outside booking moved away: reading again closes the entry
		this.feeds.serve("/airbnb.ics",
				feed("airbnb.ics").replace("DTSTART;VALUE=DATE:20261210", "DTSTART;VALUE=DATE:20261212"), "\"v2\"");
		Api.Response resolved = this.api.post("/api/v1/admin/problems/calendars/" + key + "/sync", "{}",
				"Authorization", root);
		assertThat(resolved.json().get("messageKey").asString()).isEqualTo("attention.calendar.resolved");
		assertThat(calendarProblems(root).get("count").asLong()).isZero();
		assertThat(this.api.post("/api/v1/admin/problems/calendars/" + key + "/sync", "{}", "Authorization", root)
			.status()).as("a closed entry").isEqualTo(409);

		// back again, then the superuser switches the feed off: a reason is required
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v3\"");
		sync(airbnb);
		String again = calendarProblems(root).get("items").get(0).get("key").asString();
		assertThat(this.api.post("/api/v1/admin/problems/calendars/" + again + "/remove", "{}", "Authorization", root)
			.status()).isEqualTo(400);
		assertThat(blocks("ical:Airbnb")).isNotEmpty();
		Api.Response removed = this.api.post("/api/v1/admin/problems/calendars/" + again + "/remove",
				Map.of("note", "Двойная продажа с Airbnb"), "Authorization", root);
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(removed.json().get("messageKey").asString()).isEqualTo("attention.calendar.removed");
		assertThat(blocks("ical:Airbnb")).as("its nights are free").isEmpty();
		assertThat(calendarProblems(root).get("count").asLong()).isZero();
		assertThat(this.jdbc
			.sql("""
					select count(*) from audit_log
					where action = 'problem.action' and subject_type = 'calendars' and details::text like '%Двойная продажа%'
					""")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private JsonNode calendarProblems(String bearer) {
		Api.Response response = this.api.get("/api/v1/admin/problems", "Authorization", bearer);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode section : response.json()) {
			if (section.get("source").asString().equals("calendars")) {
				return section;
			}
		}
		throw new AssertionError("no calendars section: " + response.body());
	}

	private String title() {
		return this.jdbc.sql("select title from listings where id = :id")
			.param("id", this.listing)
			.query(String.class)
			.single();
	}

	@Test
	void theJobReadsEachDueFeedOnceEvenWhenTwoRunsRace() throws Exception {
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v1\"");
		add("Airbnb", "/airbnb.ics");
		CountDownLatch start = new CountDownLatch(1);
		int read;
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> runs = List.of(pool.submit(() -> {
				start.await();
				return this.imports.syncDue();
			}), pool.submit(() -> {
				start.await();
				return this.imports.syncDue();
			}));
			start.countDown();
			read = runs.get(0).get(30, TimeUnit.SECONDS) + runs.get(1).get(30, TimeUnit.SECONDS);
		}

		assertThat(read).isEqualTo(1);
		assertThat(this.feeds.requests).hasSize(1);
		assertThat(blocks("ical:Airbnb")).hasSize(2);
		// not due again until the refresh interval has passed
		assertThat(this.imports.syncDue()).isZero();
		this.clock.advance(java.time.Duration.ofMinutes(31));
		assertThat(this.imports.syncDue()).isEqualTo(1);
	}

	@Test
	void aDeletedImportFreesItsNightsAndABadUrlIsAFieldError() throws Exception {
		this.feeds.serve("/airbnb.ics", feed("airbnb.ics"), "\"v1\"");
		long airbnb = add("Airbnb", "/airbnb.ics");
		sync(airbnb);

		Api.Response ftp = this.api.post("/api/v1/realtor/listings/" + this.listing + "/ical-imports",
				Map.of("name", "Other", "url", "ftp://example.kz/cal.ics"), "Authorization", this.bearer);
		Api.Response twice = this.api.post("/api/v1/realtor/listings/" + this.listing + "/ical-imports",
				Map.of("name", "airbnb", "url", this.feeds.url("/x.ics")), "Authorization", this.bearer);
		Api.Response deleted = this.api.delete("/api/v1/realtor/listings/" + this.listing + "/ical-imports/" + airbnb,
				"Authorization", this.bearer);

		assertThat(ftp.status()).isEqualTo(400);
		assertThat(ftp.json().get("errors").get("url").asString()).isNotBlank();
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.json().get("errors").has("name")).isTrue();
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(blocks("ical:Airbnb")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from occupancies where listing_id = :l")
			.param("l", this.listing)
			.query(Long.class)
			.single()).isZero();
	}

	private long add(String name, String path) {
		Api.Response response = this.api.post("/api/v1/realtor/listings/" + this.listing + "/ical-imports",
				Map.of("name", name, "url", this.feeds.url(path)), "Authorization", this.bearer);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private JsonNode sync(long importId) {
		Api.Response response = this.api.post(
				"/api/v1/realtor/listings/" + this.listing + "/ical-imports/" + importId + "/sync", "{}",
				"Authorization", this.bearer);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> blocks(String source) {
		return this.jdbc.sql("""
				select b.period::text from listing_blocks b join occupancies o on o.block_id = b.id
				where b.listing_id = :listing and b.source = :source and b.removed_at is null
				order by lower(b.period)
				""").param("listing", this.listing).param("source", source).query(String.class).list();
	}

	private long blockId(String source, String period) {
		return this.jdbc.sql("""
				select id from listing_blocks
				where listing_id = :listing and source = :source and removed_at is null and period::text = :period
				""")
			.param("listing", this.listing)
			.param("source", source)
			.param("period", period)
			.query(Long.class)
			.single();
	}

	private long overlaps() {
		return this.jdbc.sql("""
				select count(*) from (
				  select period && lag(period) over (partition by listing_id order by lower(period), id) as clash
				  from occupancies
				) x where clash
				""").query(Long.class).single();
	}

	private double failures() {
		return this.meters.counter("zhilyego.integrations.sync.failures", "integration", "ical").count();
	}

	static String feed(String name) throws Exception {
		return new String(FeedParserTest.resource(name), StandardCharsets.UTF_8);
	}

}
