package kz.zhilyego.notification;

/** Reminders scheduled per booking (at most one of each kind per booking). */
public enum ReminderKind {

	/** 24 hours before check-in. */
	BEFORE_CHECK_IN,
	/** On the morning of the check-in day, with the check-in instructions. */
	CHECK_IN_DAY,
	/** 24 hours before check-out. */
	BEFORE_CHECK_OUT,
	/**
	 * After the stay was completed: ask for a review (no longer scheduled: the feedback
	 * request replaced it; kept for reminders scheduled before).
	 */
	REVIEW_REQUEST,
	/** After the stay: the 1–5 feedback request (feedback module). */
	FEEDBACK_REQUEST,
	/** The one reminder of an unanswered feedback request (feedback module). */
	FEEDBACK_REMINDER

}
