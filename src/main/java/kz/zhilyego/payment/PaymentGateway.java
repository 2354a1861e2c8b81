package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import kz.zhilyego.common.Money;
import org.jspecify.annotations.Nullable;

/**
 * The port to a payment provider. Exactly one gateway is active
 * ({@code zhilyego.payment.provider}); its {@link #name()} is the {@code {provider}} of
 * the webhook path. Every call may throw {@link PaymentGatewayException}; adapters map
 * the provider's statuses to {@link Outcome} and report an unknown status as
 * {@link Outcome#PENDING}, never as a failure.
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

		PENDING, PAID, FAILED, CANCELLED, EXPIRED

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
	 */
	record Created(String providerPaymentId, @Nullable String redirectUrl, @Nullable String qrPayload,
			@Nullable Duration pollAfter) {
	}

	/**
	 * @param raw the provider's own status word, for logs
	 */
	record StatusReport(Outcome outcome, String raw, @Nullable BigDecimal amount, @Nullable Duration pollAfter) {
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
