package kz.zhilyego.payment.kaspi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP(S) server on 127.0.0.1 (free port) that speaks Kaspi's partner QR API as
 * the public clients describe it (thedakeen/kaspi-api-wrapper, RomanBronevik/kaspi-qr):
 * the {@code {StatusCode, Message, Data}} envelope, {@code qr/create},
 * {@code qr/create-link} (with {@code ExpireDate} and behaviour options),
 * {@code remote/create} and {@code remote/cancel} (a remote invoice with its own
 * {@code QrPaymentId}), {@code v02/payment/status/{id}}, {@code payment/details},
 * {@code payment/return}, and its error codes: -1501 device not found, -1601 purchase not
 * found, -99000005 refund larger than what is left, -99000011 wrong purchase (an id sent
 * as text), 990000028 wrong amount (tiyn). It keeps the purchases it created; the test
 * plays the guest (scan, pay) and the bank (a status nobody knows, a return whose answer
 * is lost). With TLS it requires the client certificate of {@link TestCertificates}.
 */
public final class FakeKaspi implements AutoCloseable {

	public static final String DEVICE_TOKEN = "fake-device-token";

	/** How long a QR / link takes payments (Kaspi: about 3 minutes to scan). */
	public static final Duration QR_LIFETIME = Duration.ofMinutes(3);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Pattern PATH = Pattern.compile("/r[123]/v0([12])/(.+)");

	private final HttpServer server;

	private final boolean tls;

	private final Supplier<Instant> clock;

	private final Map<Long, Purchase> purchases = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(90000);

	private final AtomicLong returnIds = new AtomicLong(770000);

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	/** A return whose answer is held back this long after it was made (a lost answer). */
	private final AtomicReference<Duration> holdNextReturnAnswer = new AtomicReference<>();

	private final CountDownLatch never = new CountDownLatch(1);

	/** What the fake keeps of one purchase. */
	public static final class Purchase {

		public final long id;

		public final String kind;

		public final BigDecimal amount;

		public final Instant expires;

		public volatile String status;

		public volatile BigDecimal returned = BigDecimal.ZERO;

		Purchase(long id, String kind, BigDecimal amount, Instant expires, String status) {
			this.id = id;
			this.kind = kind;
			this.amount = amount;
			this.expires = expires;
			this.status = status;
		}

	}

