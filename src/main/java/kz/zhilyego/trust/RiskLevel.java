package kz.zhilyego.trust;

/** A guest risk score's band: low below 25, medium below 50, high below 75, critical. */
public enum RiskLevel {

	LOW, MEDIUM, HIGH, CRITICAL;

	public static RiskLevel of(int score) {
		if (score >= 75) {
			return CRITICAL;
		}
		if (score >= 50) {
			return HIGH;
		}
		if (score >= 25) {
			return MEDIUM;
		}
		return LOW;
	}

	/** The i18n key of the level's label. */
	public String labelKey() {
		return "trust.risk.level." + name();
	}

}
