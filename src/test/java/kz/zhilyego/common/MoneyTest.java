package kz.zhilyego.common;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void keepsTwoDecimalsAndComputesPercentagesHalfUp() {
		Money price = Money.kzt(new BigDecimal("33333"));

		assertThat(price.percent(new BigDecimal("2.5")).amount()).isEqualByComparingTo("833.33");
		assertThat(price.percent(new BigDecimal("10")).amount()).isEqualByComparingTo("3333.30");
		assertThat(Money.kzt(new BigDecimal("0.005")).amount()).isEqualByComparingTo("0.01");
	}

	@Test
	void addsAndSubtractsInOneCurrencyOnly() {
		assertThat(Money.kzt(100).plus(Money.kzt(50)).minus(Money.kzt(30))).isEqualTo(Money.kzt(120));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.kzt(1).plus(new Money(BigDecimal.ONE, "USD")));
	}

}
