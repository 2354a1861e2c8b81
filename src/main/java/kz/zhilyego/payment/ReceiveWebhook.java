package kz.zhilyego.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.payment.internal.ProviderCallbacks;
import kz.zhilyego.payment.internal.PaymentRow;
import kz.zhilyego.payment.internal.Payments;
import kz.zhilyego.payment.internal.PollPayments;
import kz.zhilyego.payment.internal.SettlePayment;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider callback, in this order: the provider must be the active one and take
 * callbacks (else 404: Kaspi sends none); the HMAC signature over the raw body must match
 * and its timestamp be fresh (else 401, and a bounded prefix of the body is kept for
 * audit as unverified, never processed, and purged after the retention); the body must
 * parse (else 400); the payment must be ours (else 422). Then, in one transaction that
 * first locks the payment row (one lock order for every settling path, so parallel
 * callbacks never deadlock), the event is stored once (unique provider event id) and
 * applied; a replay finds it stored and changes nothing.
 * <p>
 * Applied means: a success that disagrees with the payment (another amount or currency,
 * or no amount) never marks it PAID — the payment is flagged for a person and the booking
 * stays as it was; a {@link PaymentGateway.Callbacks#HINT hint} (Kaspi via a relaying
 * gateway) only makes us ask the provider, whose answer settles the payment.
 */
@Service
public class ReceiveWebhook {

	private static final Logger log = LoggerFactory.getLogger(ReceiveWebhook.class);

	private final PaymentGateway gateway;

	private final ProviderCallbacks callbacks;

	private final Payments payments;

	private final SettlePayment settle;

	private final PollPayments poll;

	private final PaymentProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	ReceiveWebhook(PaymentGateway gateway, ProviderCallbacks callbacks, Payments payments, SettlePayment settle,
			PollPayments poll, PaymentProperties properties, TransactionTemplate transactions, Clock clock,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.gateway = gateway;
		this.callbacks = callbacks;
		this.payments = payments;
		this.settle = settle;
		this.poll = poll;
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
		if (!provider.equals(this.gateway.name()) || this.gateway.callbacks() == PaymentGateway.Callbacks.NONE) {
			throw ProblemException.notFound("payment.provider.unknown");
		}
		Instant now = this.clock.instant();
		WebhookSignatures.Verdict verdict = WebhookSignatures.verify(this.properties.webhookSecret(), signature, body,
				now, this.properties.webhookTolerance());
		if (verdict != WebhookSignatures.Verdict.VALID) {
			log.warn("Rejected {} callback: signature {}", provider, verdict);
			this.callbacks.storeRejected(provider, body,
					(int) Math.min(Integer.MAX_VALUE, this.properties.rejectedCallbacks().maxStoredBody().toBytes()),
					now);
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-signature",
					verdict == WebhookSignatures.Verdict.STALE ? "payment.webhook.stale"
							: "payment.webhook.invalidSignature");
		}
		String raw = new String(body, StandardCharsets.UTF_8);
		PaymentGateway.Callback callback;
		try {
			callback = this.gateway.parseCallback(raw);
		}
		catch (PaymentGateway.MalformedCallbackException ex) {
			log.warn("Malformed {} callback: {}", provider, ex.getMessage());
			throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-callback", "payment.webhook.malformed");
		}
		PaymentRow found = this.payments.findByProviderId(provider, callback.providerPaymentId())
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-payment",
					"payment.webhook.unknownPayment"));
		boolean hint = this.gateway.callbacks() == PaymentGateway.Callbacks.HINT;
		Processed processed = this.transactions.execute(status -> {
			// the payment row first, then the event that refers to it
			PaymentRow payment = this.payments.lock(found.id()).orElseThrow();
			Optional<Long> stored = this.callbacks.storeOnce(provider, callback.eventId(), payment.id(),
					callback.type(), raw, now);
			if (stored.isEmpty()) {
				return new Processed(true, null);
			}
			this.callbacks.markProcessed(stored.get(), now);
			if (hint) {
				return new Processed(false, null);
			}
			String disagreement = disagreement(payment, callback);
			if (disagreement != null) {
				if (this.payments.flagForReview(payment.id(), disagreement, now)) {
					this.publisher
						.publishEvent(new PaymentNeedsAttention(payment.id(), payment.bookingId(), disagreement));
				}
				log.error("Payment {} of booking {} flagged for review: {} callback {} says {} paid, payment is {} {}",
						payment.id(), payment.bookingId(), provider, callback.eventId(), callback.amount(),
						payment.amount(), payment.currency());
				return new Processed(false, SettlePayment.Effect.FLAGGED);
			}
			// joins this transaction; an automatic refund is attempted after it commits
			SettlePayment.Result result = this.settle.apply(payment.id(), callback.outcome(), callback.amount(),
					"callback:" + callback.type());
			return new Processed(false, result.effect());
		});
		SettlePayment.Effect effect = processed.effect();
		if (hint && !processed.duplicate()) {
			effect = this.poll.pollNow(found.id());
		}
		return new Receipt(callback.eventId(), processed.duplicate(),
				effect == null ? SettlePayment.Effect.UNCHANGED.name() : effect.name());
	}

	/**
	 * Why a callback may not settle the payment: a success must name the payment's own
	 * amount and currency. Null when it agrees (or reports no success).
	 */
	static @Nullable String disagreement(PaymentRow payment, PaymentGateway.Callback callback) {
		if (callback.outcome() != PaymentGateway.Outcome.PAID) {
			return null;
		}
		Money reported = callback.amount();
		if (reported == null) {
			return "amount_missing";
		}
		if (!reported.currency().equals(payment.currency())) {
			return "currency_mismatch";
		}
		return reported.amount().compareTo(payment.amount()) != 0 ? "amount_mismatch" : null;
	}

	private record Processed(boolean duplicate, SettlePayment.@Nullable Effect effect) {
	}

}
