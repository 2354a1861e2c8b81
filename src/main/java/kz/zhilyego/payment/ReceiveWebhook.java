package kz.zhilyego.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.internal.PaymentEvents;
import kz.zhilyego.payment.internal.PaymentRow;
import kz.zhilyego.payment.internal.Payments;
import kz.zhilyego.payment.internal.SettlePayment;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider callback, in this order: the provider must be the active one (else 404); the
 * HMAC signature over the raw body must match and its timestamp be fresh (else 401, and
 * the body is kept for audit as unverified, never processed); the body must parse (else
 * 400); the payment must be ours (else 422). Then, in one transaction, the event is
 * stored once (unique provider event id) and applied; a replay finds it stored and
 * changes nothing.
 */
@Service
public class ReceiveWebhook {

	private static final Logger log = LoggerFactory.getLogger(ReceiveWebhook.class);

	private final PaymentGateway gateway;

	private final PaymentEvents events;

	private final Payments payments;

	private final SettlePayment settle;

	private final PaymentProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReceiveWebhook(PaymentGateway gateway, PaymentEvents events, Payments payments, SettlePayment settle,
			PaymentProperties properties, TransactionTemplate transactions, Clock clock) {
		this.gateway = gateway;
		this.events = events;
		this.payments = payments;
		this.settle = settle;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @param duplicate the event was received before; nothing changed now
	 */
	public record Receipt(String eventId, boolean duplicate, String effect) {
	}

	public Receipt receive(String provider, @Nullable String signature, byte[] body) {
		if (!provider.equals(this.gateway.name())) {
			throw ProblemException.notFound("payment.provider.unknown");
		}
		Instant now = this.clock.instant();
		String raw = new String(body, StandardCharsets.UTF_8);
		WebhookSignatures.Verdict verdict = WebhookSignatures.verify(this.properties.webhookSecret(), signature, body,
				now, this.properties.webhookTolerance());
		if (verdict != WebhookSignatures.Verdict.VALID) {
			log.warn("Rejected {} callback: signature {}", provider, verdict);
			this.events.storeRejected(provider, raw, now);
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-signature",
					verdict == WebhookSignatures.Verdict.STALE ? "payment.webhook.stale"
							: "payment.webhook.invalidSignature");
		}
		PaymentGateway.Callback callback;
		try {
			callback = this.gateway.parseCallback(raw);
		}
		catch (PaymentGateway.MalformedCallbackException ex) {
			log.warn("Malformed {} callback: {}", provider, ex.getMessage());
			throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-callback", "payment.webhook.malformed");
		}
		PaymentRow payment = this.payments.findByProviderId(provider, callback.providerPaymentId())
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-payment",
					"payment.webhook.unknownPayment"));
		Processed processed = this.transactions.execute(status -> {
			Optional<Long> stored = this.events.storeOnce(provider, callback.eventId(), payment.id(), callback.type(),
					raw, now);
			if (stored.isEmpty()) {
				return new Processed(true, null);
			}
			SettlePayment.Result result = this.settle.applyInTransaction(payment.id(), callback.outcome(),
					callback.amount(), "callback:" + callback.type());
			this.events.markProcessed(stored.get(), now);
			return new Processed(false, result);
		});
		if (processed.result() != null) {
			this.settle.afterCommit(processed.result());
		}
		return new Receipt(callback.eventId(), processed.duplicate(),
				processed.result() == null ? "UNCHANGED" : processed.result().effect().name());
	}

	private record Processed(boolean duplicate, SettlePayment.@Nullable Result result) {
	}

}
