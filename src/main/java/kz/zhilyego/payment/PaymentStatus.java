package kz.zhilyego.payment;

/**
 * Our status of a payment. PENDING is the only status in flight before the money moves;
 * PAID may later become PARTIALLY_REFUNDED or REFUNDED. A success reported for a FAILED,
 * CANCELLED or EXPIRED payment still wins (the money arrived and must be handled);
 * nothing else moves a final status back.
 */
public enum PaymentStatus {

	PENDING, PAID, FAILED, CANCELLED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED,
	/**
	 * In doubt: the provider answered a status we do not know, or nothing final within
	 * {@code max-pending}. Not in flight (the guest may pay again), still asked about and
	 * shown to a person in the admin queue; a later success still settles it.
	 */
	UNKNOWN;

	/** Whether money was received for this payment. */
	public boolean isPaid() {
		return this == PAID || this == REFUNDED || this == PARTIALLY_REFUNDED;
	}

}
