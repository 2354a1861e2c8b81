package kz.zhilyego.notification.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.notification.NotificationKind;

/**
 * The body parameters of each kind's WhatsApp template, in order. The approved templates
 * in WhatsApp Manager must have exactly these placeholders ({{1}}, {{2}}, …). Access
 * codes are never sent over WhatsApp templates.
 */
final class WhatsAppTemplates {

	private static final Map<NotificationKind, List<String>> PARAMETERS = new EnumMap<>(NotificationKind.class);

	static {
		PARAMETERS.put(NotificationKind.BOOKING_CONFIRMED_GUEST,
				List.of("bookingId", "listingTitle", "checkIn", "checkOut", "total"));
		PARAMETERS.put(NotificationKind.BOOKING_CONFIRMED_REALTOR,
				List.of("bookingId", "listingTitle", "checkIn", "checkOut", "guestName"));
		PARAMETERS.put(NotificationKind.BOOKING_CANCELLED_GUEST,
				List.of("bookingId", "listingTitle", "reason", "refund"));
		PARAMETERS.put(NotificationKind.BOOKING_CANCELLED_REALTOR,
				List.of("bookingId", "listingTitle", "checkIn", "checkOut", "reason"));
		PARAMETERS.put(NotificationKind.HOLD_EXPIRED_GUEST, List.of("listingTitle", "checkIn", "checkOut"));
		PARAMETERS.put(NotificationKind.PAYMENT_FAILED_GUEST, List.of("bookingId", "listingTitle", "retryUrl"));
		PARAMETERS.put(NotificationKind.REMINDER_BEFORE_CHECK_IN, List.of("listingTitle", "address", "checkIn"));
		PARAMETERS.put(NotificationKind.REMINDER_CHECK_IN_DAY, List.of("listingTitle", "address", "realtorPhone"));
		PARAMETERS.put(NotificationKind.REMINDER_BEFORE_CHECK_OUT, List.of("listingTitle", "checkOut"));
		PARAMETERS.put(NotificationKind.REVIEW_REQUEST, List.of("listingTitle", "reviewUrl"));
		PARAMETERS.put(NotificationKind.REVIEW_REPLY_GUEST, List.of("listingTitle", "listingUrl"));
		PARAMETERS.put(NotificationKind.REFUND_MADE_GUEST, List.of("bookingId", "listingTitle", "refund"));
	}

	private WhatsAppTemplates() {
	}

	static List<String> parameterNames(NotificationKind kind) {
		return PARAMETERS.getOrDefault(kind, List.of());
	}

	/**
	 * Values in template order; a missing value becomes "-" (WhatsApp refuses empty
	 * text).
	 */
	static List<String> parameters(NotificationKind kind, Map<String, String> params) {
		List<String> values = new ArrayList<>();
		for (String name : parameterNames(kind)) {
			String value = params.get(name);
			values.add(value == null || value.isBlank() ? "-" : MessageRenderer.withCurrency(name, value, params));
		}
		return values;
	}

}
