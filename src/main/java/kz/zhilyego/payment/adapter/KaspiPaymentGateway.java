package kz.zhilyego.payment.adapter;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

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
 * {@code OrganizationBin}); optionally {@code POST {prefix}/remote/create} sends an
 * invoice to the guest's Kaspi phone;</li>
 * <li>status: {@code GET {prefix with v02}/payment/status/{id}}, polled at Kaspi's
 * {@code StatusPollingInterval};</li>
 * <li>refund: {@code POST {prefix}/payment/return} with {@code DeviceToken, QrPaymentId,
 * Amount}.</li>
 * </ul>
 * Answers are {@code {StatusCode, Message, Data}}, 0 = success. Authentication: the
 * {@code Api-Key} header and/or a client certificate (mutual TLS). Every request carries
 * {@code X-Request-ID}. Unreachable, slow, 5xx or unreadable answers are retryable
 * failures; a non-zero StatusCode is Kaspi's refusal (not retryable). Unknown statuses
 * are still pending.
 */
public class KaspiPaymentGateway implements PaymentGateway {

	public static final String NAME = "kaspi";

	private static final Logger log = LoggerFactory.getLogger(KaspiPaymentGateway.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Map<String, Outcome> STATUSES = Map.ofEntries(Map.entry("Processed", Outcome.PAID),
			Map.entry("Error", Outcome.FAILED), Map.entry("NotConfirmedByUser", Outcome.FAILED),
			Map.entry("CancelledByExternalSource", Outcome.FAILED), Map.entry("ProcessingFailed", Outcome.FAILED),
			Map.entry("Rejected", Outcome.FAILED), Map.entry("InsufficientFunds", Outcome.FAILED),
			Map.entry("RemotePaymentRejected", Outcome.FAILED), Map.entry("CancelledByUser", Outcome.CANCELLED),
			Map.entry("RemotePaymentCanceled", Outcome.CANCELLED), Map.entry("Expired", Outcome.EXPIRED),
			Map.entry("QrTokenDiscarded", Outcome.EXPIRED), Map.entry("QrTokenCreated", Outcome.PENDING),
			Map.entry("Wait", Outcome.PENDING), Map.entry("WaitForRemotePayment", Outcome.PENDING),
			Map.entry("WaitingForPayment", Outcome.PENDING), Map.entry("RemotePaymentCreated", Outcome.PENDING));

	private final PaymentProperties.Kaspi settings;

	private final HttpClient http;

	public KaspiPaymentGateway(PaymentProperties.Kaspi settings) {
		this.settings = settings;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER);
		if (settings.clientCertificate() != null && !settings.clientCertificate().path().isBlank()) {
			builder.sslContext(sslContext(settings.clientCertificate()));
		}
		this.http = builder.build();
	}

	/** Maps a Kaspi status word; anything unknown is still pending. */
	public static Outcome outcomeOf(@Nullable String status) {
		return status == null ? Outcome.PENDING : STATUSES.getOrDefault(status, Outcome.PENDING);
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
	public Created create(CreateRequest request) {
		boolean link = !"qr".equalsIgnoreCase(this.settings.form());
		ObjectNode body = withDevice();
		body.put("Amount", request.amount().amount());
		body.put("ExternalId", request.paymentId().toString());
		JsonNode data = call("POST", prefix() + (link ? "/qr/create-link" : "/qr/create"), body,
				request.paymentId().toString());
		String id = text(data, link ? "PaymentId" : "QrPaymentId");
		if (id == null) {
			throw new PaymentGatewayException("Kaspi create: no payment id in answer", true);
		}
		JsonNode options = data.path(link ? "PaymentBehaviorOptions" : "QrPaymentBehaviorOptions");
		Duration pollAfter = seconds(options.path("StatusPollingInterval"));
		String redirect = link ? text(data, "PaymentLink") : null;
		String qr = link ? redirect : text(data, "QrToken");
		if (this.settings.remoteInvoice() && request.phone() != null) {
			remoteInvoice(request, id);
		}
		return new Created(id, redirect, qr, pollAfter != null ? pollAfter : this.settings.defaultPollInterval());
	}

	private void remoteInvoice(CreateRequest request, String paymentId) {
		ObjectNode body = withDevice();
		body.put("Amount", request.amount().amount());
		body.put("PhoneNumber", request.phone().replaceAll("\\D", ""));
		body.put("Comment", request.description());
		try {
			call("POST", prefix() + "/remote/create", body, request.paymentId().toString());
		}
		catch (PaymentGatewayException ex) {
			// The link/QR works without the invoice; the guest pays there.
			log.warn("Kaspi remote invoice for payment {} not sent: {}", paymentId, ex.getMessage());
		}
	}

	@Override
	public StatusReport status(String providerPaymentId) {
		JsonNode data = call("GET",
				prefix().replace("/v01", "/v02") + "/payment/status/"
						+ URLEncoder.encode(providerPaymentId, StandardCharsets.UTF_8),
				null, UUID.randomUUID().toString());
		String status = text(data, "Status");
		JsonNode amount = data.path("Amount");
		return new StatusReport(outcomeOf(status), status == null ? "" : status,
				amount.isNumber() ? amount.decimalValue() : null, this.settings.defaultPollInterval());
	}

	@Override
	public String refund(RefundRequest request) {
		ObjectNode body = withDevice();
		body.put("QrPaymentId", request.providerPaymentId());
		body.put("Amount", request.amount().amount());
		JsonNode data = call("POST", prefix() + "/payment/return", body, request.refundId().toString());
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

	private JsonNode call(String method, String path, @Nullable ObjectNode body, String requestId) {
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
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new PaymentGatewayException("Kaspi " + path + ": no answer within " + this.settings.readTimeout(),
					true, ex);
		}
		catch (IOException ex) {
			throw new PaymentGatewayException("Kaspi " + path + " unreachable: " + ex.getMessage(), true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentGatewayException("Kaspi " + path + ": interrupted", true, ex);
		}
		if (response.statusCode() >= 500 || response.statusCode() == 429) {
			throw new PaymentGatewayException("Kaspi " + path + " answered HTTP " + response.statusCode(), true);
		}
		JsonNode root;
		try {
			root = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new PaymentGatewayException(
					"Kaspi " + path + ": unreadable answer (HTTP " + response.statusCode() + ")", true, ex);
		}
		if (root == null || !root.isObject() || !root.path("StatusCode").isIntegralNumber()) {
			throw new PaymentGatewayException(
					"Kaspi " + path + ": answer without StatusCode (HTTP " + response.statusCode() + ")", true);
		}
		int code = root.path("StatusCode").asInt();
		if (code != 0) {
			String message = text(root, "Message");
			// -999: service not available — worth another try; everything else is a
			// refusal.
			throw new PaymentGatewayException("Kaspi " + path + " refused: " + code + " " + message, code == -999);
		}
		if (response.statusCode() / 100 != 2) {
			throw new PaymentGatewayException("Kaspi " + path + " answered HTTP " + response.statusCode(), false);
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

	private static SSLContext sslContext(PaymentProperties.ClientCertificate certificate) {
		try (InputStream in = Files.newInputStream(Path.of(certificate.path()))) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, certificate.password().toCharArray());
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, certificate.password().toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Kaspi client certificate " + certificate.path() + " unusable", ex);
		}
	}

}
