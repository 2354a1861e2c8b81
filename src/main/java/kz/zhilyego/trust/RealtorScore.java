package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.util.List;

/**
 * A realtor's score (0–100, higher = better) and its components: each a share 0–1 (2
 * decimals) and the points it brings (share × weight, 2 decimals).
 */
public record RealtorScore(int score, List<Component> components) {

	public RealtorScore {
		components = List.copyOf(components);
	}

	public record Component(Part part, BigDecimal share, BigDecimal points) {

		/** The i18n key of the component's label. */
		public String labelKey() {
			return "trust.realtor.part." + this.part.name();
		}

	}

	/** The parts of {@link RealtorScoreFormula}, with their weights (summing to 100). */
	public enum Part {

		RATING(30), CANCELLATIONS(20), RESPONSE_TIME(15), OCCUPANCY(20), COMPLAINTS(15);

		private final int weight;

		Part(int weight) {
			this.weight = weight;
		}

		public int weight() {
			return this.weight;
		}

	}

}