	/** A request as it arrived. */
	public record Recorded(String method, String path, String query, String requestId, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/**
	 * @param clock the app's test clock: {@code ExpireDate} is counted from it
	 * @param tls with TLS and a required client certificate
	 */
	public FakeKaspi(Supplier<Instant> clock, boolean tls) {
		this.clock = clock;
		this.tls = tls;
		try {
			InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
			if (tls) {
				HttpsServer https = HttpsServer.create(address, 50);
				SSLContext context = TestCertificates.get().serverContext();
				https.setHttpsConfigurator(new HttpsConfigurator(context) {
					@Override
					public void configure(HttpsParameters parameters) {
						SSLParameters ssl = context.getDefaultSSLParameters();
						ssl.setNeedClientAuth(true);
						parameters.setSSLParameters(ssl);
					}
				});
				this.server = https;
			}
			else {
				this.server = HttpServer.create(address, 50);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String baseUrl() {
		return (this.tls ? "https" : "http") + "://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public Purchase purchase(long id) {
		return this.purchases.get(id);
	}

	public Purchase purchase(String id) {
		return purchase(Long.parseLong(id));
	}

	/** The guest scans the QR / opens the link: Kaspi waits for the confirmation. */
	public void scan(String id) {
		purchase(id).status = "Wait";
	}

	/** The guest confirms in the app: the money is taken. */
	public void pay(String id) {
		purchase(id).status = "Processed";
	}

	/** Kaspi answers any status word, e.g. one nobody knows. */
	public void status(String id, String status) {
		purchase(id).status = status;
	}

	/** Kaspi no longer knows the purchase ("purchase not found", -1601). */
	public void forget(String id) {
		this.purchases.remove(Long.parseLong(id));
	}

	/** The next return is made, but its answer comes only after {@code delay}. */
	public void loseNextReturnAnswer(Duration delay) {
		this.holdNextReturnAnswer.set(delay);
	}

	public List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	public List<Recorded> requests(String pathPart) {
		return this.requests.stream().filter(r -> r.path().contains(pathPart)).toList();
	}

	public void clear() {
		this.requests.clear();
		this.purchases.clear();
		this.holdNextReturnAnswer.set(null);
	}

	@Override
	public void close() {
		this.never.countDown();
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
		this.requests
			.add(new Recorded(exchange.getRequestMethod(), path, query, requestId == null ? "" : requestId, body));
		Matcher matcher = PATH.matcher(path);
		if (!matcher.matches()) {
			send(exchange, 404, "<html>Not Found</html>");
			return;
		}
		String version = matcher.group(1);
		String operation = matcher.group(2);
		String answer;
		try {
			answer = answer(exchange.getRequestMethod(), version, operation, query, body);
		}
		catch (RuntimeException ex) {
			answer = error(-999, "Сервис недоступен");
		}
		if (operation.equals("payment/return")) {
			Duration hold = this.holdNextReturnAnswer.getAndSet(null);
			if (hold != null) {
				try {
					// the return is made; its answer is lost on the way (the client times
					// out first)
					this.never.await(hold.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
		send(exchange, 200, answer);
	}

	private String answer(String method, String version, String operation, String query, String body) {
		JsonNode request = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
		if (method.equals("POST") && !DEVICE_TOKEN.equals(request.path("DeviceToken").asString(""))) {
			return error(-1501, "Устройство не найдено");
		}
		if (method.equals("GET") && version.equals("2") && operation.startsWith("payment/status/")) {
			return status(operation.substring("payment/status/".length()));
		}
		if (method.equals("GET") && operation.equals("payment/details")) {
			return details(query);
		}
		return switch (method + " " + operation) {
			case "POST qr/create" -> create(request, "QR");
			case "POST qr/create-link" -> create(request, "LINK");
			case "POST remote/create" -> remote(request);
			case "POST remote/cancel" -> cancelRemote(request);
			case "POST payment/return" -> refund(request);
			default -> error(-999, "Сервис недоступен");
		};
	}

	private String create(JsonNode request, String kind) {
		JsonNode amount = request.path("Amount");
		if (!amount.isIntegralNumber() || amount.decimalValue().signum() <= 0) {
			return error(990000028, "Неверная сумма");
		}
		long id = this.ids.incrementAndGet();
		Instant expires = this.clock.get().plus(QR_LIFETIME);
		this.purchases.put(id, new Purchase(id, kind, amount.decimalValue(), expires, "QrTokenCreated"));
		ObjectNode data = JSON.createObjectNode();
		data.put("ExpireDate", expires.atOffset(ZoneOffset.ofHours(5)).toString());
		data.putArray("PaymentMethods").add("Gold").add("Red");
		ObjectNode options;
		if (kind.equals("QR")) {
			data.put("QrToken", "51236903777280167836178166" + id);
			data.put("QrPaymentId", id);
			options = data.putObject("QrPaymentBehaviorOptions");
			options.put("QrCodeScanWaitTimeout", 180);
		}
		else {
			data.put("PaymentLink", "https://pay.kaspi.kz/pay/" + id);
			data.put("PaymentId", id);
			options = data.putObject("PaymentBehaviorOptions");
			options.put("LinkActivationWaitTimeout", 180);
		}
		options.put("StatusPollingInterval", 3);
		options.put("PaymentConfirmationTimeout", 65);
		return ok(data);
	}

	private String remote(JsonNode request) {
		JsonNode amount = request.path("Amount");
		if (!amount.isIntegralNumber()) {
			return error(990000028, "Неверная сумма");
		}
		long id = this.ids.incrementAndGet();
		this.purchases.put(id, new Purchase(id, "REMOTE", amount.decimalValue(), Instant.MAX, "RemotePaymentCreated"));
		ObjectNode data = JSON.createObjectNode();
		data.put("QrPaymentId", id);
		return ok(data);
	}

	private String cancelRemote(JsonNode request) {
		Purchase purchase = request.path("QrPaymentId").isIntegralNumber()
				? this.purchases.get(request.path("QrPaymentId").asLong()) : null;
		if (purchase == null) {
			return error(-1601, "Покупка не найдена");
		}
		if (purchase.status.equals("RemotePaymentCreated")) {
			purchase.status = "RemotePaymentCanceled";
		}
		ObjectNode data = JSON.createObjectNode();
		data.put("Status", purchase.status);
		return ok(data);
	}

	private String status(String id) {
		Purchase purchase = find(id);
		if (purchase == null) {
			return error(-1601, "Покупка не найдена");
		}
		ObjectNode data = JSON.createObjectNode();
		data.put("Status", purchase.status);
		if (purchase.status.equals("Processed")) {
			data.put("TransactionId", "35134863");
			data.put("Amount", purchase.amount);
			data.put("StoreName", "ЖильеGO");
		}
		return ok(data);
	}

	private String details(String query) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		if (!DEVICE_TOKEN.equals(params.get("DeviceToken"))) {
			return error(-1501, "Устройство не найдено");
		}
		Purchase purchase = find(params.getOrDefault("QrPaymentId", ""));
		if (purchase == null || !purchase.status.equals("Processed")) {
			return error(-1601, "Покупка не найдена");
		}
		ObjectNode data = JSON.createObjectNode();
		data.put("QrPaymentId", purchase.id);
		data.put("TotalAmount", purchase.amount);
		data.put("AvailableReturnAmount", purchase.amount.subtract(purchase.returned));
		data.put("TransactionDate", this.clock.get().atOffset(ZoneOffset.ofHours(5)).toString());
		return ok(data);
	}

	private synchronized String refund(JsonNode request) {
		if (!request.path("QrPaymentId").isIntegralNumber()) {
			return error(-99000011, "Неверная покупка");
		}
		Purchase purchase = this.purchases.get(request.path("QrPaymentId").asLong());
		if (purchase == null || !purchase.status.equals("Processed")) {
			return error(-1601, "Покупка не найдена");
		}
		JsonNode amount = request.path("Amount");
		if (!amount.isIntegralNumber() || amount.decimalValue().signum() <= 0) {
			return error(990000028, "Неверная сумма");
		}
		if (purchase.returned.add(amount.decimalValue()).compareTo(purchase.amount) > 0) {
			return error(-99000005, "Сумма возврата больше суммы покупки");
		}
		purchase.returned = purchase.returned.add(amount.decimalValue());
		ObjectNode data = JSON.createObjectNode();
		data.put("ReturnOperationId", this.returnIds.incrementAndGet());
		return ok(data);
	}

	private Purchase find(String id) {
		try {
			return this.purchases.get(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String ok(ObjectNode data) {
		ObjectNode root = JSON.createObjectNode();
		root.put("StatusCode", 0);
		root.put("Message", "");
		root.set("Data", data);
		return JSON.writeValueAsString(root);
	}

	private static String error(int code, String message) {
		ObjectNode root = JSON.createObjectNode();
		root.put("StatusCode", code);
		root.put("Message", message);
		return JSON.writeValueAsString(root);
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "text/html");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
