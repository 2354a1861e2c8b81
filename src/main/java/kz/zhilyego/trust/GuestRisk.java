package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.util.List;

/**
 * A guest's risk score (0–100, higher = riskier), its level and the terms that make it up
 * (only those above zero, largest first).
 */
public record GuestRisk(int score, RiskLevel level, List<Reason> reasons) {

	public GuestRisk {
		reasons = List.copyOf(reasons);
	}

	/** What raised the score, by how many points (2 decimals). */
	public record Reason(Factor factor, BigDecimal points) {

		/** The i18n key of the reason's label. */
		public String labelKey() {
			return "trust.risk.reason." + this.factor.name();
		}

	}

	/** The terms of {@link GuestRiskFormula}. */
	public enum Factor {

		CANCELLATIONS, NEGATIVE_FLAGS, NEW_ACCOUNT, FEW_STAYS, LOW_HOST_RATINGS

	}

}
