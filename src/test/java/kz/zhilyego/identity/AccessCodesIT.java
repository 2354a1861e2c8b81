package kz.zhilyego.identity;

import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.internal.AccessCodeReencryption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccessCodesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	AccessCodes codes;

	@Autowired
	AccessCodeReencryption reencryption;

	Api api;

	IdentityFixtures fixtures;

	long realtor;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new IdentityFixtures(this.context);
		this.realtor = this.fixtures.realtor("realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).create();
	}

	@Test
	void codesAreStoredEncryptedAndNeverInPlainText() {
		this.codes.store(this.listing, new AccessCodeSet("45K1234", "77", "0912"),
				this.fixtures.currentUser(this.realtor));

		String row = this.jdbc.sql("select intercom || flat || safe from listing_access_codes where listing_id = :id")
			.param("id", this.listing)
			.query(String.class)
			.single();
		assertThat(row).doesNotContain("45K1234").doesNotContain("0912");
	}

	@Test
	void theRevealLogCsvParsesBackToTheRevealsWithoutTheCodes() throws Exception {
		long titled = new CatalogFixtures(this.jdbc).listing()
			.owner(this.realtor)
			.title("Студия \"У моря\", 2 эт.")
			.create();
		this.codes.store(titled, new AccessCodeSet("45K1234", "77", "0912"), this.fixtures.currentUser(this.realtor));
		long guest = this.fixtures.user("guest@test.kz");
		UUID booking = UUID.randomUUID();
		assertThat(this.codes.revealToGuest(titled, booking, guest, "telegram")).isPresent();
		this.clock.set(MutableClock.START.plusSeconds(60));
		assertThat(this.codes.revealToGuest(titled, booking, guest, "web")).isPresent();
		long superuser = this.fixtures.superuser("root@test.kz");

		Api.Response csv = this.api.get("/api/v1/admin/code-reveals.csv?listingId=" + titled, "Authorization",
				this.fixtures.bearer(superuser));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).doesNotContain("45K1234", "0912");
		java.util.List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT
			.parse(new java.io.StringReader(csv.body().replace("\uFEFF", "")))
			.getRecords();
		assertThat(rows.get(0).values()).containsExactly("id", "at", "listingId", "listing", "bookingId", "actorId",
				"actorName", "audience", "channel");
		assertThat(rows).hasSize(3);
		java.util.Set<String> channels = new java.util.HashSet<>();
		for (org.apache.commons.csv.CSVRecord row : rows.subList(1, 3)) {
			assertThat(row.get(2)).isEqualTo(String.valueOf(titled));
			assertThat(row.get(3)).as("quotes and commas survive").isEqualTo("Студия \"У моря\", 2 эт.");
			assertThat(row.get(4)).isEqualTo(booking.toString());
			assertThat(row.get(5)).isEqualTo(String.valueOf(guest));
			assertThat(row.get(7)).isEqualTo("GUEST");
			assertThat(row.get(1)).startsWith("2026-12-01");
			channels.add(row.get(8));
		}
		assertThat(channels).containsExactlyInAnyOrder("telegram", "web");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'report.exported' and actor_id = :root
				and subject_type = 'code-reveals'
				""").param("root", superuser).query(Long.class).single()).as("the export is audited").isEqualTo(1);
	}

	@Test
	void everyRevealToStaffOrGuestIsLoggedAndVisibleToTheSuperuser() {
		this.codes.store(this.listing, new AccessCodeSet("45K1234", "77", "0912"),
				this.fixtures.currentUser(this.realtor));
		long guest = this.fixtures.user("guest@test.kz");
		UUID booking = UUID.randomUUID();

		assertThat(this.api
			.get("/api/v1/access-codes/" + this.listing, "Authorization", this.fixtures.bearer(this.realtor))
			.json()
			.get("intercom")
			.asString()).isEqualTo("45K1234");
		assertThat(this.codes.revealToGuest(this.listing, booking, guest, "telegram").orElseThrow().safe())
			.isEqualTo("0912");

		long superuser = this.fixtures.superuser("root@test.kz");
		JsonNode reveals = this.api
			.get("/api/v1/admin/code-reveals?listingId=" + this.listing, "Authorization",
					this.fixtures.bearer(superuser))
			.json();
		assertThat(reveals.get("total").asLong()).isEqualTo(2);
		JsonNode guestReveal = reveals.get("items").get(0).get("audience").asString().equals("GUEST")
				? reveals.get("items").get(0) : reveals.get("items").get(1);
		assertThat(guestReveal.get("actorId").asLong()).isEqualTo(guest);
		assertThat(guestReveal.get("bookingId").asString()).isEqualTo(booking.toString());
		assertThat(guestReveal.get("channel").asString()).isEqualTo("telegram");
		assertThat(guestReveal.get("at").asString()).startsWith("2026-12-01T05:00");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'access-codes.revealed'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aListingWithoutCodesRevealsNothingAndLogsNothing() {
		assertThat(this.codes.revealToGuest(this.listing, UUID.randomUUID(), this.realtor, "web")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from access_code_reveals").query(Long.class).single()).isZero();
	}

	@Test
	void reencryptionRewritesRowsOfAnOlderKeyVersion() {
		this.codes.store(this.listing, new AccessCodeSet("1", "2", "3"), this.fixtures.currentUser(this.realtor));
		String before = this.jdbc.sql("select intercom from listing_access_codes where listing_id = :id")
			.param("id", this.listing)
			.query(String.class)
			.single();

		assertThat(this.reencryption.reencrypt()).containsExactly(0, 0);
		assertThat(this.jdbc.sql("select intercom from listing_access_codes where listing_id = :id")
			.param("id", this.listing)
			.query(String.class)
			.single()).isEqualTo(before);
	}

}
