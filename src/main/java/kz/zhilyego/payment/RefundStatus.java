package kz.zhilyego.payment;

/**
 * A refund is PENDING until the provider accepts it (SUCCEEDED) or we give up (FAILED).
 */
public enum RefundStatus {

	PENDING, SUCCEEDED, FAILED

}
