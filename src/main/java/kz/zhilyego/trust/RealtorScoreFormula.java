package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The realtor score, a pure function. Each part is a share between 0 and 1, weighted:
 *
 * <pre>
 * rating        30  (average − 1) / 4                      no reviews: 0.5
 * cancellations 20  1 − min(cancelled by realtor / paid ÷ 0.2, 1)   no paid bookings: 1
 * response time 15  1 at ≤ 1 h, 0 at ≥ 48 h, linear between    no data: 0.5
 * occupancy     20  min(occupancy / 0.8, 1)                   no active listing: 0
 * complaints    15  1 − min(upheld / 4, 1)
 * score = round(Σ weight × share), 0–100
 * </pre>
 *
 * A newcomer without reviews or response data gets the middle of those parts, not the
 * bottom: nothing is known against them yet.
 */
public final class RealtorScoreFormula {

	private static final BigDecimal NEUTRAL = new BigDecimal("0.5");

	private RealtorScoreFormula() {
	}

	/**
	 * @param averageRating average of the visible published reviews of the realtor's
	 * listings, null without any
	 * @param paidBookings paid bookings (check-ins in the period)
	 * @param cancelledByRealtor of them, cancelled by the realtor or the agency
	 * @param responseTime median response time, null without data
	 * @param occupancy booked nights / (active listings × days), null without an active
	 * listing
	 * @param complaintsUpheld complaints decided against the realtor
	 */
	public record Inputs(@Nullable BigDecimal averageRating, int paidBookings, int cancelledByRealtor,
			@Nullable Duration responseTime, @Nullable BigDecimal occupancy, int complaintsUpheld) {
	}

	public static RealtorScore score(Inputs in) {
		List<RealtorScore.Component> parts = new ArrayList<>();
		BigDecimal rating = in.averageRating();
		parts.add(part(RealtorScore.Part.RATING, rating == null ? NEUTRAL
				: clamp(rating.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(4), 6, RoundingMode.HALF_UP))));
		parts.add(part(RealtorScore.Part.CANCELLATIONS,
				in.paidBookings() <= 0 ? BigDecimal.ONE
						: BigDecimal.ONE.subtract(clamp(BigDecimal.valueOf(in.cancelledByRealtor())
							.divide(BigDecimal.valueOf(in.paidBookings()), 6, RoundingMode.HALF_UP)
							.divide(new BigDecimal("0.2"), 6, RoundingMode.HALF_UP)))));
		Duration response = in.responseTime();
		parts.add(part(RealtorScore.Part.RESPONSE_TIME,
				response == null ? NEUTRAL
						: BigDecimal.ONE.subtract(clamp(BigDecimal.valueOf(response.toSeconds() - 3600)
							.divide(BigDecimal.valueOf(47 * 3600L), 6, RoundingMode.HALF_UP)))));
		BigDecimal occupancy = in.occupancy();
		parts.add(part(RealtorScore.Part.OCCUPANCY, occupancy == null ? BigDecimal.ZERO
				: clamp(occupancy.divide(new BigDecimal("0.8"), 6, RoundingMode.HALF_UP))));
		parts.add(part(RealtorScore.Part.COMPLAINTS, BigDecimal.ONE
			.subtract(clamp(BigDecimal.valueOf(Math.max(in.complaintsUpheld(), 0)).divide(BigDecimal.valueOf(4))))));
		BigDecimal sum = parts.stream().map(RealtorScore.Component::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new RealtorScore(sum.setScale(0, RoundingMode.HALF_UP).intValueExact(), parts);
	}

	private static RealtorScore.Component part(RealtorScore.Part part, BigDecimal share) {
		return new RealtorScore.Component(part, share.setScale(2, RoundingMode.HALF_UP),
				share.multiply(BigDecimal.valueOf(part.weight())).setScale(2, RoundingMode.HALF_UP));
	}

	private static BigDecimal clamp(BigDecimal share) {
		return share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
	}

}
