package kz.zhilyego.common;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void keepsTwoDecimals() {
		assertThat(Money.kzt(new BigDecimal("0.005")).amount()).isEqualByComparingTo("0.01");
		assertThat(Money.kzt(new BigDecimal("12345.5")).amount().scale()).isEqualTo(2);
	}

	/**
	 * The whole-tenge rule: every derived amount (percentages, shares, prices with tiyn)
	 * is whole tenge, half up. Before the rule percentages kept tiyn (833.33, 3333.30).
	 */
	@ParameterizedTest(name = "{1} % of {0} = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# amount | percent | whole tenge
			33333    | 2.5     | 833
			33333    | 10      | 3333
			12345    | 50      | 6173
			12344    | 50      | 6172
			20001    | 15      | 3000
			19999    | 12.5    | 2500
			18500    | 15      | 2775
			100      | 0.5     | 1
			100      | 0.49    | 0
			60000    | 100     | 60000
			60000    | 0       | 0
			""")
	void percentagesAreWholeTengeRoundedHalfUp(String amount, String percent, String expected) {
		Money result = Money.kzt(new BigDecimal(amount)).percent(new BigDecimal(percent));

		assertThat(result.amount()).isEqualByComparingTo(expected);
		assertThat(result.isWholeTenge()).isTrue();
	}

	@ParameterizedTest(name = "{0} × {1} / {2} = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# part | refund | gross | share
			3333   | 16667  | 33333 | 1667
			833    | 16667  | 33333 | 417
			6000   | 30000  | 60000 | 3000
			1      | 1      | 3     | 0
			2      | 1      | 3     | 1
			6000   | 0      | 60000 | 0
			6000   | 5      | 0     | 0
			""")
	void sharesAreWholeTengeRoundedHalfUp(long part, long refund, long gross, String expected) {
		assertThat(Money.kzt(part).share(Money.kzt(refund), Money.kzt(gross)).amount()).isEqualByComparingTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "12345.49, 12345", "12345.50, 12346", "0.50, 1", "0.49, 0", "7777, 7777" })
	void pricesWithTiynAreRoundedToWholeTengeHalfUp(String amount, String expected) {
		Money whole = Money.kzt(new BigDecimal(amount)).wholeTenge();

		assertThat(whole.amount()).isEqualByComparingTo(expected);
		assertThat(whole.isWholeTenge()).isTrue();
		assertThat(Money.kzt(new BigDecimal(amount)).isWholeTenge()).isEqualTo(amount.equals("7777"));
	}

	@Test
	void addsAndSubtractsInOneCurrencyOnly() {
		assertThat(Money.kzt(100).plus(Money.kzt(50)).minus(Money.kzt(30))).isEqualTo(Money.kzt(120));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.kzt(1).plus(new Money(BigDecimal.ONE, "USD")));
	}

}
