package kz.zhilyego.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The booking horizon: a stay or a block starts at most
 * {@code zhilyego.catalog.booking-horizon-days} ahead, counted from today in Kazakhstan.
 */
class StayHorizonTest {

	// 00:30 on 2 December in Astana, still 1 December in UTC
	private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T19:30:00Z"), Zones.KAZAKHSTAN);

	private final StayQuotes quotes = new StayQuotes(null, null,
			new CatalogProperties(90, 20, 100, 365, 730, 1000, new CatalogProperties.Popular(0, 0)), this.clock);

	private final LocalDate today = LocalDate.of(2026, 12, 2);

	@Test
	void theLastDayOfTheHorizonIsBookableAndTheNextIsNot() {
		LocalDate last = this.today.plusDays(730);

		assertThat(this.quotes.validStay(last, last.plusDays(3)).nights()).isEqualTo(3);
		assertThatThrownBy(() -> this.quotes.validStay(last.plusDays(1), last.plusDays(2)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.fieldErrors()).containsEntry("checkIn", "stay.tooFar");
			});
	}

	@Test
	void farDatesAreAFieldErrorOfTheFieldNamed() {
		assertThatThrownBy(() -> this.quotes.validStay(LocalDate.of(9999, 1, 1), LocalDate.of(9999, 1, 3)))
			.isInstanceOfSatisfying(ProblemException.class,
					ex -> assertThat(ex.fieldErrors()).containsEntry("checkIn", "stay.tooFar"));
		assertThatThrownBy(() -> this.quotes.checkHorizon(this.today.plusYears(5), "from")).isInstanceOfSatisfying(
				ProblemException.class, ex -> assertThat(ex.fieldErrors()).containsEntry("from", "stay.tooFar"));
	}

}
