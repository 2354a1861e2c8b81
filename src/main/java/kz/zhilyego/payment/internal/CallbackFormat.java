package kz.zhilyego.payment.internal;

import java.math.BigDecimal;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGateway.Callback;
import kz.zhilyego.payment.PaymentGateway.MalformedCallbackException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed callback body the sandbox sends and gateways relaying Kaspi payments are
 * configured to send (see docs/payments.md): <pre>
 * {"id": "evt_…", "type": "payment.succeeded", "createdAt": "2026-12-01T05:00:00Z",
 *  "data": {"paymentId": "&lt;provider payment id&gt;", "amount": 60000.00, "currency": "KZT"}}
 * </pre> Types: {@code payment.succeeded}, {@code payment.failed},
 * {@code payment.cancelled}, {@code payment.expired}; any other type is stored and
 * changes nothing.
 */
public final class CallbackFormat {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private CallbackFormat() {
	}

	public static String write(String eventId, String type, String providerPaymentId, Money amount, String createdAt) {
		var root = JSON.createObjectNode();
		root.put("id", eventId);
		root.put("type", type);
		root.put("createdAt", createdAt);
		var data = root.putObject("data");
		data.put("paymentId", providerPaymentId);
		data.put("amount", amount.amount());
		data.put("currency", amount.currency());
		return JSON.writeValueAsString(root);
	}

	public static String type(PaymentGateway.Outcome outcome) {
		return switch (outcome) {
			case PAID -> "payment.succeeded";
			case FAILED -> "payment.failed";
			case CANCELLED -> "payment.cancelled";
			case EXPIRED -> "payment.expired";
			case PENDING -> "payment.pending";
			case UNKNOWN -> "payment.unknown";
		};
	}

	public static Callback parse(String body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedCallbackException("not JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new MalformedCallbackException("not a JSON object");
		}
		String id = text(root, "id");
		String type = text(root, "type");
		JsonNode data = root.path("data");
		String paymentId = text(data, "paymentId");
		if (id == null || type == null || paymentId == null) {
			throw new MalformedCallbackException("id, type and data.paymentId are required");
		}
		Money amount = null;
		JsonNode amountNode = data.path("amount");
		if (!amountNode.isMissingNode() && !amountNode.isNull()) {
			String currency = text(data, "currency");
			amount = new Money(decimal(amountNode), currency == null ? Money.KZT : currency);
		}
		PaymentGateway.Outcome outcome = switch (type) {
			case "payment.succeeded" -> PaymentGateway.Outcome.PAID;
			case "payment.failed" -> PaymentGateway.Outcome.FAILED;
			case "payment.cancelled" -> PaymentGateway.Outcome.CANCELLED;
			case "payment.expired" -> PaymentGateway.Outcome.EXPIRED;
			case "payment.unknown" -> PaymentGateway.Outcome.UNKNOWN;
			default -> PaymentGateway.Outcome.PENDING;
		};
		return new Callback(id, type, paymentId, outcome, amount);
	}

	private static BigDecimal decimal(JsonNode node) {
		try {
			if (node.isNumber()) {
				return node.decimalValue();
			}
			if (node.isString()) {
				return new BigDecimal(node.stringValue());
			}
		}
		catch (NumberFormatException ex) {
			throw new MalformedCallbackException("amount is not a number");
		}
		throw new MalformedCallbackException("amount is not a number");
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (!value.isString() || value.stringValue().isBlank()) {
			return null;
		}
		return value.stringValue();
	}

}
