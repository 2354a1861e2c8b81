package kz.zhilyego.payment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import kz.zhilyego.common.Money;
import kz.zhilyego.payment.internal.LedgerPolicy.Entry;
import kz.zhilyego.payment.internal.LedgerPolicy.EntryType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerPolicyTest {

	@Test
	void aConfirmationBooksGrossCommissionFeeAndThePayoutOfGrossMinusCommission() {
		List<Entry> entries = LedgerPolicy.confirmation(Money.kzt(60_000), Money.kzt(6_000), Money.kzt(1_500));

		assertThat(entries).containsExactly(new Entry(EntryType.GROSS, Money.kzt(60_000)),
				new Entry(EntryType.PLATFORM_COMMISSION, Money.kzt(6_000)),
				new Entry(EntryType.GATEWAY_FEE, Money.kzt(1_500)),
				new Entry(EntryType.REALTOR_PAYOUT, Money.kzt(54_000)));
	}

	@Test
	void aFullRefundReversesEveryEntryExactly() {
		List<Entry> reversal = LedgerPolicy.reversal(Money.kzt(60_000), Money.kzt(6_000), Money.kzt(1_500),
				Money.kzt(60_000));

		assertThat(reversal).containsExactly(new Entry(EntryType.GROSS_REVERSAL, Money.kzt(-60_000)),
				new Entry(EntryType.PLATFORM_COMMISSION_REVERSAL, Money.kzt(-6_000)),
				new Entry(EntryType.GATEWAY_FEE_REVERSAL, Money.kzt(-1_500)),
				new Entry(EntryType.REALTOR_PAYOUT_REVERSAL, Money.kzt(-54_000)));
	}

	@Test
	void aHalfRefundReversesHalfOfEachEntry() {
		List<Entry> reversal = LedgerPolicy.reversal(Money.kzt(60_000), Money.kzt(6_000), Money.kzt(1_500),
				Money.kzt(30_000));

		assertThat(reversal).extracting(Entry::amount)
			.containsExactly(Money.kzt(-30_000), Money.kzt(-3_000), Money.kzt(-750), Money.kzt(-27_000));
	}

	@Test
	void grossEqualsCommissionPlusPayoutForEveryConfirmationAndRefundOfRandomAmounts() {
		Random random = new Random(20261201);
		for (int i = 0; i < 2_000; i++) {
			Money gross = new Money(BigDecimal.valueOf(random.nextLong(1, 50_000_000), 2), Money.KZT);
			Money commission = gross.percent(BigDecimal.valueOf(random.nextInt(0, 2_500), 2));
			Money fee = gross.percent(new BigDecimal("2.5"));
			Money refund = new Money(
					gross.amount().multiply(BigDecimal.valueOf(random.nextInt(0, 101))).movePointLeft(2), Money.KZT);
			if (refund.compareTo(gross) > 0) {
				refund = gross;
			}

			List<Entry> booked = LedgerPolicy.confirmation(gross, commission, fee);
			List<Entry> reversed = LedgerPolicy.reversal(gross, commission, fee, refund);

			assertThat(sum(booked, EntryType.GROSS)).as("set %d", i)
				.isEqualTo(sum(booked, EntryType.PLATFORM_COMMISSION).plus(sum(booked, EntryType.REALTOR_PAYOUT)));
			assertThat(sum(reversed, EntryType.GROSS_REVERSAL)).as("reversal %d", i)
				.isEqualTo(sum(reversed, EntryType.PLATFORM_COMMISSION_REVERSAL)
					.plus(sum(reversed, EntryType.REALTOR_PAYOUT_REVERSAL)));
			assertThat(sum(reversed, EntryType.GROSS_REVERSAL).amount().negate()).isEqualTo(refund.amount());
			assertThat(sum(reversed, EntryType.PLATFORM_COMMISSION_REVERSAL).amount().abs())
				.isLessThanOrEqualTo(commission.amount());
			assertThat(sum(reversed, EntryType.GATEWAY_FEE_REVERSAL).amount().abs()).isLessThanOrEqualTo(fee.amount());
		}
	}

	@Test
	void refusesToRefundMoreThanTheGross() {
		assertThatThrownBy(() -> LedgerPolicy.reversal(Money.kzt(100), Money.kzt(10), Money.kzt(3), Money.kzt(101)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Money sum(List<Entry> entries, EntryType type) {
		return entries.stream()
			.filter(e -> e.type() == type)
			.map(Entry::amount)
			.reduce(Money.zero(Money.KZT), Money::plus);
	}

}
