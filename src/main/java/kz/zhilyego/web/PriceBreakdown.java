package kz.zhilyego.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.catalog.Quote;
import org.jspecify.annotations.Nullable;

/**
 * How a total came about, for every place a total is shown (the listing's price box,
 * search cards, the booking preview, the booking page): the nights grouped by price and
 * why (the listing's price, the weekend rate, the realtor's price for that date), each
 * night on its own line, the long-stay discount and the total. Built from a fresh
 * {@link Quote} or from the breakdown stored with a booking, so the page shows exactly
 * what was charged.
 *
 * @param groups nights of one price and basis, in the order they first occur
 * @param nights every night of the stay
 * @param discountPercent the long-stay discount as a percent of the subtotal (null
 * without a discount)
 */
record PriceBreakdown(List<Group> groups, List<Night> nights, BigDecimal subtotal, BigDecimal discount,
		@Nullable BigDecimal discountPercent, BigDecimal total, String currency) {

	/** The basis codes: listing price, weekend rate, the realtor's price for the date. */
	static final String BASE = "BASE";

	static final String WEEKEND = "WEEKEND";

	static final String OVERRIDE = "OVERRIDE";

	PriceBreakdown {
		groups = List.copyOf(groups);
		nights = List.copyOf(nights);
	}

	/** Nights of one price and one basis. */
	record Group(BigDecimal price, String basis, int count) {

		public BigDecimal amount() {
			return this.price.multiply(BigDecimal.valueOf(this.count));
		}

	}

	/** One night: its date, price and basis. */
	record Night(LocalDate date, BigDecimal price, String basis) {
	}

	static PriceBreakdown of(Quote quote) {
		List<Night> nights = quote.nightly()
			.stream()
			.map(n -> new Night(n.date(), n.price().amount(), n.basis().name()))
			.toList();
		return of(nights, quote.subtotal().amount(), quote.discounts().amount(), quote.total().amount(),
				quote.currency());
	}

	static PriceBreakdown of(BookingDetails booking) {
		// stored as base / weekend / override
		List<Night> nights = booking.nightly()
			.stream()
			.map(n -> new Night(n.date(), n.price(), n.basis().toUpperCase(java.util.Locale.ROOT)))
			.toList();
		return of(nights, booking.subtotal(), booking.discounts(), booking.total(), booking.currency());
	}

	private static PriceBreakdown of(List<Night> nights, BigDecimal subtotal, BigDecimal discount, BigDecimal total,
			String currency) {
		Map<String, Group> groups = new LinkedHashMap<>();
		for (Night night : nights) {
			String key = night.basis() + "|" + night.price().stripTrailingZeros().toPlainString();
			Group group = groups.get(key);
			groups.put(key, new Group(night.price(), night.basis(), group == null ? 1 : group.count() + 1));
		}
		// the percent the pricing policy applied, read back from the amounts (the
		// discount is rounded to the tiyn, so one decimal place recovers it)
		BigDecimal percent = discount.signum() > 0 && subtotal.signum() > 0 ? discount.multiply(BigDecimal.valueOf(100))
			.divide(subtotal, 1, RoundingMode.HALF_UP)
			.stripTrailingZeros() : null;
		return new PriceBreakdown(new ArrayList<>(groups.values()), nights, subtotal, discount, percent, total,
				currency);
	}

	public int nightCount() {
		return this.nights.size();
	}

	public boolean hasDiscount() {
		return this.discount.signum() > 0;
	}

	/** One price for every night and no discount: the total needs no explanation. */
	public boolean uniform() {
		return this.groups.size() == 1 && !hasDiscount();
	}

}
