package kz.zhilyego.catalog;

import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.common.Money;

/**
 * The server-computed price of a stay: every night's price, the subtotal, discounts and
 * the total the guest pays.
 */
public record Quote(long listingId, Stay stay, List<NightPrice> nightly, Money subtotal, Money discounts, Money total) {

	public Quote {
		nightly = List.copyOf(nightly);
	}

	public int nights() {
		return this.stay.nights();
	}

	public String currency() {
		return this.total.currency();
	}

	/** The price of one night and why. */
	public record NightPrice(LocalDate date, Money price, Basis basis) {
	}

	/** Where a night's price came from. */
	public enum Basis {

		BASE, WEEKEND, OVERRIDE

	}

}
