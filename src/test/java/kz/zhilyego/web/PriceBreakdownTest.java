package kz.zhilyego.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import kz.zhilyego.catalog.Quote;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayPricing;
import kz.zhilyego.common.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceBreakdownTest {

	private static final StayPricing PRICING = new StayPricing(Money.kzt(20_000), BigDecimal.valueOf(20), 7,
			BigDecimal.valueOf(10));

	@Test
	void nightsAreGroupedByPriceAndWhyInTheOrderTheyComeAndTheDiscountPercentIsReadBack() {
		Quote quote = PRICING.quote(1, new Stay(LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-17")),
				Map.of(LocalDate.parse("2026-12-15"), Money.kzt(30_000)));
		PriceBreakdown breakdown = PriceBreakdown.of(quote);
		assertThat(breakdown.groups())
			.extracting(PriceBreakdown.Group::basis, g -> g.price().intValue(), PriceBreakdown.Group::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("BASE", 20_000, 4),
					org.assertj.core.groups.Tuple.tuple("WEEKEND", 24_000, 2),
					org.assertj.core.groups.Tuple.tuple("OVERRIDE", 30_000, 1));
		assertThat(breakdown.nights()).hasSize(7);
		assertThat(breakdown.subtotal()).isEqualByComparingTo("158000");
		assertThat(breakdown.discount()).isEqualByComparingTo("15800");
		assertThat(breakdown.discountPercent()).isEqualByComparingTo("10");
		assertThat(breakdown.total()).isEqualByComparingTo("142200");
		assertThat(breakdown.uniform()).isFalse();
		assertThat(breakdown.groups().get(0).amount()).isEqualByComparingTo("80000");
	}

	@Test
	void oneWeekdayPriceWithoutDiscountIsUniform() {
		Quote quote = PRICING.quote(1, new Stay(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-10")),
				Map.of());
		PriceBreakdown breakdown = PriceBreakdown.of(quote);
		assertThat(breakdown.uniform()).isTrue();
		assertThat(breakdown.discountPercent()).isNull();
		assertThat(breakdown.nightCount()).isEqualTo(3);
	}

	@Test
	void anOddPercentIsReadBackFromTheRoundedAmount() {
		StayPricing pricing = new StayPricing(Money.kzt(17_333), BigDecimal.ZERO, 2, new BigDecimal("7.5"));
		PriceBreakdown breakdown = PriceBreakdown
			.of(pricing.quote(1, new Stay(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-10")), Map.of()));
		assertThat(breakdown.discountPercent()).isEqualByComparingTo("7.5");
	}

}
