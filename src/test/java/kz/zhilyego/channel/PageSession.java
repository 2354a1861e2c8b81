package kz.zhilyego.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session for page tests of the channel and feedback modules (as the
 * realtor module's WebSession): cookies, form sign-in at {@code /login}, and the CSRF
 * token read from the last page, sent with every form post.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String csrf = "";

	public PageSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public PageSession signIn(String login, String password) {
		get("/login");
		HttpResponse<String> response = post("/login", "username=" + encode(login) + "&password=" + encode(password));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + response.statusCode());
		}
		return this;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher m = CSRF.matcher(response.body());
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return response;
	}

	/** Without signing in (a guest following a link). */
	public static PageSession anonymous(int port) {
		return new PageSession(port);
	}

	/** A form post (urlencoded) with the CSRF token of the last page. */
	public HttpResponse<String> post(String path, String form) {
		String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(this.csrf);
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.header("Accept-Language", "ru").build(),
					HttpResponse.BodyHandlers.ofString());
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
