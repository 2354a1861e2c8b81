package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import kz.zhilyego.common.Money;
import org.jspecify.annotations.Nullable;

/**
 * The port to a payment provider. Exactly one gateway is active
 * ({@code zhilyego.payment.provider}); its {@link #name()} is the {@code {provider}} of
 * the webhook path. Every call may throw {@link PaymentGatewayException}; adapters map
 * the provider's statuses to {@link Outcome}: a status word they do not know is
 * {@link Outcome#UNKNOWN}, never a failure.
 */
public interface PaymentGateway {

	/**
	 * The provider's name as stored with payments, e.g. {@code sandbox}, {@code kaspi}.
	 */
	String name();

	/**
	 * What a signed callback of this provider is worth. A provider whose callbacks are
	 * {@link Callbacks#PROOF} is asked for the status only after a grace period, as a
	 * rescue for a lost callback; any other (Kaspi QR) is asked at
	 * {@link Created#pollAfter()}.
	 */
	Callbacks callbacks();

	/** Opens a payment session at the provider. */
	Created create(CreateRequest request);

	/** Asks the provider how the payment stands. */
	StatusReport status(String providerPaymentId);

	/** Sends money back, fully or partly; returns the provider's refund id. */
	String refund(RefundRequest request);

	/**
	 * Whether {@link #refund} can send money back at all. False when the contract has no
	 * refunds without the customer (Kaspi r1/r2 with {@code kaspi.refunds: by-hand}):
	 * refunds then wait in the admin queue for a person to make them in the provider's
	 * cabinet.
	 */
	default boolean refundsAutomatically() {
		return true;
	}

	/**
	 * What the provider holds for a paid payment: the amount paid and what can still be
	 * returned. Read before a refund is retried, so a refund whose first answer was lost
	 * is never sent twice.
	 * @throws PaymentGatewayException also when the provider does not offer it (not
	 * retryable)
	 */
	Details details(String providerPaymentId);

	/**
	 * Withdraws a remote invoice nobody needs any more (its booking was paid another
	 * way); best effort, the status still tells what happened.
	 */
	default void cancelRemoteInvoice(String providerPaymentId) {
	}

	/**
	 * Parses a callback whose signature the caller has already verified.
	 * @throws MalformedCallbackException when the body is not a callback of this provider
	 */
	Callback parseCallback(String body);

	/** What a provider's signed callbacks are taken for. */
	enum Callbacks {

		/** The provider sends none: its webhook path answers 404. */
		NONE,
		/**
		 * A callback only makes us ask the provider for the status; its content never
		 * settles a payment.
		 */
		HINT,
		/** A verified callback settles the payment (when it agrees with the payment). */
		PROOF

	}

	/** What the provider says about a payment. */
	enum Outcome {

		PENDING, PAID, FAILED, CANCELLED, EXPIRED,
		/**
		 * A status word the adapter does not know: maybe a new intermediate state, maybe
		 * a final one. Never a failure; the payment is handed to a person and still
		 * asked.
		 */
		UNKNOWN

	}

	/**
	 * @param paymentId our payment id, sent to the provider as its external id
	 * @param phone the guest's phone, for providers that can send an invoice to it
	 */
	record CreateRequest(UUID paymentId, UUID bookingId, Money amount, String description, String returnUrl,
			@Nullable String phone) {
	}

	/**
	 * @param pollAfter when the provider wants to be asked for the status first (null:
	 * our default)
	 * @param expiresAt when the QR / link stops taking payments (null: not said)
	 * @param remoteInvoiceId the provider's id of the invoice sent to the guest's phone
	 * next to the QR / link, a payment of its own (null: none sent)
	 */
	record Created(String providerPaymentId, @Nullable String redirectUrl, @Nullable String qrPayload,
			@Nullable Duration pollAfter, @Nullable Instant expiresAt, @Nullable String remoteInvoiceId) {

		public Created(String providerPaymentId, @Nullable String redirectUrl, @Nullable String qrPayload,
				@Nullable Duration pollAfter) {
			this(providerPaymentId, redirectUrl, qrPayload, pollAfter, null, null);
		}

	}

	/**
	 * @param raw the provider's own status word, for logs
	 * @param untouched the guest has not even opened the QR / link / invoice yet (Kaspi
	 * {@code QrTokenCreated}, {@code RemotePaymentCreated}): after its expiry nothing can
	 * come of it any more
	 */
	record StatusReport(Outcome outcome, String raw, @Nullable BigDecimal amount, @Nullable Duration pollAfter,
			boolean untouched) {

		public StatusReport(Outcome outcome, String raw, @Nullable BigDecimal amount, @Nullable Duration pollAfter) {
			this(outcome, raw, amount, pollAfter, false);
		}

	}

	/**
	 * @param total what the guest paid
	 * @param availableForReturn what can still be returned (total minus every return
	 * made)
	 */
	record Details(BigDecimal total, BigDecimal availableForReturn) {

		public BigDecimal returned() {
			return this.total.subtract(this.availableForReturn);
		}

	}

	/**
	 * @param refundId our refund id, sent as the provider's request id
	 */
	record RefundRequest(UUID refundId, String providerPaymentId, Money amount) {
	}

	/** A verified callback: which payment, what happened, and how much was paid. */
	record Callback(String eventId, String type, String providerPaymentId, Outcome outcome, @Nullable Money amount) {
	}

	/** The callback body is not what the provider sends. */
	class MalformedCallbackException extends RuntimeException {

		public MalformedCallbackException(String message) {
			super(message);
		}

	}

}
