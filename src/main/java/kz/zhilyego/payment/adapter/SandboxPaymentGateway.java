package kz.zhilyego.payment.adapter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.internal.CallbackFormat;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A payment provider that lives inside ЖильеGO, so the whole search → hold → pay →
 * confirmed flow works offline. It keeps its own side of each payment (table
 * {@code sandbox_provider_payments}) like a real provider: its page at
 * {@code /payments/sandbox/{paymentId}} offers Pay / Decline / Cancel, and
 * {@link #complete} sends a signed callback over HTTP to our own webhook exactly as a
 * provider would. It answers status queries (an unfinished payment expires after
 * {@code zhilyego.payment.sandbox.expires-after}) and refunds. Exists only when
 * {@code zhilyego.payment.provider} is {@code sandbox}, which only the dev and test
 * profiles allow ({@code PaymentSettingsCheck}); never in production.
 */
@Component
@ConditionalOnProperty(name = "zhilyego.payment.provider", havingValue = SandboxPaymentGateway.NAME)
public class SandboxPaymentGateway implements PaymentGateway {

	public static final String NAME = "sandbox";

	private static final Logger log = LoggerFactory.getLogger(SandboxPaymentGateway.class);

	private final JdbcClient jdbc;

	private final PaymentProperties properties;

	private final Environment environment;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	SandboxPaymentGateway(JdbcClient jdbc, PaymentProperties properties, Environment environment, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.environment = environment;
		this.clock = clock;
	}

	/** The sandbox's side of a payment, for its page. */
	public record SandboxPayment(String providerPaymentId, UUID paymentId, Money amount, String description,
			String returnUrl, Outcome status) {
	}

	/** What completing a sandbox payment did: its outcome and our webhook's answer. */
	public record Completion(UUID paymentId, Outcome outcome, int callbackStatus, String returnUrl) {
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Callbacks callbacks() {
		return Callbacks.PROOF;
	}

	@Override
	public Created create(CreateRequest request) {
		Instant now = this.clock.instant();
		String providerPaymentId = "sbx_" + request.paymentId().toString().replace("-", "");
		this.jdbc.sql("""
				insert into sandbox_provider_payments (provider_payment_id, payment_id, amount, currency, description,
				    return_url, status, created_at, expires_at)
				values (:pid, :payment, :amount, :currency, :description, :returnUrl, 'PENDING', :now, :expires)
				""")
			.param("pid", providerPaymentId)
			.param("payment", request.paymentId())
			.param("amount", request.amount().amount())
			.param("currency", request.amount().currency())
			.param("description", request.description())
			.param("returnUrl", request.returnUrl())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("expires", now.plus(this.properties.sandbox().expiresAfter()).atOffset(ZoneOffset.UTC))
			.update();
		String page = this.properties.publicBaseUrl() + "/payments/sandbox/" + request.paymentId();
		return new Created(providerPaymentId, page, page, null);
	}

	@Override
	public StatusReport status(String providerPaymentId) {
		expireOverdue();
		SandboxPayment payment = find("provider_payment_id", providerPaymentId)
			.orElseThrow(() -> new PaymentGatewayException("Sandbox: no payment " + providerPaymentId, false));
		return new StatusReport(payment.status(), payment.status().name(),
				payment.status() == Outcome.PAID ? payment.amount().amount() : null, null);
	}

	@Override
	public String refund(RefundRequest request) {
		Integer failures = this.jdbc.sql("""
				update sandbox_provider_payments set refund_failures_to_simulate = refund_failures_to_simulate - 1
				where provider_payment_id = :pid and refund_failures_to_simulate > 0
				returning refund_failures_to_simulate
				""").param("pid", request.providerPaymentId()).query(Integer.class).optional().orElse(null);
		if (failures != null) {
			throw new PaymentGatewayException("Sandbox: simulated refund failure", true);
		}
		int updated = this.jdbc.sql("""
				update sandbox_provider_payments set refunded = refunded + :amount
				where provider_payment_id = :pid and status = 'PAID' and refunded + :amount <= amount
				""").param("amount", request.amount().amount()).param("pid", request.providerPaymentId()).update();
		if (updated != 1) {
			throw new PaymentGatewayException("Sandbox: refund exceeds what is left or payment not paid", false);
		}
		return "sbx_rf_" + request.refundId().toString().replace("-", "");
	}

	@Override
	public Details details(String providerPaymentId) {
		return this.jdbc.sql("""
				select amount, refunded from sandbox_provider_payments
				where provider_payment_id = :pid and status = 'PAID'
				""")
			.param("pid", providerPaymentId)
			.query((rs, row) -> new Details(rs.getBigDecimal("amount"),
					rs.getBigDecimal("amount").subtract(rs.getBigDecimal("refunded"))))
			.optional()
			.orElseThrow(() -> PaymentGatewayException.notFound("Sandbox: no paid payment " + providerPaymentId));
	}

	@Override
	public Callback parseCallback(String body) {
		return CallbackFormat.parse(body);
	}

	public Optional<SandboxPayment> page(UUID paymentId) {
		expireOverdue();
		return find("payment_id", paymentId);
	}

	/**
	 * The payer's choice: moves the sandbox's side of the payment (PENDING → PAID, FAILED
	 * or CANCELLED; repeating the same choice re-sends its callback) and posts the signed
	 * callback to our webhook. Empty when there is no such payment; a different choice
	 * after the payment was finished throws {@link IllegalStateException}.
	 */
	public Optional<Completion> complete(UUID paymentId, Outcome outcome) {
		if (outcome != Outcome.PAID && outcome != Outcome.FAILED && outcome != Outcome.CANCELLED) {
			throw new IllegalArgumentException("Sandbox outcome " + outcome);
		}
		expireOverdue();
		Optional<SandboxPayment> found = find("payment_id", paymentId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				update sandbox_provider_payments set status = :outcome, completed_at = :now
				where payment_id = :payment and status = 'PENDING'
				""")
			.param("outcome", outcome.name())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("payment", paymentId)
			.update();
		SandboxPayment payment = find("payment_id", paymentId).orElseThrow();
		if (payment.status() != outcome) {
			throw new IllegalStateException("Sandbox payment " + paymentId + " is already " + payment.status());
		}
		int status = sendCallback(payment);
		return Optional.of(new Completion(paymentId, outcome, status, payment.returnUrl()));
	}

	private int sendCallback(SandboxPayment payment) {
		Instant now = this.clock.instant();
		String eventId = "evt_" + payment.providerPaymentId() + "_" + payment.status().name().toLowerCase();
		byte[] body = CallbackFormat
			.write(eventId, CallbackFormat.type(payment.status()), payment.providerPaymentId(), payment.amount(),
					now.toString())
			.getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignatures.sign(this.properties.webhookSecret(), now.getEpochSecond(), body);
		URI uri = URI.create(callbackBase() + "/api/v1/payments/webhooks/" + NAME);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header(WebhookSignatures.HEADER, signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				log.warn("Sandbox callback {} answered {}: {}", eventId, response.statusCode(), response.body());
			}
			return response.statusCode();
		}
		catch (IOException ex) {
			log.warn("Sandbox callback {} not delivered: {}", eventId, ex.getMessage());
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private String callbackBase() {
		String configured = this.properties.sandbox().callbackBaseUrl();
		if (!configured.isBlank()) {
			return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080");
	}

	private void expireOverdue() {
		this.jdbc.sql("""
				update sandbox_provider_payments set status = 'EXPIRED', completed_at = expires_at
				where status = 'PENDING' and expires_at <= :now
				""").param("now", this.clock.instant().atOffset(ZoneOffset.UTC)).update();
	}

	private Optional<SandboxPayment> find(String column, Object value) {
		String sql = column.equals("payment_id") ? "select * from sandbox_provider_payments where payment_id = :value"
				: "select * from sandbox_provider_payments where provider_payment_id = :value";
		return this.jdbc.sql(sql).param("value", value).query(SandboxPaymentGateway::map).optional();
	}

	private static SandboxPayment map(ResultSet rs, int row) throws SQLException {
		return new SandboxPayment(rs.getString("provider_payment_id"), rs.getObject("payment_id", UUID.class),
				new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("description"),
				rs.getString("return_url"), Outcome.valueOf(rs.getString("status")));
	}

}
