package kz.zhilyego.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unbounded request bodies and slow headers (hardening finding 13). The requests are
 * written on a raw socket so the test controls how much of a body is ever sent: a 413
 * that arrives while most of a 20 MB body is still unsent proves nothing parsed it.
 */
@IntegrationTest
class RequestLimitsIT {

	private static final int TWENTY_MB = 20 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	String bearer;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.bearer = identity.bearer(identity.user("limits-guest@test.kz"));
		this.listing = new CatalogFixtures(this.jdbc).listing().create();
	}

	@Test
	void aTwentyMegabyteJsonBodyIsA413ProblemBeforeItIsRead() throws IOException {
		long started = System.nanoTime();
		Answer answer = send("POST /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + this.bearer
				+ "\r\nContent-Type: application/json\r\nAccept-Language: en\r\nContent-Length: " + TWENTY_MB
				+ "\r\n\r\n", jsonStart(64 * 1024));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(answer.status()).as(answer.text()).isEqualTo(413);
		assertThat(answer.text()).contains("application/problem+json", "/problems/payload-too-large");
		assertThat(answer.body()).contains("\"status\":413").doesNotContain("Exception");
		assertThat(took).as("answered without waiting for the body").isLessThan(Duration.ofSeconds(5));
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();
	}

	@Test
	void anAnonymousCallerIsStoppedBeforeSignInOrRateLimits() throws IOException {
		Answer answer = send("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
				+ "\r\nContent-Length: " + TWENTY_MB + "\r\n\r\n", jsonStart(16 * 1024));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("payload-too-large");
	}

	@Test
	void aChunkedBodyIsCountedWhileItIsReadAndStopsAtTheLimit() throws IOException {
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		byte[] start = jsonStart(0);
		chunk(chunks, start);
		byte[] filler = new byte[64 * 1024];
		Arrays.fill(filler, (byte) 'x');
		// 1.5 MB of a string value, then nothing more: the limit is 1 MB
		for (int i = 0; i < 24; i++) {
			chunk(chunks, filler);
		}
		long started = System.nanoTime();
		Answer answer = send(
				"POST /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + this.bearer
						+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
				chunks.toByteArray());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

		assertThat(answer.status()).as(answer.text()).isEqualTo(413);
		assertThat(answer.body()).contains("payload-too-large").doesNotContain("Exception");
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();
	}

	@Test
	void aHugeFormPostOnAPageGetsTheStyledErrorPageNotJson() throws IOException {
		long started = System.nanoTime();
		Answer answer = send("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + TWENTY_MB + "\r\n\r\n",
				"username=a&password=".getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(answer.text()).contains("text/html").doesNotContain("application/problem+json");
		assertThat(answer.body()).contains("413", "<main");
	}

	@Test
	void aBodyUnderTheLimitIsServedAsBefore() throws IOException {
		String json = "{\"listingId\": " + this.listing + ", \"checkIn\": \"2026-12-10\", \"checkOut\": \"2026-12-12\","
				+ " \"guests\": 1, \"rulesAccepted\": true, \"comment\": \"" + "к".repeat(1200) + "\"}";
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		Answer answer = send("POST /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + this.bearer
				+ "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length
				+ "\r\n\r\n", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.body()).as("the comment is too long: a validation error, not a size one")
			.contains("/problems/validation", "comment");
	}

	@Test
	void photoUploadsKeepTheirOwnMultipartLimits() throws IOException {
		byte[] image = new byte[2 * 1024 * 1024];
		Arrays.fill(image, (byte) 7);
		String boundary = "limits-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(image);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long realtor = identity.realtor("limits-realtor@test.kz", null);
		long own = new CatalogFixtures(this.jdbc).listing().owner(realtor).create();
		Answer answer = send("POST /api/v1/realtor/listings/" + own + "/photos HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: " + identity.bearer(realtor) + "\r\nConnection: close\r\n"
				+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
				+ "\r\n\r\n", body.toByteArray());
		assertThat(answer.body()).as("2 MB of multipart passes the 1 MB body limit and reaches the photo checks")
			.doesNotContain("payload-too-large");
		assertThat(answer.status()).isBetween(400, 499);
	}

	@Test
	void aClientThatNeverFinishesItsHeadersIsDisconnected() throws IOException {
		Connector connector = ((TomcatWebServer) ((WebServerApplicationContext) this.context).getWebServer())
			.getTomcat()
			.getConnector();
		int timeoutMillis = (int) connector.getProperty("connectionTimeout");
		assertThat(timeoutMillis).isEqualTo(10_000);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(timeoutMillis + 10_000);
			long started = System.nanoTime();
			socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes());
			socket.getOutputStream().flush();
			int read;
			try {
				read = socket.getInputStream().read();
				while (read >= 0) {
					read = socket.getInputStream().read();
				}
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("the server kept a half-sent request open", ex);
			}
			catch (IOException reset) {
				// closed by the server: what this test wants
			}
			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(timeoutMillis - 1_000))
				.isLessThan(Duration.ofMillis(timeoutMillis + 5_000));
		}
	}

	/** The first bytes of a booking whose comment goes on and on. */
	private byte[] jsonStart(int filler) {
		String start = "{\"listingId\": " + this.listing
				+ ", \"checkIn\": \"2026-12-10\", \"checkOut\": \"2026-12-12\","
				+ " \"guests\": 1, \"rulesAccepted\": true, \"comment\": \"";
		byte[] head = start.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = Arrays.copyOf(head, head.length + filler);
		Arrays.fill(bytes, head.length, bytes.length, (byte) 'x');
		return bytes;
	}

	private static void chunk(ByteArrayOutputStream out, byte[] data) throws IOException {
		out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(data);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Writes the head and as much of the body as given (never more), then reads the
	 * answer until the server closes the connection.
	 */
	private Answer send(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			try {
				out.write(body);
				out.flush();
			}
			catch (IOException closedEarly) {
				// the server may answer and close before it has taken everything
			}
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					answer.write(buffer, 0, n);
					if (complete(answer)) {
						break;
					}
				}
			}
			catch (IOException reset) {
				// a reset after the answer: keep what arrived
			}
			return new Answer(answer.toString(StandardCharsets.UTF_8));
		}
	}

	/** A whole answer: headers and the body of its Content-Length (or a final chunk). */
	private static boolean complete(ByteArrayOutputStream answer) {
		String text = answer.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String headers = text.substring(0, end).toLowerCase();
		int length = headers.indexOf("content-length:");
		if (length >= 0) {
			int eol = headers.indexOf("\r\n", length);
			long expected = Long.parseLong(headers.substring(length + 15, eol < 0 ? headers.length() : eol).strip());
			return answer.size() - (end + 4) >= expected;
		}
		return headers.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
	}

	record Answer(String text) {

		int status() {
			return this.text.length() < 12 ? -1 : Integer.parseInt(this.text.substring(9, 12));
		}

		String body() {
			int end = this.text.indexOf("\r\n\r\n");
			return end < 0 ? "" : this.text.substring(end + 4);
		}

	}

}
