package kz.zhilyego.payment.internal;

import java.util.List;

import kz.zhilyego.common.Money;

/**
 * What the ledger books for a confirmed booking and for each refund of it (seed 001,
 * Сценарий 4). The invariant every set keeps, exactly, in tiyn: <pre>
 * GROSS = PLATFORM_COMMISSION + REALTOR_PAYOUT
 * </pre> GATEWAY_FEE is the platform's cost, paid out of its commission (platform net =
 * commission − fee); it is not taken from the realtor. A refund reverses every entry in
 * proportion to the refunded share of the gross; the payout reversal is the remainder, so
 * the invariant holds for the reversal and for the sums.
 */
public final class LedgerPolicy {

	private LedgerPolicy() {
	}

	public enum EntryType {

		GROSS, PLATFORM_COMMISSION, GATEWAY_FEE, REALTOR_PAYOUT, GROSS_REVERSAL, PLATFORM_COMMISSION_REVERSAL,
		GATEWAY_FEE_REVERSAL, REALTOR_PAYOUT_REVERSAL

	}

	public record Entry(EntryType type, Money amount) {
	}

	/** The set booked once when a payment confirms a booking. */
	public static List<Entry> confirmation(Money gross, Money commission, Money gatewayFee) {
		return List.of(new Entry(EntryType.GROSS, gross), new Entry(EntryType.PLATFORM_COMMISSION, commission),
				new Entry(EntryType.GATEWAY_FEE, gatewayFee),
				new Entry(EntryType.REALTOR_PAYOUT, gross.minus(commission)));
	}

	/**
	 * The reversing set (negative amounts) for a refund of {@code refund} out of gross.
	 */
	public static List<Entry> reversal(Money gross, Money commission, Money gatewayFee, Money refund) {
		if (refund.compareTo(gross) > 0 || refund.isNegative()) {
			throw new IllegalArgumentException("Refund " + refund + " outside 0.." + gross);
		}
		Money commissionBack = share(commission, refund, gross);
		Money feeBack = share(gatewayFee, refund, gross);
		Money payoutBack = refund.minus(commissionBack);
		return List.of(new Entry(EntryType.GROSS_REVERSAL, negate(refund)),
				new Entry(EntryType.PLATFORM_COMMISSION_REVERSAL, negate(commissionBack)),
				new Entry(EntryType.GATEWAY_FEE_REVERSAL, negate(feeBack)),
				new Entry(EntryType.REALTOR_PAYOUT_REVERSAL, negate(payoutBack)));
	}

	/** The whole-tenge rule (see {@code Money}): shares are whole tenge, half up. */
	private static Money share(Money part, Money refund, Money gross) {
		return part.share(refund, gross);
	}

	private static Money negate(Money money) {
		return new Money(money.amount().negate(), money.currency());
	}

}
