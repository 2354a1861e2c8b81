package kz.zhilyego.review;

/**
 * What a realtor may tick when rating a guest after the stay. The negative ones count
 * towards the guest's risk score (docs/platform.md "Scores").
 */
public enum GuestFlag {

	NOISE(true), DAMAGE(true), RULES_BROKEN(true), EXTRA_GUESTS(true), SMOKING(true), LEFT_DIRTY(true),
	LEFT_CLEAN(false), RESPECTFUL(false), GOOD_COMMUNICATION(false);

	private final boolean negative;

	GuestFlag(boolean negative) {
		this.negative = negative;
	}

	public boolean negative() {
		return this.negative;
	}

	/** The i18n key of the flag's label. */
	public String labelKey() {
		return "guestReview.flag." + name();
	}

}
