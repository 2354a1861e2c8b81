package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest risk formula as a table of hand-computed cases (docs/platform.md "Scores").
 */
class GuestRiskFormulaTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					# case                          | bookings | cancelled | flags | ageDays | stays | rating | score | level    | reasons (factor=points, largest first)
					veteran without a blemish       | 10       | 0         | 0     | 400     | 8     | 5.0    | 0     | LOW      | -
					brand-new account, no history   | 0        | 0         | 0     | 0       | 0     | -      | 25    | MEDIUM   | NEW_ACCOUNT=15.00;FEW_STAYS=10.00
					no ratings: that term is 0      | 5        | 0         | 0     | 100     | 5     | -      | 0     | LOW      | -
					one cancellation in four        | 4        | 1         | 0     | 60      | 3     | 4.0    | 20    | LOW      | CANCELLATIONS=11.25;LOW_HOST_RATINGS=5.00;FEW_STAYS=4.00
					everything bad, clamped to 100  | 2        | 2         | 4     | 10      | 0     | 1.0    | 100   | CRITICAL | CANCELLATIONS=45.00;NEGATIVE_FLAGS=25.00;LOW_HOST_RATINGS=20.00;NEW_ACCOUNT=10.00;FEW_STAYS=10.00
					exactly 50 is high              | 1        | 1         | 0     | 20      | 5     | -      | 50    | HIGH     | CANCELLATIONS=45.00;NEW_ACCOUNT=5.00
					74.5 rounds up to critical      | 1        | 1         | 4     | 400     | 4     | 4.5    | 75    | CRITICAL | CANCELLATIONS=45.00;NEGATIVE_FLAGS=25.00;LOW_HOST_RATINGS=2.50;FEW_STAYS=2.00
					day 30 is no longer new         | 3        | 0         | 1     | 30      | 5     | 3.0    | 18    | LOW      | LOW_HOST_RATINGS=10.00;NEGATIVE_FLAGS=8.00
					flags cap at 25                 | 6        | 0         | 9     | 365     | 6     | 5.0    | 25    | MEDIUM   | NEGATIVE_FLAGS=25.00
					""")
	void scoresTheTable(String name, int bookings, int cancelled, int flags, long ageDays, int stays, BigDecimal rating,
			int score, RiskLevel level, String reasons) {
		GuestRisk risk = GuestRiskFormula
			.score(new GuestRiskFormula.Inputs(bookings, cancelled, flags, ageDays, stays, rating));
		assertThat(risk.score()).as(name).isEqualTo(score);
		assertThat(risk.level()).as(name).isEqualTo(level);
		List<String> expected = reasons == null ? List.of() : Arrays.asList(reasons.split(";"));
		assertThat(risk.reasons()).as(name)
			.extracting(r -> r.factor().name() + "=" + r.points().toPlainString())
			.containsExactlyElementsOf(expected);
	}

	@Test
	void levelsChangeAt25And50And75() {
		assertThat(List.of(0, 24, 25, 49, 50, 74, 75, 100).stream().map(RiskLevel::of)).containsExactly(RiskLevel.LOW,
				RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.HIGH, RiskLevel.CRITICAL,
				RiskLevel.CRITICAL);
	}

}
