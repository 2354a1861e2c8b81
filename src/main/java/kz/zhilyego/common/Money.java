package kz.zhilyego.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in one currency. The only money type of ЖильеГО: never
 * {@code double}. Amounts are kept with two decimal places (tiyn), rounded half-up.
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

	/** This amount × {@code percent} / 100, e.g. a 10 % commission. */
	public Money percent(BigDecimal percent) {
		return new Money(this.amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
				this.currency);
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
