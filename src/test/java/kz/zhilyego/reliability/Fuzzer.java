package kz.zhilyego.reliability;

import java.net.URI;
import java.net.URLEncoder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends seeded malformed and hostile requests to every public endpoint: the API paths and
 * parameters come from the app's own OpenAPI document, the web pages, sandbox payment
 * pages, media and the webhook are listed here. Bodies are invalid JSON, wrong types,
 * huge numbers and strings, unknown enum values, SQL and HTML injection, deep nesting;
 * paths carry traversal and nonsense ids; parameters go missing or come twice. Requests
 * that change state are always aimed at ids that do not exist or carry a field no valid
 * request has, so a correct app writes nothing. Requests also carry forged
 * {@code X-Forwarded-For}, {@code Forwarded} and {@code X-Forwarded-Host} headers. A
 * finding is any 5xx or a response that leaks a stack trace or a class name; answers that
 * point at a host the client forged are reported apart
 * ({@link Report#forgedHostAnswers}).
 */
public final class Fuzzer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LEAK = Pattern.compile(
			"Exception|\\bat (java|org|kz|jdk|com|io)\\.|org\\.springframework|java\\.lang|kz\\.zhilyego\\.|PSQL|SQLState|"
					+ "\\.java:\\d+|org\\.postgresql|Whitelabel");

	private static final String[] HOSTILE = { "' or '1'='1", "1; drop table bookings; --", "\" or \"\"=\"",
			"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "../../../../etc/passwd",
			"..\\..\\windows\\win.ini", "%00", "\u0000", "-1", "0", "99999999999999999999999999", "1e309", "-1e309",
			"NaN", "Infinity", "null", "true", "[]", "{}", "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31",
			"ЖильеGO ✓ 🏠", "\u202Eevil", "UNKNOWN_ENUM", "CONFIRMED", "price_asc;select", "a".repeat(5000), " ", "",
			"00000000-0000-0000-0000-000000000000", "%2e%2e%2f%2e%2e%2f", "\r\nX-Injected: 1" };

	/** The host forged in {@code Forwarded} and {@code X-Forwarded-Host}. */
	static final String FORGED_HOST = "evil.zhilyego-fuzz.example";

	private static final String[] FIELDS = { "listingId", "checkIn", "checkOut", "guests", "guestName", "guestPhone",
			"guestEmail", "rulesAccepted", "comment", "reason", "note", "email", "phone", "password", "name", "login",
			"code", "refreshToken", "roles", "role", "language", "enabled", "channel", "kind", "from", "to", "amount",
			"paymentId", "status", "event_id", "intercomCode", "flatCode", "agencyId", "headId", "currentPassword",
			"newPassword", "id_token", "hash", "auth_date" };

	public record Target(String method, String path, List<String> queryParams, boolean body) {

	}

	public record Finding(String request, int status, String reason) {

	}

	/**
	 * @param forgedHostAnswers answers that point at a host the client forged (a
	 * redirect, a canonical link): the app trusted its forwarding headers
	 */
	public record Report(long seed, int sent, Map<Integer, Long> statuses, List<Finding> findings,
			List<Finding> forgedHostAnswers) {

	}

	private final String base;

	private final Random random;

	private final long seed;

	private final String bearer;

	private final Map<String, String> knownIds;

	/**
	 * Connects from 127.0.0.3: on Linux every 127.x.y.z is this machine, and no profile
	 * trusts that address as a proxy (the test profile trusts 127.0.0.1), so the forged
	 * forwarding headers are an ordinary client's.
	 */
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.localAddress(untrustedClientAddress())
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static InetAddress untrustedClientAddress() {
		try {
			return InetAddress.getByAddress(new byte[] { 127, 0, 0, 3 });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param knownIds real ids by path variable name ({@code id}, {@code listingId},
	 * {@code paymentId} …), used only for reading requests
	 */
	public Fuzzer(int port, long seed, String bearer, Map<String, String> knownIds) {
		this.base = "http://127.0.0.1:" + port;
		this.seed = seed;
		this.random = new Random(seed);
		this.bearer = bearer;
		this.knownIds = knownIds;
	}

	/** The API endpoints of the OpenAPI document plus the web pages and media. */
	public List<Target> targets() throws Exception {
		List<Target> targets = new ArrayList<>();
		HttpResponse<String> docs = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + "/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode paths = JSON.readTree(docs.body()).get("paths");
		for (String path : paths.propertyNames()) {
			JsonNode operations = paths.get(path);
			for (String method : operations.propertyNames()) {
				JsonNode operation = operations.get(method);
				List<String> query = new ArrayList<>();
				JsonNode parameters = operation.get("parameters");
				if (parameters != null) {
					for (JsonNode parameter : parameters) {
						if ("query".equals(parameter.get("in").asString())) {
							query.add(parameter.get("name").asString());
						}
					}
				}
				targets.add(new Target(method.toUpperCase(), path, query, operation.has("requestBody")));
			}
		}
		targets.add(new Target("GET", "/login", List.of("error", "logout"), false));
		targets.add(new Target("POST", "/login", List.of("username", "password"), false));
		targets.add(new Target("GET", "/register", List.of(), false));
		targets.add(new Target("POST", "/register", List.of("phone", "password", "name"), false));
		targets.add(new Target("GET", "/payments/sandbox/{paymentId}", List.of(), false));
		targets.add(new Target("POST", "/payments/sandbox/{paymentId}/complete", List.of("outcome"), false));
		targets.add(new Target("GET", "/payments/{paymentId}/return", List.of(), false));
		targets.add(new Target("GET", "/media/{path}", List.of("w"), false));
		targets.add(new Target("GET", "/", List.of("q"), false));
		targets.add(new Target("GET", "/account/password", List.of(), false));
		return targets;
	}

	public Report run(int count) throws Exception {
		List<Target> targets = targets();
		Map<Integer, Long> statuses = new TreeMap<>();
		List<Finding> findings = new ArrayList<>();
		List<Finding> forgedHostAnswers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Target target = targets.get(i < targets.size() ? i : this.random.nextInt(targets.size()));
			boolean reading = target.method().equals("GET");
			String path = path(target.path(), reading);
			String query = query(target.queryParams());
			String url = this.base + path + (query.isEmpty() ? "" : "?" + query);
			URI uri;
			try {
				uri = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				uri = URI.create(this.base + path);
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
			boolean forgedHost = forwardedHeaders(request);
			int auth = this.random.nextInt(10);
			if (auth < 6) {
				request.header("Authorization", this.bearer);
			}
			else if (auth < 8) {
				request.header("Authorization", pick("Bearer " + "x".repeat(this.random.nextInt(3000)),
						"Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "Basic Og==", "ApiKey ' or 1=1", "Bearer"));
			}
			if (this.random.nextInt(8) == 0) {
				request.header("Accept-Language", pick("kk", "en", "xx-YY", "ru;q=abc", "*"));
			}
			String body = null;
			if (!reading && (target.body() || this.random.nextInt(3) == 0)) {
				body = body(target.path());
				request.header("Content-Type",
						this.random.nextInt(10) == 0
								? pick("text/xml", "application/x-www-form-urlencoded",
										"application/json; charset=ebcdic", "multipart/form-data")
								: "application/json");
			}
			if (target.path().startsWith("/api/v1/payments/webhooks")) {
				request.header("X-Signature", pick("t=1,v1=00",
						"t=" + URLEncoder.encode(HOSTILE[this.random.nextInt(HOSTILE.length)], StandardCharsets.UTF_8),
						"v1=abc", "t=99999999999999999999,v1=" + "f".repeat(64)));
			}
			request.method(target.method(),
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
			HttpRequest built = request.build();
			String label = target.method() + " " + uri.getRawPath()
					+ (uri.getRawQuery() == null ? "" : "?" + abbreviate(uri.getRawQuery()))
					+ (body == null ? "" : " body " + abbreviate(body)) + forwarded(built);
			HttpResponse<String> response;
			try {
				response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException ex) {
				findings.add(new Finding(label, -1, "no response: " + ex));
				continue;
			}
			statuses.merge(response.statusCode(), 1L, Long::sum);
			if (response.statusCode() >= 500) {
				findings.add(new Finding(label, response.statusCode(), abbreviate(response.body())));
			}
			Matcher leak = LEAK.matcher(response.body());
			if (leak.find() && !target.path().startsWith("/swagger")) {
				findings.add(new Finding(label, response.statusCode(), "leaks '" + leak.group() + "': "
						+ abbreviate(response.body().substring(Math.max(0, leak.start() - 80)))));
			}
			if (forgedHost && reflectsForgedHost(response)) {
				forgedHostAnswers.add(new Finding(label, response.statusCode(),
						"points at the forged host: " + response.headers().allValues("Location")));
			}
		}
		return new Report(this.seed, count, statuses, findings, forgedHostAnswers);
	}

	/**
	 * Client-address and host headers a client can forge (no proxy in front of the app
	 * here): {@code X-Forwarded-For}, {@code Forwarded} and {@code X-Forwarded-Host},
	 * each present, absent or hostile at random.
	 * @return whether a forged host ({@link #FORGED_HOST}) was sent
	 */
	private boolean forwardedHeaders(HttpRequest.Builder request) {
		if (this.random.nextInt(4) != 0) {
			request.header("X-Forwarded-For",
					pick(randomIp(), randomIp() + ", " + randomIp(), "127.0.0.1", "::1", "[::1]:8080", "unknown",
							"999.999.999.999", "' or '1'='1", "<script>alert(1)</script>", "_hidden, 10.0.0.1",
							"1.2.3.4".repeat(200), ""));
		}
		boolean forgedHost = false;
		if (this.random.nextInt(3) == 0) {
			String forwarded = pick("for=" + randomIp(), "for=" + randomIp() + ";host=" + FORGED_HOST + ";proto=https",
					"for=\"[2001:db8::1]:4711\";host=" + FORGED_HOST, "for=unknown;by=_hidden", "for=;host=;proto=",
					";;;===", "host=" + FORGED_HOST + ":99999", "proto=javascript;host=" + FORGED_HOST,
					"for=127.0.0.1, for=" + randomIp(), "host=\"" + FORGED_HOST + "\"");
			forgedHost = forwarded.contains(FORGED_HOST);
			request.header("Forwarded", forwarded);
		}
		if (this.random.nextInt(3) == 0) {
			String host = pick(FORGED_HOST, FORGED_HOST + ":8443", "localhost@" + FORGED_HOST, FORGED_HOST + "/path",
					"<script>", "a b", "..", "x".repeat(300) + "." + FORGED_HOST, "127.0.0.1:-1", "");
			forgedHost |= host.contains(FORGED_HOST);
			request.header("X-Forwarded-Host", host);
		}
		return forgedHost;
	}

	/** The forwarding headers of a request, for a finding's label. */
	private static String forwarded(HttpRequest request) {
		StringBuilder headers = new StringBuilder();
		for (String name : List.of("X-Forwarded-For", "Forwarded", "X-Forwarded-Host")) {
			request.headers()
				.firstValue(name)
				.ifPresent(
						value -> headers.append(" [").append(name).append(": ").append(abbreviate(value)).append(']'));
		}
		return headers.toString();
	}

	private String randomIp() {
		return (1 + this.random.nextInt(254)) + "." + this.random.nextInt(256) + "." + this.random.nextInt(256) + "."
				+ (1 + this.random.nextInt(254));
	}

	/** A redirect or a page that points at the host a client forged. */
	private static boolean reflectsForgedHost(HttpResponse<String> response) {
		return response.headers().allValues("Location").stream().anyMatch(l -> l.contains(FORGED_HOST))
				|| response.headers().allValues("Content-Location").stream().anyMatch(l -> l.contains(FORGED_HOST))
				|| response.body().contains("//" + FORGED_HOST);
	}

	private String path(String template, boolean reading) {
		Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(template);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String name = variable.group(1);
			String value;
			int choice = this.random.nextInt(10);
			if (reading && choice < 3 && this.knownIds.containsKey(name)) {
				value = this.knownIds.get(name);
			}
			else if (choice < 5) {
				value = pick("..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "%2e%2e", "..;", "%00", "a/../../b",
						"%252e%252e%252f", "9223372036854775808", "-1", "0", UUID.randomUUID().toString(), "1.5");
			}
			else {
				value = URLEncoder.encode(HOSTILE[this.random.nextInt(HOSTILE.length)], StandardCharsets.UTF_8);
			}
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString();
	}

	private String query(List<String> names) {
		StringJoiner query = new StringJoiner("&");
		List<String> all = new ArrayList<>(names);
		all.add(pick("foo", "page", "size", "sort", "status", "__proto__", "checkIn"));
		for (String name : all) {
			int choice = this.random.nextInt(10);
			if (choice < 3) {
				continue;
			}
			String value = HOSTILE[this.random.nextInt(HOSTILE.length)];
			query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			if (choice == 9) {
				query.add(name + "=" + URLEncoder.encode(pick("1", "-5", "abc", "2026-12-10"), StandardCharsets.UTF_8));
			}
		}
		return query.toString();
	}

	private String body(String path) {
		return switch (this.random.nextInt(9)) {
			case 0 -> pick("{", "[1,2", "{\"a\":}", "{'single':'quotes'}", "nul", "\"just a string\"", "{}}", "",
					"{\"listingId\":1,,}", "\u0000\u0001");
			case 1 -> "[".repeat(3000) + "]".repeat(3000);
			case 2 -> "{\"" + pick(FIELDS) + "\":\"" + "x".repeat(300_000) + "\"}";
			case 3 -> pick("[]", "42", "true", "null", "[{\"listingId\":1}]");
			default -> object(path);
		};
	}

	/** A JSON object with real and unknown fields of wrong or hostile values. */
	private String object(String path) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (path.equals("/api/v1/bookings")) {
			// never bookable: a listing that does not exist or a stay in the past
			body.put("listingId", this.random.nextBoolean() ? 9_000_000_000L : 1);
			body.put("checkIn", "2020-01-01");
			body.put("checkOut", "2020-01-03");
			body.put("guests", 1);
			body.put("rulesAccepted", true);
		}
		int fields = 1 + this.random.nextInt(5);
		for (int f = 0; f < fields; f++) {
			String field = pick(FIELDS);
			Object value = switch (this.random.nextInt(7)) {
				case 0 -> new java.math.BigDecimal("1e400");
				case 1 -> Long.MIN_VALUE;
				case 2 -> List.of(HOSTILE[this.random.nextInt(HOSTILE.length)], 1, false);
				case 3 -> Map.of("nested", Map.of("deeper", HOSTILE[this.random.nextInt(HOSTILE.length)]));
				case 4 -> this.random.nextDouble() * 1e300;
				default -> HOSTILE[this.random.nextInt(HOSTILE.length)];
			};
			body.put(field, value);
		}
		if (path.contains("/cancel")) {
			body.put("reason", pick("NUKE", "", "guest_changed_plans;--", "<b>x</b>"));
		}
		return JSON.writeValueAsString(body);
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

}
