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

	/** A refund made by hand in the Kaspi cabinet: the money is on its way back. */
	REFUND_MADE_GUEST,
	/** Superusers: a payment or refund needs a person (the admin payment queue). */
	PAYMENT_ATTENTION_ADMIN,
	/** Superusers: the daily reconciliation with Kaspi found differences. */
	RECONCILIATION_REPORT_ADMIN,

	/**
	 * A password reset link (e-mail, and Telegram when linked); always sent, whatever the
	 * recipient's settings.
	 */
	PASSWORD_RESET

}
