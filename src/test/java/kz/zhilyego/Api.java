package kz.zhilyego;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests: real requests to the running app, JSON
 * bodies as trees. Headers are given as name/value pairs.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

	public Api(int port) {
		this(port, null);
	}

	private Api(int port, @Nullable InetAddress from) {
		this.base = "http://127.0.0.1:" + port;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER);
		if (from != null) {
			builder.localAddress(from);
		}
		this.http = builder.build();
	}

	/**
	 * A client connecting from another loopback address (on Linux every 127.x.y.z is this
	 * machine): the test profile trusts only 127.0.0.1 as a proxy, so requests from here
	 * are an ordinary, untrusted client's.
	 */
	public static Api from(String loopbackAddress, int port) {
		try {
			return new Api(port, InetAddress.getByName(loopbackAddress));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** A copy that sends this header with every request (e.g. Authorization). */
	public Api with(String name, String value) {
		Api copy = new Api(this);
		copy.defaultHeaders.put(name, value);
		return copy;
	}

	private Api(Api other) {
		this.http = other.http;
		this.base = other.base;
		this.defaultHeaders.putAll(other.defaultHeaders);
	}

	public Response get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	public Response head(String path, String... headers) {
		return send(request(path, headers).HEAD());
	}

	public Response post(String path, Object body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response put(String path, Object body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response delete(String path, String... headers) {
		return send(request(path, headers).DELETE());
	}

	public Response postForm(String path, String form, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		this.defaultHeaders.forEach(builder::header);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, headers, raw body and the body as JSON. */
	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
