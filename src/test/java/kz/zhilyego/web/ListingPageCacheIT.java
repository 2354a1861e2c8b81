package kz.zhilyego.web;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BlockReason;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.ListingBlocks;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Slugs;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing page's ETag and shared cache for visitors who are not signed in: a repeat
 * with the ETag is a 304; a change of the listing, its prices, photos or occupancy is a
 * new ETag and a fresh page at once (also for the cached copy).
 */
@IntegrationTest
class ListingPageCacheIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ListingBlocks blocks;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	final HttpClient http = HttpClient.newHttpClient();

	long listing;

	long realtor;

	String path;

	@BeforeEach
	void listing() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.realtor = new IdentityFixtures(this.jdbc).realtor("cache@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing()
			.owner(this.realtor)
			.title("Студия для кэша")
			.district("esil")
			.price(20000)
			.create();
		this.path = "/astana/esil/kvartira-" + Slugs.of("Студия для кэша") + "-" + this.listing;
	}

	@Test
	void aRepeatWithTheEtagIsNotModifiedAndEveryChangeIsANewPage() throws Exception {
		HttpResponse<String> first = get(this.path, null);
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).as("weak, so that Tomcat still compresses the page").startsWith("W/\"");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
		assertThat(first.body()).doesNotContain("_csrf");

		HttpResponse<String> again = get(this.path, etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		double hits = pageCacheHits();
		HttpResponse<String> cached = get(this.path, null);
		assertThat(cached.statusCode()).isEqualTo(200);
		assertThat(cached.body()).isEqualTo(first.body());
		assertThat(pageCacheHits()).as("served from the shared cache").isGreaterThan(hits);

		// occupancy: a block closes two nights; the next page (cached or not) shows them
		LocalDate from = LocalDate.parse("2026-12-05");
		this.blocks.create(this.listing, from, from.plusDays(2), BlockReason.MAINTENANCE, null,
				BookingFixtures.realtor(this.realtor));
		HttpResponse<String> blocked = get(this.path, etag);
		assertThat(blocked.statusCode()).isEqualTo(200);
		String blockedTag = blocked.headers().firstValue("ETag").orElseThrow();
		assertThat(blockedTag).isNotEqualTo(etag);
		assertThat(blocked.body()).isNotEqualTo(first.body());

		// the listing's price
		this.jdbc.sql("update listings set price_per_night = 25000 where id = :id").param("id", this.listing).update();
		HttpResponse<String> repriced = get(this.path, blockedTag);
		assertThat(repriced.statusCode()).isEqualTo(200);
		assertThat(repriced.body()).contains("25").isNotEqualTo(blocked.body());
		String repricedTag = repriced.headers().firstValue("ETag").orElseThrow();

		// a nightly price
		this.jdbc.sql("insert into listing_night_prices (listing_id, night, price) values (:id, '2026-12-20', 40000)")
			.param("id", this.listing)
			.update();
		assertThat(get(this.path, repricedTag).statusCode()).isEqualTo(200);

		// the next five minutes: the host card may have changed
		String periodTag = get(this.path, null).headers().firstValue("ETag").orElseThrow();
		assertThat(get(this.path, periodTag).statusCode()).isEqualTo(304);
		this.clock.advance(java.time.Duration.ofMinutes(5));
		assertThat(get(this.path, periodTag).statusCode()).isEqualTo(200);

		// another day: the calendar starts elsewhere
		String dayTag = get(this.path, null).headers().firstValue("ETag").orElseThrow();
		this.clock.advance(java.time.Duration.ofDays(1));
		assertThat(get(this.path, dayTag).statusCode()).isEqualTo(200);
	}

	@Test
	void pagesWithAQueryOrOfUnknownListingsAreNeverCached() throws Exception {
		HttpResponse<String> dated = get(this.path + "?checkIn=2026-12-10&checkOut=2026-12-12", null);
		assertThat(dated.statusCode()).isEqualTo(200);
		assertThat(dated.headers().firstValue("ETag")).isEmpty();
		HttpResponse<String> unknown = get("/astana/esil/kvartira-net-999999", null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("ETag")).isEmpty();
	}

	private double pageCacheHits() {
		return this.meters.get("cache.gets")
			.tag("cache", "listing-pages")
			.tag("result", "hit")
			.functionCounter()
			.count();
	}

	@Test
	void thePageIsGzippedWhenRenderedAndWhenServedFromTheCache() throws Exception {
		for (String served : List.of("rendered", "cached")) {
			HttpResponse<byte[]> page = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + this.path))
					.header("Accept-Language", "ru")
					.header("Accept-Encoding", "gzip")
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(page.statusCode()).as(served).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Encoding")).as(served).hasValue("gzip");
			try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
					new java.io.ByteArrayInputStream(page.body()))) {
				assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(served)
					.contains("Студия для кэша")
					.contains("</html>");
			}
		}
	}

	@Test
	void aPageRenderedForAForgedHostIsNeverServedToOtherVisitors() throws Exception {
		String forged;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write(("GET " + this.path + " HTTP/1.1\r\nHost: evil.example\r\nAccept-Language: ru\r\n"
						+ "Connection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			forged = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(forged).startsWith("HTTP/1.1 200").contains("http://evil.example" + this.path);

		HttpResponse<String> visitor = get(this.path, null);
		assertThat(visitor.statusCode()).isEqualTo(200);
		assertThat(visitor.body()).doesNotContain("evil.example").contains("http://127.0.0.1:" + this.port + this.path);
	}

	private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept-Language", "ru");
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
