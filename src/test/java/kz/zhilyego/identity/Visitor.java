package kz.zhilyego.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client for page tests that connects from a chosen loopback address: on
 * Linux every 127.x.y.z is the local machine, so a test can be "another client" (the test
 * profile trusts only 127.0.0.1 as a proxy). It keeps cookies, never follows redirects,
 * and remembers the CSRF field of the last page it read.
 */
final class Visitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private final String base;

	private String csrf = "";

	Visitor(int port, String fromAddress) {
		this.base = "http://127.0.0.1:" + port;
		try {
			this.http = HttpClient.newBuilder()
				.localAddress(InetAddress.getByName(fromAddress))
				.cookieHandler(this.cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpResponse<String> response = send(request(path, headers).GET());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	/** A form post with the CSRF token of the last page read. */
	HttpResponse<String> post(String path, String form, String... headers) {
		String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(this.csrf);
		return postRaw(path, body, headers);
	}

	/** A form post exactly as given (no CSRF token added). */
	HttpResponse<String> postRaw(String path, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> postJson(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Reads the sign-in page and posts the form; the answer is the redirect (its
	 * {@code Location} tells success from {@code ?error=…}).
	 */
	HttpResponse<String> signIn(String login, String password) {
		get("/login");
		return post("/login", "username=" + encode(login) + "&password=" + encode(password));
	}

	/** Signs out with the form of a signed-in page. */
	HttpResponse<String> signOut() {
		get("/account/password");
		return post("/logout", "");
	}

	Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", "ru");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
