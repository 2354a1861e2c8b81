package kz.zhilyego.booking;

import java.sql.SQLException;

import kz.zhilyego.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The booking module, not the web layer, turns a refused overlap into its 409. */
class RefusingOverlapTest {

	@Test
	void theExclusionConstraintsRefusalIsTheDomainsDatesUnavailable() {
		assertThatThrownBy(() -> Bookings.refusingOverlap("block.datesTaken", () -> {
			throw new DataIntegrityViolationException("insert",
					new SQLException("conflicting key value violates exclusion constraint", "23P01"));
		})).isInstanceOfSatisfying(ProblemException.class, ex -> {
			assertThat(ex.type()).isEqualTo("dates-unavailable");
			assertThat(ex.messageKey()).isEqualTo("block.datesTaken");
			assertThat(ex.status().value()).isEqualTo(409);
		});
	}

	@Test
	void otherIntegrityViolationsPassThroughAndResultsComeBack() {
		DataIntegrityViolationException duplicate = new DataIntegrityViolationException("insert",
				new SQLException("duplicate key", "23505"));
		assertThatThrownBy(() -> Bookings.refusingOverlap("booking.datesUnavailable", () -> {
			throw duplicate;
		})).isSameAs(duplicate);
		assertThat(Bookings.refusingOverlap("booking.datesUnavailable", () -> 1)).isEqualTo(1);
	}

}
