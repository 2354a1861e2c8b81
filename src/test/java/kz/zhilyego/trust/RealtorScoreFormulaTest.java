package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtor score formula as a table of hand-computed cases (docs/platform.md
 * "Scores").
 */
class RealtorScoreFormulaTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					# case                             | rating | paid | cancelled | responseMinutes | occupancy | upheld | score | points: rating, cancellations, response, occupancy, complaints
					perfect                            | 5.0    | 10   | 0         | 30              | 0.8       | 0      | 100   | 30.00 20.00 15.00 20.00 15.00
					newcomer: neutral where unknown    | -      | 0    | 0         | -               | -         | 0      | 58    | 15.00 20.00 7.50 0.00 15.00
					worst                              | 1.0    | 10   | 2         | 2880            | 0         | 4      | 0     | 0.00 0.00 0.00 0.00 0.00
					middle of every part               | 4.0    | 20   | 1         | 1470            | 0.4       | 1      | 66    | 22.50 15.00 7.50 10.00 11.25
					clamped beyond the ends            | 3.0    | 0    | 0         | 4320            | 1.2       | 10     | 55    | 15.00 20.00 0.00 20.00 0.00
					an instant answer is a full part   | 2.0    | 4    | 1         | 0               | 0.2       | 2      | 35    | 7.50 0.00 15.00 5.00 7.50
					""")
	void scoresTheTable(String name, BigDecimal rating, int paid, int cancelled, Long responseMinutes,
			BigDecimal occupancy, int upheld, int score, String points) {
		RealtorScore result = RealtorScoreFormula.score(new RealtorScoreFormula.Inputs(rating, paid, cancelled,
				responseMinutes == null ? null : Duration.ofMinutes(responseMinutes), occupancy, upheld));
		assertThat(result.score()).as(name).isEqualTo(score);
		assertThat(result.components()).as(name)
			.extracting(c -> c.points().toPlainString())
			.containsExactly(points.split(" "));
		assertThat(result.components()).extracting(RealtorScore.Component::part)
			.containsExactly(RealtorScore.Part.values());
	}

}
