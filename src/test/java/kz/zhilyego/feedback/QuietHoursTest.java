package kz.zhilyego.feedback;

import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

	private final QuietHours hours = new QuietHours(LocalTime.of(10, 0), LocalTime.of(21, 0));

	@ParameterizedTest(name = "{0} (UTC) → {1}")
	@CsvSource(textBlock = """
			# 15:00 Astana: inside
			2026-12-13T10:00:00Z, 2026-12-13T10:00:00Z, true
			# 09:59 Astana: waits for 10:00 the same day
			2026-12-13T04:59:00Z, 2026-12-13T05:00:00Z, false
			# 10:00 Astana: the window opens
			2026-12-13T05:00:00Z, 2026-12-13T05:00:00Z, true
			# 21:00 Astana: closed, next day 10:00
			2026-12-13T16:00:00Z, 2026-12-14T05:00:00Z, false
			# 23:30 Astana: next day 10:00
			2026-12-13T18:30:00Z, 2026-12-14T05:00:00Z, false
			# 02:00 Astana (21:00 UTC the day before): that morning 10:00
			2026-12-12T21:00:00Z, 2026-12-13T05:00:00Z, false
			""")
	void movesAnInstantOutsideTenToNinePmAstanaToTheNextOpening(Instant at, Instant next, boolean allowed) {
		assertThat(this.hours.next(at)).isEqualTo(next);
		assertThat(this.hours.allows(at)).isEqualTo(allowed);
	}

}
