package kz.zhilyego.payment;

/**
 * A refund is PENDING until the provider accepts it (SUCCEEDED) or we give up (FAILED).
 * MANUAL: the provider cannot refund by API ({@code kaspi.refunds: by-hand}); a person
 * makes it in the provider's cabinet and marks it SUCCEEDED in the admin queue (a FAILED
 * one can be marked so too).
 */
public enum RefundStatus {

	PENDING, SUCCEEDED, FAILED, MANUAL

}
