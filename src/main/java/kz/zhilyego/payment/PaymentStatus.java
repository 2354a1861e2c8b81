package kz.zhilyego.payment;

/**
 * Our status of a payment. PENDING is the only non-final status before the money moves;
 * PAID may later become PARTIALLY_REFUNDED or REFUNDED. A success reported for a FAILED,
 * CANCELLED or EXPIRED payment still wins (the money arrived and must be handled);
 * nothing else moves a final status back.
 */
public enum PaymentStatus {

	PENDING, PAID, FAILED, CANCELLED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED;

	/** Whether money was received for this payment. */
	public boolean isPaid() {
		return this == PAID || this == REFUNDED || this == PARTIALLY_REFUNDED;
	}

}
