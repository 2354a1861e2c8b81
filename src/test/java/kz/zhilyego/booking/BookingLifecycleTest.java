package kz.zhilyego.booking;

import kz.zhilyego.common.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingLifecycleTest {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource(textBlock = """
			HOLD,       CONFIRMED,  true
			HOLD,       CANCELLED,  true
			HOLD,       EXPIRED,    true
			HOLD,       CHECKED_IN, false
			HOLD,       COMPLETED,  false
			CONFIRMED,  CHECKED_IN, true
			CONFIRMED,  CANCELLED,  true
			CONFIRMED,  EXPIRED,    false
			CONFIRMED,  HOLD,       false
			CHECKED_IN, COMPLETED,  true
			CHECKED_IN, CANCELLED,  false
			EXPIRED,    CONFIRMED,  true
			EXPIRED,    HOLD,       false
			EXPIRED,    CANCELLED,  false
			CANCELLED,  CONFIRMED,  false
			CANCELLED,  HOLD,       false
			COMPLETED,  CANCELLED,  false
			COMPLETED,  CHECKED_IN, false
			""")
	void allowsOnlyTheLifecycleTransitions(BookingStatus from, BookingStatus to, boolean allowed) {
		assertThat(BookingLifecycle.allows(from, to)).isEqualTo(allowed);
		if (!allowed) {
			assertThatThrownBy(() -> BookingLifecycle.check(from, to)).isInstanceOf(ProblemException.class)
				.satisfies(ex -> assertThat(((ProblemException) ex).status().value()).isEqualTo(409));
		}
	}

}
