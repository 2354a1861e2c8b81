package kz.zhilyego.payment;

/**
 * A provider call failed: unreachable, too slow, a 5xx, an answer we cannot read
 * ({@link #retryable()}), or a refusal by the provider's business rules (not retryable,
 * e.g. a refund larger than what is left). The caller decides what a failure means for
 * the payment; the money state never changes because of an exception alone.
 */
public class PaymentGatewayException extends RuntimeException {

	private final boolean retryable;

	private final boolean notFound;

	public PaymentGatewayException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
		this.notFound = false;
	}

	private PaymentGatewayException(String message) {
		super(message);
		this.retryable = false;
		this.notFound = true;
	}

	/**
	 * The provider does not know the payment (Kaspi -1601 "purchase not found"): asking
	 * again will not help.
	 */
	public static PaymentGatewayException notFound(String message) {
		return new PaymentGatewayException(message);
	}

	public PaymentGatewayException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
		this.notFound = false;
	}

	public boolean retryable() {
		return this.retryable;
	}

	public boolean notFound() {
		return this.notFound;
	}

}
