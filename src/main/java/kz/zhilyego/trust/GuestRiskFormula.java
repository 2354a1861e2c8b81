package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The guest risk score (seed 004, adapted), a pure function of a guest's record:
 *
 * <pre>
 * cancellations   = cancelledByGuest / bookings × 45            (no bookings: 0)
 * negative flags  = min(negativeFlags × 8, 25)
 * new account     = (30 − ageDays) / 30 × 15   when ageDays &lt; 30, else 0
 * few stays       = (5 − completed) / 5 × 10   when completed &lt; 5, else 0
 * host ratings    = (5 − averageRating) / 4 × 20                (no ratings: 0)
 * score           = round(sum), clamped to 0–100; level at 25 / 50 / 75
 * </pre>
 *
 * A guest nobody rated yet is not punished by the rating term: "no ratings" says nothing
 * bad, and the few-stays term already covers the lack of history.
 */
public final class GuestRiskFormula {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private GuestRiskFormula() {
	}

	/**
	 * @param bookings bookings that were paid or cancelled
	 * @param cancelledByGuest of them, cancelled by the guest
	 * @param negativeFlags negative flags in visible host reviews of the guest
	 * @param accountAgeDays whole days since registration
	 * @param completedStays completed stays
	 * @param averageRating average of visible host ratings (1–5), null without any
	 */
	public record Inputs(int bookings, int cancelledByGuest, int negativeFlags, long accountAgeDays, int completedStays,
			@Nullable BigDecimal averageRating) {
	}

	public static GuestRisk score(Inputs in) {
		List<GuestRisk.Reason> reasons = new ArrayList<>();
		BigDecimal cancellations = in.bookings() <= 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(Math.min(in.cancelledByGuest(), in.bookings()))
					.multiply(BigDecimal.valueOf(45))
					.divide(BigDecimal.valueOf(in.bookings()), 4, RoundingMode.HALF_UP);
		add(reasons, GuestRisk.Factor.CANCELLATIONS, cancellations);
		add(reasons, GuestRisk.Factor.NEGATIVE_FLAGS,
				BigDecimal.valueOf(Math.min(Math.max(in.negativeFlags(), 0) * 8L, 25)));
		long age = Math.max(in.accountAgeDays(), 0);
		add(reasons, GuestRisk.Factor.NEW_ACCOUNT, age >= 30 ? BigDecimal.ZERO
				: BigDecimal.valueOf((30 - age) * 15).divide(BigDecimal.valueOf(30), 4, RoundingMode.HALF_UP));
		int stays = Math.max(in.completedStays(), 0);
		add(reasons, GuestRisk.Factor.FEW_STAYS, stays >= 5 ? BigDecimal.ZERO
				: BigDecimal.valueOf((5 - stays) * 10L).divide(BigDecimal.valueOf(5), 4, RoundingMode.HALF_UP));
		BigDecimal rating = in.averageRating();
		add(reasons, GuestRisk.Factor.LOW_HOST_RATINGS,
				rating == null ? BigDecimal.ZERO
						: BigDecimal.valueOf(5)
							.subtract(rating.max(BigDecimal.ONE).min(BigDecimal.valueOf(5)))
							.multiply(BigDecimal.valueOf(20))
							.divide(BigDecimal.valueOf(4), 4, RoundingMode.HALF_UP));
		BigDecimal sum = reasons.stream().map(GuestRisk.Reason::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		int score = sum.min(HUNDRED).max(BigDecimal.ZERO).setScale(0, RoundingMode.HALF_UP).intValueExact();
		List<GuestRisk.Reason> shown = reasons.stream()
			.map(r -> new GuestRisk.Reason(r.factor(), r.points().setScale(2, RoundingMode.HALF_UP)))
			.sorted(Comparator.comparing(GuestRisk.Reason::points).reversed().thenComparing(r -> r.factor().ordinal()))
			.toList();
		return new GuestRisk(score, RiskLevel.of(score), shown);
	}

	private static void add(List<GuestRisk.Reason> reasons, GuestRisk.Factor factor, BigDecimal points) {
		if (points.signum() > 0) {
			reasons.add(new GuestRisk.Reason(factor, points));
		}
	}

}
