package kz.zhilyego.payment;

/**
 * A provider call failed: unreachable, too slow, a 5xx, an answer we cannot read
 * ({@link #retryable()}), or a refusal by the provider's business rules (not retryable,
 * e.g. a refund larger than what is left). The caller decides what a failure means for
 * the payment; the money state never changes because of an exception alone.
 */
public class PaymentGatewayException extends RuntimeException {

	private final boolean retryable;

	public PaymentGatewayException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
	}

	public PaymentGatewayException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	public boolean retryable() {
		return this.retryable;
	}

}
