package kz.zhilyego.booking;

import java.util.UUID;

/**
 * Asked by the hold-expiry job before it expires an overdue hold, outside any lock. The
 * payment module implements it: if the hold has a payment in flight it asks the provider
 * and, when the money arrived, confirms the booking — so a last-second payment is never
 * lost. Afterwards the job expires the hold only if it is still HOLD.
 */
public interface HoldExpiryGuard {

	void beforeExpiry(UUID bookingId);

}
