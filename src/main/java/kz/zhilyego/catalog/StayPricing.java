package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.Money;
import org.jspecify.annotations.Nullable;

/**
 * The pricing policy of a listing, a pure function of its settings: each night costs the
 * realtor's per-date price if set, else the nightly price raised by the weekend uplift on
 * Friday and Saturday nights; stays of at least {@code longStayMinNights} get the
 * long-stay discount. Every night's price and the discount are whole tenge (the
 * whole-tenge rule of {@code Money}: a price with tiyn and a percentage are rounded half
 * up), so the total is whole tenge too.
 *
 * @param nightlyPrice the listing's base price per night
 * @param weekendUpliftPercent extra percent on Friday and Saturday nights
 * @param longStayMinNights nights from which the long-stay discount applies; null for
 * none
 * @param longStayDiscountPercent discount percent of the subtotal for a long stay
 */
public record StayPricing(Money nightlyPrice, BigDecimal weekendUpliftPercent, @Nullable Integer longStayMinNights,
		BigDecimal longStayDiscountPercent) {

	public Quote quote(long listingId, Stay stay, Map<LocalDate, Money> nightOverrides) {
		List<Quote.NightPrice> nightly = new ArrayList<>(stay.nights());
		Money subtotal = Money.zero(this.nightlyPrice.currency());
		for (LocalDate night : stay.nightDates()) {
			Quote.NightPrice price = priceOf(night, nightOverrides.get(night));
			nightly.add(price);
			subtotal = subtotal.plus(price.price());
		}
		Money discounts = Money.zero(subtotal.currency());
		if (this.longStayMinNights != null && stay.nights() >= this.longStayMinNights
				&& this.longStayDiscountPercent.signum() > 0) {
			discounts = subtotal.percent(this.longStayDiscountPercent);
		}
		return new Quote(listingId, stay, nightly, subtotal, discounts, subtotal.minus(discounts));
	}

	private Quote.NightPrice priceOf(LocalDate night, @Nullable Money override) {
		if (override != null) {
			return new Quote.NightPrice(night, override.wholeTenge(), Quote.Basis.OVERRIDE);
		}
		DayOfWeek day = night.getDayOfWeek();
		boolean weekend = day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY;
		if (weekend && this.weekendUpliftPercent.signum() > 0) {
			Money base = this.nightlyPrice.wholeTenge();
			Money uplifted = base.plus(base.percent(this.weekendUpliftPercent));
			return new Quote.NightPrice(night, uplifted, Quote.Basis.WEEKEND);
		}
		return new Quote.NightPrice(night, this.nightlyPrice.wholeTenge(), Quote.Basis.BASE);
	}

}
