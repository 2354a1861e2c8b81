package kz.zhilyego.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in one currency. The only money type of ЖильеГО: never
 * {@code double}. Amounts are kept with two decimal places (tiyn), rounded half-up.
 * <p>
 * <b>Whole-tenge rule.</b> Every amount ЖильеGO charges, books or pays back is whole
 * tenge: Kaspi takes whole tenge, and an amount it rounds itself would no longer match
 * the payment. So every amount <em>derived</em> from another — a percentage
 * ({@link #percent}: weekend uplift, long-stay discount, platform commission, gateway
 * fee, a 50 % refund), a proportional share ({@link #share}: a commission's part of a
 * refund), or a price entered with tiyn ({@link #wholeTenge}) — is rounded to whole
 * tenge, half up (0.50 goes up). Sums and differences of whole amounts stay whole.
 * docs/payments.md ("Whole tenge") has the table.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

	public static final String KZT = "KZT";

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	public static Money kzt(BigDecimal amount) {
		return new Money(amount, KZT);
	}

	public static Money kzt(long amount) {
		return kzt(BigDecimal.valueOf(amount));
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	public Money times(long factor) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(factor)), this.currency);
	}

	/**
	 * This amount × {@code percent} / 100 in whole tenge, half up (the whole-tenge rule),
	 * e.g. a 10 % commission of 33 333 is 3 333.
	 */
	public Money percent(BigDecimal percent) {
		return new Money(this.amount.multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP),
				this.currency);
	}

	/**
	 * This amount × {@code part} / {@code whole} in whole tenge, half up: e.g. the share
	 * of a commission that a partial refund takes back. Zero when {@code whole} is zero.
	 */
	public Money share(Money part, Money whole) {
		requireSameCurrency(part);
		requireSameCurrency(whole);
		if (whole.isZero()) {
			return zero(this.currency);
		}
		return new Money(this.amount.multiply(part.amount).divide(whole.amount, 0, RoundingMode.HALF_UP),
				this.currency);
	}

	/** This amount rounded to whole tenge, half up (the whole-tenge rule). */
	public Money wholeTenge() {
		return new Money(this.amount.setScale(0, RoundingMode.HALF_UP), this.currency);
	}

	/** Whether the amount has no tiyn. */
	public boolean isWholeTenge() {
		return this.amount.stripTrailingZeros().scale() <= 0;
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Currency mismatch: " + this.currency + " vs " + other.currency);
		}
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency;
	}

}
