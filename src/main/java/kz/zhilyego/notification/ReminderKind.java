package kz.zhilyego.notification;

/** Reminders scheduled per booking (at most one of each kind per booking). */
public enum ReminderKind {

	/** 24 hours before check-in. */
	BEFORE_CHECK_IN,
	/** On the morning of the check-in day, with the check-in instructions. */
	CHECK_IN_DAY,
	/** 24 hours before check-out. */
	BEFORE_CHECK_OUT,
	/** After the stay was completed: ask for a review. */
	REVIEW_REQUEST

}
