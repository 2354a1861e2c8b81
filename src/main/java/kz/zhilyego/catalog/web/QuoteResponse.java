package kz.zhilyego.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.catalog.Quote;

/** JSON shape of a quote: money as decimal numbers plus one {@code currency}. */
record QuoteResponse(long listingId, LocalDate checkIn, LocalDate checkOut, int nights, List<Night> nightly,
		BigDecimal subtotal, BigDecimal discounts, BigDecimal total, String currency) {

	static QuoteResponse of(Quote quote) {
		return new QuoteResponse(quote.listingId(), quote.stay().checkIn(), quote.stay().checkOut(), quote.nights(),
				quote.nightly()
					.stream()
					.map(n -> new Night(n.date(), n.price().amount(), n.basis().name().toLowerCase()))
					.toList(),
				quote.subtotal().amount(), quote.discounts().amount(), quote.total().amount(), quote.currency());
	}

	record Night(LocalDate date, BigDecimal price, String basis) {
	}

}
