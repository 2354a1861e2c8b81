package kz.zhilyego.channel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed client connects only to addresses it has checked: a host name that resolves to
 * a public address when the feed is checked and to an internal one when it is read (DNS
 * rebinding) is refused before any connection.
 */
class FeedFetcherTest {

	private static final byte[] FEED = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);

	private HttpServer server;

	private final List<String> hosts = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/feed.ics", exchange -> {
			this.hosts.add(exchange.getRequestHeaders().getFirst("Host"));
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			exchange.sendResponseHeaders(200, FEED.length);
			exchange.getResponseBody().write(FEED);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void aNameThatTurnsInternalBetweenTheCheckAndTheConnectionIsRefusedWithoutConnecting() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		FeedFetcher fetcher = fetcher(false, host -> lookups.incrementAndGet() == 1
				? List.of(InetAddress.getByName("8.8.8.8")) : List.of(InetAddress.getLoopbackAddress()));

		FeedFetcher.Result result = fetcher.fetch(url(), null, null);

		assertThat(result).isEqualTo(new FeedFetcher.Result.Failed("refused: private"));
		assertThat(lookups).as("checked once for the URL, once as the client connects").hasValue(2);
		assertThat(this.hosts).as("requests that reached the internal server").isEmpty();
	}

	@Test
	void aNameThatIsInternalFromTheStartIsRefused() throws Exception {
		FeedFetcher fetcher = fetcher(false,
				host -> List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getLoopbackAddress()));

		assertThat(fetcher.refuse(url())).isEqualTo("private");
		assertThat(fetcher.fetch(url(), null, null)).isEqualTo(new FeedFetcher.Result.Failed("refused: private"));
		assertThat(this.hosts).isEmpty();
	}

	@Test
	void theClientConnectsToTheAddressesTheNameResolvedTo() throws Exception {
		FeedFetcher fetcher = fetcher(true, host -> List.of(InetAddress.getLoopbackAddress()));

		FeedFetcher.Result result = fetcher.fetch(url(), null, null);

		assertThat(result).isInstanceOfSatisfying(FeedFetcher.Result.Fetched.class, fetched -> {
			assertThat(fetched.body()).isEqualTo(FEED);
			assertThat(fetched.etag()).isEqualTo("\"v1\"");
		});
		assertThat(this.hosts).containsExactly("calendar.example:" + this.server.getAddress().getPort());
	}

	@Test
	void anUnknownNameIsReportedAsSuch() {
		FeedFetcher fetcher = fetcher(false, host -> {
			throw new UnknownHostException(host);
		});

		assertThat(fetcher.refuse(url())).isEqualTo("unknownHost");
		assertThat(fetcher.fetch(url(), null, null)).isEqualTo(new FeedFetcher.Result.Failed("refused: unknownHost"));
	}

	private String url() {
		return "http://calendar.example:" + this.server.getAddress().getPort() + "/feed.ics";
	}

	private static FeedFetcher fetcher(boolean allowPrivateNetworks, FeedFetcher.Resolver resolver) {
		ChannelProperties.Ical ical = new ChannelProperties.Ical(null, null, Duration.ofSeconds(2),
				Duration.ofSeconds(2), 0, 0, true, allowPrivateNetworks);
		return new FeedFetcher(new ChannelProperties(null, 0, null, ical), resolver);
	}

}
