package kz.zhilyego.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP session for server-side page tests: keeps cookies (session, CSRF,
 * language), never follows redirects, and posts forms with the CSRF token of the page
 * they came from.
 */
public final class SiteSession {

	private final String base;

	private final HttpClient http;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public SiteSession(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public record Page(int status, String location, String body, java.net.http.HttpHeaders headers) {

		Page(int status, String location, String body) {
			this(status, location, body, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
		}

		public Document html() {
			return Jsoup.parse(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse("");
		}

	}

	/** Sends {@code name: value} with every later request (replacing its default). */
	public SiteSession header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").GET());
	}

	/**
	 * Posts {@code fields} to {@code action} with the CSRF token found on {@code page}.
	 */
	public Page post(Page page, String action, Map<String, String> fields) {
		Element csrf = page.html().selectFirst("input[name=_csrf]");
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.put("_csrf", csrf.attr("value"));
		}
		String form = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/**
	 * Posts a form body as given (names and values not encoded again), with the CSRF
	 * token found on {@code page} first: for malformed parameter names.
	 */
	public Page postRaw(Page page, String action, String body) {
		Element csrf = page.html().selectFirst("input[name=_csrf]");
		String form = (csrf == null ? ""
				: "_csrf=" + URLEncoder.encode(csrf.attr("value"), StandardCharsets.UTF_8) + "&") + body;
		return send(HttpRequest.newBuilder(URI.create(this.base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public SiteSession signIn(String login, String password) {
		Page login0 = get("/login");
		Page done = post(login0, "/login", Map.of("username", login, "password", password));
		if (done.status() != 302 || done.location().contains("error")) {
			throw new IllegalStateException("Sign-in failed: " + done.status() + " " + done.location());
		}
		return this;
	}

	/** A file the page links to: status, content type and the bytes as sent. */
	record Download(int status, String contentType, String disposition, byte[] bytes) {
	}

	Download download(String path) {
		try {
			HttpResponse<byte[]> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Content-Disposition").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Page send(HttpRequest.Builder request) {
		try {
			this.headers.forEach(request::setHeader);
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""),
					response.body(), response.headers());
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
