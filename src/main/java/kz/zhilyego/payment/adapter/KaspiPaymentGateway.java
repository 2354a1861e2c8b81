package kz.zhilyego.payment.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import kz.zhilyego.common.Zones;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.internal.CallbackFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kaspi QR partner API, as open-source clients use it (the assumed contract is written
 * down in docs/payments.md; every URL, id and secret is configuration):
 * <ul>
 * <li>create: {@code POST {prefix}/qr/create-link} (payment link) or {@code POST
 * {prefix}/qr/create} (QR token) with {@code DeviceToken, Amount, ExternalId} (+
 * {@code OrganizationBin}); the answer's {@code ExpireDate} is kept. Optionally
 * {@code POST {prefix}/remote/create} sends an invoice to the guest's Kaspi phone: its
 * own {@code QrPaymentId} is a payment of the booking of its own;</li>
 * <li>status: {@code GET {prefix with v02}/payment/status/{id}}, polled at Kaspi's
 * {@code StatusPollingInterval};</li>
 * <li>details: {@code GET {prefix}/payment/details?QrPaymentId=&DeviceToken=}
 * ({@code TotalAmount}, {@code AvailableReturnAmount}), read before a refund is
 * retried;</li>
 * <li>refund: {@code POST {prefix}/payment/return} with {@code DeviceToken, QrPaymentId,
 * Amount};</li>
 * <li>{@code POST {prefix}/remote/cancel} withdraws an invoice nobody needs.</li>
 * </ul>
 * Answers are {@code {StatusCode, Message, Data}}, 0 = success. Authentication: the
 * {@code Api-Key} header and/or a client certificate (mutual TLS), Kaspi's chain checked
 * against a configurable trust store. Every call carries a fresh {@code X-Request-ID}
 * (nothing shows Kaspi takes it as an idempotency key, so it is only for tracing), and
 * {@code QrPaymentId} and {@code Amount} go as numbers, amounts in whole tenge.
 * Unreachable, slow, 5xx, -999 or unreadable answers are retryable failures; -1601
 * ("purchase not found") is {@link PaymentGatewayException#notFound()}; any other
 * non-zero StatusCode is Kaspi's refusal (not retryable). A circuit breaker stops calling
 * while most recent calls failed or were slow, so a struggling Kaspi is not hammered and
 * the pollers do not pile up behind timeouts.
 */
public class KaspiPaymentGateway implements PaymentGateway {

	public static final String NAME = "kaspi";

	private static final Logger log = LoggerFactory.getLogger(KaspiPaymentGateway.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * Every status word the public clients know (the partner QR API and the cashier API's
	 * richer set). Anything else is {@link Outcome#UNKNOWN}.
	 */
	private static final Map<String, Outcome> STATUSES = Map.ofEntries(Map.entry("Processed", Outcome.PAID),
			Map.entry("Error", Outcome.FAILED), Map.entry("NotConfirmedByUser", Outcome.FAILED),
			Map.entry("CancelledByExternalSource", Outcome.FAILED), Map.entry("ProcessingFailed", Outcome.FAILED),
			Map.entry("Rejected", Outcome.FAILED), Map.entry("InsufficientFunds", Outcome.FAILED),
			Map.entry("InsufficientFundsError", Outcome.FAILED), Map.entry("RemotePaymentRejected", Outcome.FAILED),
			Map.entry("CancelledByUser", Outcome.CANCELLED), Map.entry("RemotePaymentCanceled", Outcome.CANCELLED),
			Map.entry("Expired", Outcome.EXPIRED), Map.entry("QrTokenDiscarded", Outcome.EXPIRED),
			Map.entry("QrTokenCreated", Outcome.PENDING), Map.entry("Wait", Outcome.PENDING),
			Map.entry("WaitForRemotePayment", Outcome.PENDING), Map.entry("WaitingForPayment", Outcome.PENDING),
			Map.entry("RemotePaymentCreated", Outcome.PENDING));

	/** The cashier API's card block codes: a declined payment. */
	private static final Pattern BLOCK_CODE = Pattern.compile("Iris(Src|Dest)?BlockCode\\d*");

	/** Nobody has opened the QR / link / invoice yet. */
	private static final Set<String> UNTOUCHED = Set.of("QrTokenCreated", "RemotePaymentCreated");

	/** Kaspi's error codes (RomanBronevik/kaspi-qr), for logs and the admin queue. */
	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(-10000, "no client certificate"),
			Map.entry(-1501, "device not found"), Map.entry(-1502, "device deactivated"),
			Map.entry(-1503, "device already exists"), Map.entry(-1601, "purchase not found"),
			Map.entry(-14000002, "no trade points"), Map.entry(-99000002, "trade point not found"),
			Map.entry(-99000005, "refund amount too large"), Map.entry(-99000006, "refund error"),
			Map.entry(990000018, "trade point deactivated"), Map.entry(990000026, "trade point does not accept QR"),
			Map.entry(990000028, "wrong amount"), Map.entry(99000033, "no payment methods available"),
			Map.entry(-99000001, "purchase UUID not found"), Map.entry(-99000003, "trade point does not match device"),
			Map.entry(-99000011, "wrong purchase"), Map.entry(-99000020, "partial refund not available"),
			Map.entry(-999, "service not available"));

	static final int PURCHASE_NOT_FOUND = -1601;

	static final int SERVICE_NOT_AVAILABLE = -999;

	private final PaymentProperties.Kaspi settings;

	private final HttpClient http;

	private final CircuitBreaker breaker;

	public KaspiPaymentGateway(PaymentProperties.Kaspi settings) {
		this.settings = settings;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER);
		SSLContext tls = sslContext(settings.clientCertificate(), settings.trustStore());
		if (tls != null) {
			builder.sslContext(tls);
		}
		this.http = builder.build();
		this.breaker = CircuitBreaker.of("kaspi",
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(20)
					.minimumNumberOfCalls(5)
					.failureRateThreshold(50)
					.slowCallRateThreshold(50)
					.slowCallDurationThreshold(settings.slowCall())
					.waitDurationInOpenState(settings.circuitOpenFor())
					.permittedNumberOfCallsInHalfOpenState(2)
					.build());
	}

	/** Maps a Kaspi status word; one the public clients do not know is UNKNOWN. */
	public static Outcome outcomeOf(String status) {
		Outcome known = STATUSES.get(status);
		if (known != null) {
			return known;
		}
		return BLOCK_CODE.matcher(status).matches() ? Outcome.FAILED : Outcome.UNKNOWN;
	}

	/** The breaker's state, for metrics and operators: CLOSED is healthy. */
	public String circuitState() {
		return this.breaker.getState().name();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Callbacks callbacks() {
		return this.settings.statusHints() ? Callbacks.HINT : Callbacks.NONE;
	}

	@Override
	public boolean refundsAutomatically() {
		return !this.settings.refundsByHand();
	}

	@Override
	public Created create(CreateRequest request) {
		boolean link = !"qr".equalsIgnoreCase(this.settings.form());
		ObjectNode body = withDevice();
		body.put("Amount", wholeTenge(request.amount().amount()));
		body.put("ExternalId", request.paymentId().toString());
		JsonNode data = call("POST", prefix() + (link ? "/qr/create-link" : "/qr/create"), body,
				"payment " + request.paymentId());
		String id = text(data, link ? "PaymentId" : "QrPaymentId");
		if (id == null) {
			throw new PaymentGatewayException("Kaspi create: no payment id in answer", true);
		}
		JsonNode options = data.path(link ? "PaymentBehaviorOptions" : "QrPaymentBehaviorOptions");
		Duration pollAfter = seconds(options.path("StatusPollingInterval"));
		String redirect = link ? text(data, "PaymentLink") : null;
		String qr = link ? redirect : text(data, "QrToken");
		String remote = this.settings.remoteInvoice() && request.phone() != null ? remoteInvoice(request) : null;
		return new Created(id, redirect, qr, pollAfter != null ? pollAfter : this.settings.defaultPollInterval(),
				instant(text(data, "ExpireDate")), remote);
	}

	/** The remote invoice's own QrPaymentId, or null when it could not be sent. */
	private @Nullable String remoteInvoice(CreateRequest request) {
		ObjectNode body = withDevice();
		body.put("Amount", wholeTenge(request.amount().amount()));
		body.put("PhoneNumber", request.phone().replaceAll("\\D", ""));
		body.put("Comment", request.description());
		try {
			String id = text(call("POST", prefix() + "/remote/create", body, "remote invoice " + request.paymentId()),
					"QrPaymentId");
			if (id == null) {
				log.warn("Kaspi remote invoice for payment {}: no QrPaymentId in answer", request.paymentId());
			}
			return id;
		}
		catch (PaymentGatewayException ex) {
			// The link/QR works without the invoice; the guest pays there.
			log.warn("Kaspi remote invoice for payment {} not sent: {}", request.paymentId(), ex.getMessage());
			return null;
		}
	}

	@Override
	public void cancelRemoteInvoice(String providerPaymentId) {
		ObjectNode body = withDevice();
		body.put("QrPaymentId", number(providerPaymentId));
		try {
			call("POST", prefix() + "/remote/cancel", body, "remote invoice " + providerPaymentId);
		}
		catch (PaymentGatewayException ex) {
			log.info("Kaspi remote invoice {} not withdrawn: {}", providerPaymentId, ex.getMessage());
		}
	}

	@Override
	public StatusReport status(String providerPaymentId) {
		JsonNode data = call("GET", prefix().replace("/v01", "/v02") + "/payment/status/" + number(providerPaymentId),
				null, "status of " + providerPaymentId);
		String status = text(data, "Status");
		if (status == null) {
			throw new PaymentGatewayException("Kaspi status of " + providerPaymentId + ": no Status in answer", true);
		}
		JsonNode amount = data.path("Amount");
		return new StatusReport(outcomeOf(status), status, amount.isNumber() ? amount.decimalValue() : null,
				this.settings.defaultPollInterval(), UNTOUCHED.contains(status));
	}

	@Override
	public Details details(String providerPaymentId) {
		String query = "?QrPaymentId=" + number(providerPaymentId) + "&DeviceToken="
				+ URLEncoder.encode(this.settings.deviceToken(), StandardCharsets.UTF_8)
				+ (this.settings.organizationBin().isBlank() ? "" : "&OrganizationBin="
						+ URLEncoder.encode(this.settings.organizationBin(), StandardCharsets.UTF_8));
		JsonNode data = call("GET", prefix() + "/payment/details" + query, null, "details of " + providerPaymentId);
		JsonNode total = data.path("TotalAmount");
		JsonNode available = data.path("AvailableReturnAmount");
		if (!total.isNumber() || !available.isNumber()) {
			throw new PaymentGatewayException(
					"Kaspi details of " + providerPaymentId + ": no TotalAmount / AvailableReturnAmount", true);
		}
		return new Details(total.decimalValue(), available.decimalValue());
	}

	@Override
	public String refund(RefundRequest request) {
		ObjectNode body = withDevice();
		body.put("QrPaymentId", number(request.providerPaymentId()));
		body.put("Amount", wholeTenge(request.amount().amount()));
		JsonNode data = call("POST", prefix() + "/payment/return", body, "refund " + request.refundId());
		JsonNode id = data.path("ReturnOperationId");
		if (id.isMissingNode() || id.isNull()) {
			throw new PaymentGatewayException("Kaspi refund: no ReturnOperationId in answer", true);
		}
		return id.isString() ? id.stringValue() : id.toString();
	}

	/**
	 * Gateways relaying Kaspi payments with signed callbacks use the common format; with
	 * {@code kaspi.status-hints} such a callback only makes us ask Kaspi.
	 */
	@Override
	public Callback parseCallback(String body) {
		return CallbackFormat.parse(body);
	}

	private JsonNode call(String method, String path, @Nullable ObjectNode body, String what) {
		if (!this.breaker.tryAcquirePermission()) {
			throw new PaymentGatewayException("Kaspi " + path + ": not called, Kaspi has been failing or slow ("
					+ "circuit open for up to " + this.settings.circuitOpenFor() + ")", true);
		}
		long started = System.nanoTime();
		try {
			JsonNode data = exchange(method, path, body, what);
			this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			return data;
		}
		catch (PaymentGatewayException ex) {
			long took = System.nanoTime() - started;
			if (ex.retryable()) {
				this.breaker.onError(took, TimeUnit.NANOSECONDS, ex);
			}
			else {
				// Kaspi answered: it is up, it only refused this request
				this.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
			}
			throw ex;
		}
	}

	private JsonNode exchange(String method, String path, @Nullable ObjectNode body, String what) {
		String requestId = UUID.randomUUID().toString();
		log.debug("Kaspi {} {} ({}) X-Request-ID {}", method, path, what, requestId);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.settings.baseUrl() + path))
			.timeout(this.settings.readTimeout())
			.header("Accept", "application/json")
			.header("X-Request-ID", requestId);
		if (!this.settings.apiKey().isBlank()) {
			request.header("Api-Key", this.settings.apiKey());
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		String where = "Kaspi " + path + " (" + what + ", X-Request-ID " + requestId + ")";
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new PaymentGatewayException(where + ": no answer within " + this.settings.readTimeout(), true, ex);
		}
		catch (IOException ex) {
			throw new PaymentGatewayException(where + " unreachable: " + ex.getMessage(), true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentGatewayException(where + ": interrupted", true, ex);
		}
		if (response.statusCode() >= 500 || response.statusCode() == 429) {
			throw new PaymentGatewayException(where + " answered HTTP " + response.statusCode(), true);
		}
		JsonNode root;
		try {
			root = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			// a glitch on a 2xx is worth another try; a 4xx page is a refusal (e.g. an
			// endpoint the contract does not offer)
			throw new PaymentGatewayException(where + ": unreadable answer (HTTP " + response.statusCode() + ")",
					response.statusCode() / 100 == 2, ex);
		}
		if (root == null || !root.isObject() || !root.path("StatusCode").isIntegralNumber()) {
			throw new PaymentGatewayException(
					where + ": answer without StatusCode (HTTP " + response.statusCode() + ")",
					response.statusCode() / 100 == 2);
		}
		int code = root.path("StatusCode").asInt();
		if (code != 0) {
			String message = where + " refused: " + code + " " + CODES.getOrDefault(code, "") + " — "
					+ text(root, "Message");
			if (code == PURCHASE_NOT_FOUND) {
				throw PaymentGatewayException.notFound(message);
			}
			// -999: service not available — worth another try; everything else is a
			// refusal.
			throw new PaymentGatewayException(message, code == SERVICE_NOT_AVAILABLE);
		}
		if (response.statusCode() / 100 != 2) {
			throw new PaymentGatewayException(where + " answered HTTP " + response.statusCode(), false);
		}
		return root.path("Data");
	}

	private ObjectNode withDevice() {
		ObjectNode body = JSON.createObjectNode();
		body.put("DeviceToken", this.settings.deviceToken());
		if (!this.settings.organizationBin().isBlank()) {
			body.put("OrganizationBin", this.settings.organizationBin());
		}
		return body;
	}

	private String prefix() {
		String prefix = this.settings.pathPrefix();
		return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

	/**
	 * Kaspi's payment ids are numbers, and every client sends them as numbers; ours are
	 * stored as text.
	 */
	static long number(String providerPaymentId) {
		try {
			return Long.parseLong(providerPaymentId.trim());
		}
		catch (NumberFormatException ex) {
			throw new PaymentGatewayException("Kaspi payment id is not a number: " + providerPaymentId, false);
		}
	}

	/**
	 * Amounts go to Kaspi in whole tenge (ЖильеGO rounds every amount so, see
	 * {@code Money}); one with tiyn is refused here rather than rounded by Kaspi.
	 */
	static BigInteger wholeTenge(BigDecimal amount) {
		try {
			return amount.stripTrailingZeros().toBigIntegerExact();
		}
		catch (ArithmeticException ex) {
			throw new PaymentGatewayException("Kaspi takes whole tenge; refusing to send " + amount.toPlainString(),
					false);
		}
	}

	/** Kaspi's ExpireDate, with its offset; without one it is Kazakhstan time. */
	static @Nullable Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value).atZone(Zones.KAZAKHSTAN).toInstant();
			}
			catch (DateTimeParseException ex) {
				log.warn("Kaspi ExpireDate '{}' unreadable; the QR expiry is not known", value);
				return null;
			}
		}
	}

	private static @Nullable Duration seconds(JsonNode node) {
		if (node.isNumber() && node.asLong() > 0) {
			return Duration.ofSeconds(node.asLong());
		}
		return null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString()) {
			return value.stringValue();
		}
		return value.isNumber() ? value.asString() : null;
	}

	private static @Nullable SSLContext sslContext(PaymentProperties.@Nullable ClientCertificate certificate,
			PaymentProperties.@Nullable TrustStore trust) {
		boolean withKey = certificate != null && !certificate.path().isBlank();
		boolean withTrust = trust != null && !trust.path().isBlank();
		if (!withKey && !withTrust) {
			return null;
		}
		try {
			KeyManager[] keys = null;
			if (withKey) {
				KeyStore store = load(certificate.path(), certificate.password(), "PKCS12");
				KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				factory.init(store, certificate.password().toCharArray());
				keys = factory.getKeyManagers();
			}
			TrustManager[] trusted = null;
			if (withTrust) {
				TrustManagerFactory factory = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init(load(trust.path(), trust.password(), trust.type()));
				trusted = factory.getTrustManagers();
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys, trusted, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Kaspi TLS material unusable: " + ex.getMessage(), ex);
		}
	}

	private static KeyStore load(String path, String password, String type) throws GeneralSecurityException {
		try (InputStream in = Files.newInputStream(Path.of(path))) {
			KeyStore store = KeyStore.getInstance(type);
			store.load(in, password.toCharArray());
			return store;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Kaspi key/trust store " + path + " unreadable: " + ex.getMessage(), ex);
		}
	}

}
