package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import kz.zhilyego.common.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StayPricingTest {

	private static final Money NIGHTLY = Money.kzt(10_000);

	@ParameterizedTest(name = "{0} → {1} nights, total {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# checkIn  | checkOut   | uplift | minNights/discount | total   | discounts
			2026-12-07 | 2026-12-10 | 0      | 0/0                | 30000   | 0
			2026-12-10 | 2026-12-13 | 20     | 0/0                | 34000   | 0
			2026-12-11 | 2026-12-12 | 15     | 0/0                | 11500   | 0
			2026-12-07 | 2026-12-14 | 0      | 7/10               | 63000   | 7000
			2026-12-07 | 2026-12-13 | 0      | 7/10               | 60000   | 0
			2026-12-07 | 2026-12-14 | 50     | 7/20               | 64000   | 16000
			""")
	void pricesEveryNightAndAppliesTheLongStayDiscount(LocalDate checkIn, LocalDate checkOut, int uplift,
			String longStay, long total, long discounts) {
		String[] parts = longStay.split("/");
		int minNights = Integer.parseInt(parts[0]);
		StayPricing pricing = new StayPricing(NIGHTLY, BigDecimal.valueOf(uplift), minNights == 0 ? null : minNights,
				new BigDecimal(parts[1]));

		Quote quote = pricing.quote(1, new Stay(checkIn, checkOut), Map.of());

		assertThat(quote.total()).isEqualTo(Money.kzt(total));
		assertThat(quote.discounts()).isEqualTo(Money.kzt(discounts));
		assertThat(quote.subtotal()).isEqualTo(Money.kzt(total + discounts));
		assertThat(quote.nightly()).hasSize(quote.nights());
	}

	/**
	 * The whole-tenge rule: a weekend uplift, a long-stay discount and a price entered
	 * with tiyn round half up to whole tenge, so the total the guest pays (and Kaspi
	 * charges) is whole tenge. Before the rule these totals kept tiyn.
	 */
	@ParameterizedTest(name = "{0} × {1}, uplift {2} %, discount {3}: total {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# nightly | nights from 2026-12-07 | uplift | minNights/discount | total  | discounts
			10001     | 7                      | 15     | 0/0                | 73007  | 0
			10001     | 7                      | 15     | 7/12.5             | 63881  | 9126
			9999.50   | 2                      | 0      | 0/0                | 20000  | 0
			9999.49   | 2                      | 0      | 0/0                | 19998  | 0
			12345     | 3                      | 0      | 3/7                | 34443  | 2592
			""")
	void fractionsOfATengeAreRoundedHalfUpSoTotalsAreWholeTenge(String nightly, int nights, int uplift, String longStay,
			long total, long discounts) {
		String[] parts = longStay.split("/");
		int minNights = Integer.parseInt(parts[0]);
		StayPricing pricing = new StayPricing(Money.kzt(new BigDecimal(nightly)), BigDecimal.valueOf(uplift),
				minNights == 0 ? null : minNights, new BigDecimal(parts[1]));
		LocalDate checkIn = LocalDate.parse("2026-12-07");

		Quote quote = pricing.quote(1, new Stay(checkIn, checkIn.plusDays(nights)), Map.of());

		assertThat(quote.total()).isEqualTo(Money.kzt(total));
		assertThat(quote.discounts()).isEqualTo(Money.kzt(discounts));
		assertThat(quote.nightly()).allSatisfy(night -> assertThat(night.price().isWholeTenge()).isTrue());
		assertThat(quote.total().isWholeTenge()).isTrue();
	}

	@ParameterizedTest(name = "override on {0}")
	@CsvSource({ "2026-12-08, BASE", "2026-12-11, WEEKEND" })
	void aNightPriceOverrideWinsOverBaseAndWeekendPrices(LocalDate night, Quote.Basis without) {
		StayPricing pricing = new StayPricing(NIGHTLY, BigDecimal.valueOf(20), null, BigDecimal.ZERO);
		Stay stay = new Stay(night, night.plusDays(1));

		assertThat(pricing.quote(1, stay, Map.of()).nightly().get(0).basis()).isEqualTo(without);
		Quote overridden = pricing.quote(1, stay, Map.of(night, Money.kzt(7_777)));
		assertThat(overridden.nightly().get(0).basis()).isEqualTo(Quote.Basis.OVERRIDE);
		assertThat(overridden.total()).isEqualTo(Money.kzt(7_777));
	}

}
