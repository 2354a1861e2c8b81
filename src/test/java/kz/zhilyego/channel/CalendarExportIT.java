package kz.zhilyego.channel;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCal export of a listing parses back with ical4j: all-day events with an exclusive
 * end for every confirmed stay and block (ours, a connection's, an imported feed's), UIDs
 * that stay the same from read to read, nothing personal; ETag answers 304; a rotated
 * token cuts the old URL off.
 */
@IntegrationTest
class CalendarExportIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Test
	void theFeedParsesBackWithStableUidsAndNothingPersonal() throws Exception {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		Api api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long realtor = identity.realtor("realtor@test.kz", null);
		String bearer = identity.bearer(realtor);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		long listing = catalog.listing().owner(realtor).create();
		catalog.occupyByBlock(listing, LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 22));
		ChannelFixtures.Connection connection = ChannelFixtures.connect(api, bearer, "Bukza", List.of(listing),
				Map.of());
		ChannelFixtures.send(api, connection, ChannelFixtures.booking("booking.created", "E-1", listing, "2026-12-10",
				"2026-12-13", null, "+77014443322", "private.guest@example.kz"), this.clock.instant());
		String exportUrl = api.get("/api/v1/realtor/listings/" + listing + "/ical", "Authorization", bearer)
			.json()
			.get("exportUrl")
			.asString();
		String path = exportUrl.substring(exportUrl.indexOf("/ical/"));

		Api.Response first = api.get(path);
		catalog.occupyByBooking(listing, LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 5));
		Api.Response second = api.get(path);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Content-Type")).startsWith("text/calendar");
		assertThat(first.body())
			.contains("DTSTART;VALUE=DATE:20261210", "DTEND;VALUE=DATE:20261213", "DTSTART;VALUE=DATE:20261220",
					"DTEND;VALUE=DATE:20261222", "SUMMARY:Reserved", "SUMMARY:Not available")
			.doesNotContain("Дана", "+77014443322", "private.guest", "Bukza")
			.contains("\r\n");
		Calendar one = new CalendarBuilder().build(new StringReader(first.body()));
		Calendar two = new CalendarBuilder().build(new StringReader(second.body()));
		List<String> firstUids = uids(one);
		List<String> secondUids = uids(two);
		assertThat(firstUids).hasSize(2).allMatch(uid -> uid.matches("(booking|block)-[0-9a-f-]+@zhilyego\\.kz"));
		assertThat(secondUids).hasSize(3).containsAll(firstUids);
		for (VEvent event : two.<VEvent>getComponents("VEVENT")) {
			assertThat(event.getProperty(Property.DTSTAMP)).isPresent();
			assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue())
				.isEqualTo("DATE");
		}

		Api.Response notModified = api.get(path, "If-None-Match", second.header("ETag"));
		assertThat(notModified.status()).isEqualTo(304);

		String rotated = api.post("/api/v1/realtor/listings/" + listing + "/ical/rotate", "{}", "Authorization", bearer)
			.json()
			.get("exportUrl")
			.asString();
		assertThat(rotated).isNotEqualTo(exportUrl);
		assertThat(api.get(path).status()).isEqualTo(404);
		assertThat(api.get(rotated.substring(rotated.indexOf("/ical/"))).status()).isEqualTo(200);
		assertThat(api.get("/ical/not-a-token.ics").status()).isEqualTo(404);
	}

	private static List<String> uids(Calendar calendar) {
		return calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.map(event -> event.getProperty(Property.UID).orElseThrow().getValue())
			.toList();
	}

}
