package kz.zhilyego.notification;

/**
 * What a message is about. Each kind has its texts in
 * {@code i18n/notification*.properties}
 * ({@code notification.kind.<KIND>.subject|title|intro}) and a WhatsApp template.
 */
public enum NotificationKind {

	BOOKING_CONFIRMED_GUEST, BOOKING_CONFIRMED_REALTOR, BOOKING_CANCELLED_GUEST, BOOKING_CANCELLED_REALTOR,
	HOLD_EXPIRED_GUEST, PAYMENT_FAILED_GUEST, REMINDER_BEFORE_CHECK_IN, REMINDER_CHECK_IN_DAY,
	REMINDER_BEFORE_CHECK_OUT, REVIEW_REQUEST, REVIEW_RECEIVED_REALTOR, REVIEW_REPLY_GUEST,

	/** An agency head invites someone to join the agency (e-mail, with the link). */
	AGENCY_INVITATION,

	/** Another booking system moved a booking's dates. */
	BOOKING_MOVED_GUEST,

	/**
	 * A booking from another system, or an imported calendar's event, hit nights that are
	 * taken here (nothing was booked or blocked for them).
	 */
	CHANNEL_CONFLICT_REALTOR,

	/** A guest someone else booked: link Telegram in one tap (WhatsApp). */
	TELEGRAM_INVITE_GUEST,

	/** After the stay: "how was it?", a rating of 1–5 in one tap. */
	FEEDBACK_REQUEST,

	/** The one reminder of an unanswered feedback request. */
	FEEDBACK_REMINDER,

	/** A guest's answer to "what could we do better?" for the realtor to follow up. */
	FEEDBACK_FOLLOW_UP_REALTOR,

	/**
	 * The superuser approved, rejected (with a reason) or suspended a realtor's listing.
	 */
	LISTING_APPROVED_REALTOR, LISTING_REJECTED_REALTOR, LISTING_SUSPENDED_REALTOR,

	/** The monthly report (PDF attached) for superusers and agency heads. */
	MONTHLY_REPORT,

	/** A refund made by hand in the Kaspi cabinet: the money is on its way back. */
	REFUND_MADE_GUEST,
	/** Superusers: a payment or refund needs a person (the admin payment queue). */
	PAYMENT_ATTENTION_ADMIN,
	/** Superusers: the daily reconciliation with Kaspi found differences. */
	RECONCILIATION_REPORT_ADMIN,
	/** A rule of the rule engine sent one of its templates (text in {@code reason}). */
	RULE_NOTICE,

	/**
	 * A password reset link (e-mail, and Telegram when linked); always sent, whatever the
	 * recipient's settings.
	 */
	PASSWORD_RESET,
	/**
	 * A new message in a booking's chat (one per burst), with a "Reply" button in
	 * Telegram.
	 */
	CHAT_MESSAGE

}
